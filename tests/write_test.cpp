// Tests of lib/write: the ladder, TSV, JSONL, bitext and TMX writers, join_sentences,
// xml_escape and tmx_date. TMX validity is checked with xmllint against shared/formats/tmx14.dtd
// and the read-back with the Translate Toolkit, each only when installed.
#include <catch2/catch.hpp>

#include <climits>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <locale>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "anchoralign/error.h"
#include "anchoralign/io.h"
#include "write/xml.h"

namespace {

using anchoralign::Alignment;
using anchoralign::Bead;
using anchoralign::Lang;
using anchoralign::SplitText;
using anchoralign::WriteOptions;

SplitText make_text(Lang lang, const std::vector<std::string>& sentences) {
  SplitText text;
  text.name = lang == Lang::kZh ? "zh.txt" : "en.txt";
  text.lang = lang;
  for (const std::string& sentence : sentences) {
    anchoralign::Sentence s;
    s.text = sentence;
    text.sentences.push_back(s);
  }
  return text;
}

// Chinese source and English target: a 3-1 bead with an empty sentence in the middle, a 2-1
// bead whose Chinese join needs a space (iPhone + 15), special characters, a 1-0, a 1-1 bead
// of empty sentences and a 0-1.
const SplitText kZh = make_text(Lang::kZh, {"他说：“你好。”",
                                            "",
                                            "她走了。",
                                            "我用的是iPhone",
                                            "15台电脑。",
                                            "A&B<C>\"D\"'E'\x01" "F\tG",
                                            "多余的一句。",
                                            ""});
const SplitText kEn = make_text(Lang::kEn, {"He said: \"Hello.\" She left.",
                                            "I use an iPhone 15 computer.",
                                            "Tab\there, new\nline & <tag>",
                                            "",
                                            "An extra sentence."});
const Alignment kBeads = {{0, 3, 0, 1, 0.873}, {3, 2, 1, 1, 0.5}, {5, 1, 2, 1, 0.25},
                          {6, 1, 3, 0, 0.1},   {7, 1, 3, 1, 0.9}, {8, 0, 4, 1, 0.0}};

std::string ladder(const Alignment& alignment) {
  std::ostringstream out;
  anchoralign::write_ladder(out, alignment);
  return out.str();
}

std::string tmx(const SplitText& source, const SplitText& target, const Alignment& alignment,
                double min_score = 0) {
  WriteOptions options;
  options.tool_version = "0.1.0";
  options.creation_time = 1669766400;
  options.min_score = min_score;
  std::ostringstream out;
  anchoralign::write_tmx(out, source, target, alignment, options);
  return out.str();
}

int count_of(const std::string& text, const std::string& needle) {
  int count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A fresh directory under the system temp directory, removed with its contents at scope end.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device random;
    path = std::filesystem::temp_directory_path() /
           ("anchoralign_write_test_" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

const std::string kDtd = ANCHORALIGN_SOURCE_DIR "/../shared/formats/tmx14.dtd";

}  // namespace

TEST_CASE("join_sentences joins Chinese directly and English with spaces", "[write]") {
  struct Row {
    Lang lang;
    std::vector<std::string> sentences;
    std::string joined;
  };
  const std::vector<Row> rows = {
      {Lang::kZh, {"你好。", "再见。"}, "你好。再见。"},
      {Lang::kZh, {"我用iPhone", "15台"}, "我用iPhone 15台"},
      {Lang::kZh, {"版本2", "A面"}, "版本2 A面"},
      {Lang::kZh, {"用iPhone", "。"}, "用iPhone。"},  // only letter/digit on both sides
      {Lang::kZh, {"好", "OK"}, "好OK"},
      {Lang::kZh, {"abc", "", "def"}, "abc def"},  // the seam skips the empty sentence
      {Lang::kEn, {"One.", "Two."}, "One. Two."},
      {Lang::kEn, {"One.", "", "", "Two."}, "One. Two."},
      {Lang::kEn, {"", "One."}, "One."},
      {Lang::kEn, {"One.", ""}, "One."},
      {Lang::kEn, {"", ""}, ""},
      {Lang::kUnknown, {"甲", "乙"}, "甲 乙"},
      {Lang::kEn, {}, ""},
      // Former bugs: none yet.
  };
  for (const Row& row : rows) {
    const SplitText text = make_text(row.lang, row.sentences);
    CAPTURE(row.joined);
    CHECK(anchoralign::join_sentences(text, 0, static_cast<int>(row.sentences.size())) ==
          row.joined);
  }
  CHECK(anchoralign::join_sentences(kZh, 3, 0) == "");
  CHECK(anchoralign::join_sentences(kZh, 8, 0) == "");  // empty range at the end
  CHECK(anchoralign::join_sentences(kZh, 3, 1) == "我用的是iPhone");
}

TEST_CASE("join_sentences throws on a range outside the text", "[write]") {
  using anchoralign::Error;
  CHECK_THROWS_AS(anchoralign::join_sentences(kZh, -1, 1), Error);
  CHECK_THROWS_AS(anchoralign::join_sentences(kZh, 0, -1), Error);
  CHECK_THROWS_AS(anchoralign::join_sentences(kZh, 8, 1), Error);
  CHECK_THROWS_AS(anchoralign::join_sentences(kZh, 9, 0), Error);
  CHECK_THROWS_AS(anchoralign::join_sentences(kZh, INT_MAX, INT_MAX), Error);
  CHECK_THROWS_WITH(anchoralign::join_sentences(kZh, 5, 4),
                    "bead sentences [5, 9) lie outside the 8 sentences of zh.txt");
}

TEST_CASE("write_ladder writes 0-based indices and three decimals", "[write]") {
  CHECK(ladder(kBeads) ==
        "[0,1,2]:[0]:0.873\n"
        "[3,4]:[1]:0.500\n"
        "[5]:[2]:0.250\n"
        "[6]:[]:0.100\n"
        "[7]:[3]:0.900\n"
        "[]:[4]:0.000\n");
  CHECK(ladder({}) == "");
  CHECK(ladder({{10, 3, 12, 4, 1.0}}) == "[10,11,12]:[12,13,14,15]:1.000\n");
}

TEST_CASE("scores print with three decimals whatever the value", "[write]") {
  const double kNan = std::numeric_limits<double>::quiet_NaN();
  const double kInf = std::numeric_limits<double>::infinity();
  const std::vector<std::pair<double, std::string>> rows = {
      {0.0, "0.000"},   {1.0, "1.000"},    {0.12345, "0.123"}, {0.9996, "1.000"},
      {0.0004, "0.000"}, {-0.0001, "0.000"}, {-0.25, "-0.250"}, {2.5, "2.500"},
      {kNan, "0.000"},  {kInf, "0.000"},   {-kInf, "0.000"},
      // Former bugs: none yet.
  };
  for (const auto& [score, text] : rows) {
    CAPTURE(score);
    CHECK(ladder({{0, 1, 0, 1, score}}) == "[0]:[0]:" + text + "\n");
  }
}

namespace {

// Decimal comma and a thousands separator after every digit: visible if a number went
// through the stream's num_put.
struct CommaPunct : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\1"; }
};

}  // namespace

TEST_CASE("number formatting ignores the stream's and the global locale", "[write]") {
  std::locale previous;
  try {
    // Also switches the C locale, which snprintf("%f") would follow; absent on many systems.
    previous = std::locale::global(std::locale("de_DE.UTF-8"));
  } catch (const std::runtime_error&) {
  }
  std::ostringstream out;
  out.imbue(std::locale(std::locale::classic(), new CommaPunct));
  anchoralign::write_ladder(out, {{1000, 1, 2000, 1, 0.5}});
  anchoralign::write_tsv(out, kZh, kEn, {{0, 1, 0, 1, 0.25}});
  std::locale::global(previous);
  CHECK(out.str() == "[1000]:[2000]:0.500\n他说：“你好。”\tHe said: \"Hello.\" She left.\t0.250\n");
}

TEST_CASE("write_tsv writes every bead with tabs and newlines flattened", "[write]") {
  std::ostringstream out;
  anchoralign::write_tsv(out, kZh, kEn, kBeads);
  CHECK(out.str() ==
        "他说：“你好。”她走了。\tHe said: \"Hello.\" She left.\t0.873\n"
        "我用的是iPhone 15台电脑。\tI use an iPhone 15 computer.\t0.500\n"
        "A&B<C>\"D\"'E'\x01" "F G\tTab here, new line & <tag>\t0.250\n"
        "多余的一句。\t\t0.100\n"
        "\t\t0.900\n"
        "\tAn extra sentence.\t0.000\n");
}

TEST_CASE("write_jsonl writes one compact object per bead", "[write]") {
  std::ostringstream out;
  anchoralign::write_jsonl(out, kZh, kEn, kBeads);
  CHECK(out.str() ==
        "{\"source\":[0,1,2],\"target\":[0],\"source_text\":\"他说：“你好。”她走了。\","
        "\"target_text\":\"He said: \\\"Hello.\\\" She left.\",\"score\":0.873}\n"
        "{\"source\":[3,4],\"target\":[1],\"source_text\":\"我用的是iPhone 15台电脑。\","
        "\"target_text\":\"I use an iPhone 15 computer.\",\"score\":0.500}\n"
        "{\"source\":[5],\"target\":[2],\"source_text\":\"A&B<C>\\\"D\\\"'E'\\u0001F\\tG\","
        "\"target_text\":\"Tab\\there, new\\nline & <tag>\",\"score\":0.250}\n"
        "{\"source\":[6],\"target\":[],\"source_text\":\"多余的一句。\",\"target_text\":\"\","
        "\"score\":0.100}\n"
        "{\"source\":[7],\"target\":[3],\"source_text\":\"\",\"target_text\":\"\","
        "\"score\":0.900}\n"
        "{\"source\":[],\"target\":[4],\"source_text\":\"\",\"target_text\":\"An extra "
        "sentence.\",\"score\":0.000}\n");
}

TEST_CASE("write_jsonl escapes backslashes, CR and every control character", "[write]") {
  const SplitText source = make_text(Lang::kEn, {std::string("a\\b\rc\x1f\x7f\0z", 9)});
  const SplitText target = make_text(Lang::kEn, {"\x08\x0c"});
  std::ostringstream out;
  anchoralign::write_jsonl(out, source, target, {{0, 1, 0, 1, 1}});
  CHECK(out.str() ==
        "{\"source\":[0],\"target\":[0],\"source_text\":\"a\\\\b\\rc\\u001f\x7f\\u0000z\","
        "\"target_text\":\"\\u0008\\u000c\",\"score\":1.000}\n");
}

TEST_CASE("write_bitext writes the same number of lines to both streams", "[write]") {
  std::ostringstream source_out, target_out;
  anchoralign::write_bitext(source_out, target_out, kZh, kEn, kBeads);
  CHECK(source_out.str() ==
        "他说：“你好。”她走了。\n我用的是iPhone 15台电脑。\nA&B<C>\"D\"'E'\x01" "F G\n多余的一句。\n\n\n");
  CHECK(target_out.str() ==
        "He said: \"Hello.\" She left.\nI use an iPhone 15 computer.\nTab here, new line & <tag>\n"
        "\n\nAn extra sentence.\n");
}

TEST_CASE("writers throw on a bead outside the texts before writing anything", "[write]") {
  const std::vector<Alignment> bad = {
      {{0, 1, 0, 1, 1}, {1, 8, 1, 1, 1}},  // source has 8 sentences
      {{0, 1, 0, 1, 1}, {1, 1, 1, 5, 1}},  // target has 5
      {{-1, 1, 0, 1, 1}},
      {{0, -1, 0, 1, 1}},
      {{0, 1, INT_MAX, 1, 1}},
  };
  for (const Alignment& alignment : bad) {
    std::ostringstream out, out2;
    CHECK_THROWS_AS(anchoralign::write_tsv(out, kZh, kEn, alignment), anchoralign::Error);
    CHECK_THROWS_AS(anchoralign::write_jsonl(out, kZh, kEn, alignment), anchoralign::Error);
    CHECK_THROWS_AS(anchoralign::write_bitext(out, out2, kZh, kEn, alignment),
                    anchoralign::Error);
    CHECK_THROWS_AS(anchoralign::write_tmx(out, kZh, kEn, alignment, {}), anchoralign::Error);
    CHECK(out.str().empty());
    CHECK(out2.str().empty());
  }
  std::ostringstream out;
  CHECK_THROWS_AS(anchoralign::write_ladder(out, {{0, 1, 0, 1, 1}, {0, 1, -3, 1, 1}}),
                  anchoralign::Error);
  CHECK_THROWS_AS(anchoralign::write_ladder(out, {{INT_MAX, 2, 0, 1, 1}}), anchoralign::Error);
  CHECK(out.str().empty());
  WriteOptions options;
  options.min_score = 1.5;
  CHECK_THROWS_AS(anchoralign::write_tmx(out, kZh, kEn, kBeads, options),
                  anchoralign::OptionError);
}

TEST_CASE("write_tmx writes the expected document", "[write]") {
  CHECK(tmx(kZh, kEn, kBeads) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
        "<tmx version=\"1.4\">\n"
        "  <header creationtool=\"anchoralign\" creationtoolversion=\"0.1.0\" "
        "segtype=\"sentence\" o-tmf=\"anchoralign\" adminlang=\"en\" srclang=\"zh-CN\" "
        "datatype=\"plaintext\" creationdate=\"20221130T000000Z\"/>\n"
        "  <body>\n"
        "    <tu tuid=\"1\">\n"
        "      <prop type=\"x-anchoralign-score\">0.873</prop>\n"
        "      <prop type=\"x-source-sentences\">0-2</prop>\n"
        "      <prop type=\"x-target-sentences\">0</prop>\n"
        "      <tuv xml:lang=\"zh-CN\"><seg>他说：“你好。”她走了。</seg></tuv>\n"
        "      <tuv xml:lang=\"en\"><seg>He said: &quot;Hello.&quot; She left.</seg></tuv>\n"
        "    </tu>\n"
        "    <tu tuid=\"2\">\n"
        "      <prop type=\"x-anchoralign-score\">0.500</prop>\n"
        "      <prop type=\"x-source-sentences\">3-4</prop>\n"
        "      <prop type=\"x-target-sentences\">1</prop>\n"
        "      <tuv xml:lang=\"zh-CN\"><seg>我用的是iPhone 15台电脑。</seg></tuv>\n"
        "      <tuv xml:lang=\"en\"><seg>I use an iPhone 15 computer.</seg></tuv>\n"
        "    </tu>\n"
        "    <tu tuid=\"3\">\n"
        "      <prop type=\"x-anchoralign-score\">0.250</prop>\n"
        "      <prop type=\"x-source-sentences\">5</prop>\n"
        "      <prop type=\"x-target-sentences\">2</prop>\n"
        "      <tuv xml:lang=\"zh-CN\"><seg>A&amp;B&lt;C&gt;&quot;D&quot;&apos;E&apos;\uFFFDF\tG"
        "</seg></tuv>\n"
        "      <tuv xml:lang=\"en\"><seg>Tab\there, new\nline &amp; &lt;tag&gt;</seg></tuv>\n"
        "    </tu>\n"
        "  </body>\n"
        "</tmx>\n");
}

TEST_CASE("write_tmx language codes, filtering and numbering", "[write]") {
  SplitText traditional = kZh;
  traditional.traditional = true;
  const std::string zh_tw = tmx(kEn, traditional, {{0, 1, 0, 1, 0.5}});
  CHECK(zh_tw.find("srclang=\"en\"") != std::string::npos);
  CHECK(zh_tw.find("<tuv xml:lang=\"en\"><seg>He said") < zh_tw.find("<tuv xml:lang=\"zh-TW\">"));

  const SplitText unknown = make_text(Lang::kUnknown, {"x"});
  const std::string und = tmx(unknown, unknown, {{0, 1, 0, 1, 0.5}});
  CHECK(count_of(und, "xml:lang=\"und\"") == 2);
  CHECK(und.find("srclang=\"und\"") != std::string::npos);

  // min_score keeps beads at or above it; the numbering stays consecutive.
  struct Row {
    double min_score;
    std::vector<std::string> tuids;
  };
  const std::vector<Row> rows = {
      {0.0, {"1", "2", "3"}}, {0.25, {"1", "2", "3"}}, {0.3, {"1", "2"}},
      {0.5, {"1", "2"}},      {0.6, {"1"}},            {0.9, {}},
      // Former bugs: none yet.
  };
  const Alignment filtered = {{0, 3, 0, 1, 0.873}, {3, 2, 1, 1, 0.25}, {5, 1, 2, 1, 0.5},
                              {6, 1, 3, 0, 0.95},  {7, 1, 3, 1, 0.95}, {8, 0, 4, 1, 0.95}};
  for (const Row& row : rows) {
    CAPTURE(row.min_score);
    const std::string text = tmx(kZh, kEn, filtered, row.min_score);
    CHECK(count_of(text, "<tu ") == static_cast<int>(row.tuids.size()));
    for (const std::string& tuid : row.tuids) {
      CHECK(count_of(text, "<tu tuid=\"" + tuid + "\">") == 1);
    }
  }
  CHECK(count_of(tmx(kZh, kEn, filtered, 0.3), "<seg>A&amp;B") == 1);  // bead 3 became tu 2

  const std::string empty = tmx(kZh, kEn, {});
  CHECK(empty.find("<body>\n  </body>\n</tmx>\n") != std::string::npos);
}

TEST_CASE("write_tmx output is valid against the TMX 1.4 DTD", "[write]") {
  if (!std::filesystem::exists("/usr/bin/xmllint") || !std::filesystem::exists(kDtd)) {
    WARN("xmllint or " << kDtd << " missing; TMX validation skipped");
    return;
  }
  TempDir dir;
  std::filesystem::copy_file(kDtd, dir.path / "tmx14.dtd");
  SplitText traditional = kZh;
  traditional.traditional = true;
  const SplitText unknown = make_text(Lang::kUnknown, {"x & y"});
  const std::vector<std::string> documents = {
      tmx(kZh, kEn, kBeads), tmx(kEn, traditional, {{0, 1, 0, 2, 0.5}, {1, 1, 2, 1, 0.5}}),
      tmx(kZh, kEn, {}), tmx(unknown, unknown, {{0, 1, 0, 1, 1}})};
  for (std::size_t k = 0; k < documents.size(); ++k) {
    const auto file = dir.path / ("t" + std::to_string(k) + ".tmx");
    std::ofstream(file, std::ios::binary) << documents[k];
    const auto log = dir.path / "xmllint.log";
    const std::string command = "cd '" + dir.path.string() +
                                "' && /usr/bin/xmllint --noout --dtdvalid tmx14.dtd '" +
                                file.filename().string() + "' > xmllint.log 2>&1";
    const int status = std::system(command.c_str());
    INFO(documents[k] << "\nxmllint: " << read_all(log));
    CHECK(status == 0);
  }
}

TEST_CASE("the Translate Toolkit reads the TMX units back", "[write]") {
  if (std::system("/usr/bin/python3 -c 'import translate.storage.tmx' > /dev/null 2>&1") != 0) {
    WARN("python3 with translate.storage.tmx missing; read-back skipped");
    return;
  }
  TempDir dir;
  std::ofstream(dir.path / "t.tmx", std::ios::binary) << tmx(kZh, kEn, kBeads);
  const std::string script =
      "import json, sys\n"
      "from translate.storage import tmx\n"
      "with open(sys.argv[1], 'rb') as f:\n"
      "    store = tmx.tmxfile(f)\n"
      "with open(sys.argv[2], 'w', encoding='utf-8') as out:\n"
      "    for u in store.units:\n"
      "        unit = [u.getid(), u.source, u.target]\n"
      "        out.write(json.dumps(unit, ensure_ascii=False) + '\\n')\n";
  std::ofstream(dir.path / "read.py") << script;
  const std::string command = "cd '" + dir.path.string() +
                              "' && /usr/bin/python3 read.py t.tmx units.txt > log 2>&1";
  const int status = std::system(command.c_str());
  INFO(read_all(dir.path / "log"));
  REQUIRE(status == 0);
  CHECK(read_all(dir.path / "units.txt") ==
        "[\"1\", \"他说：“你好。”她走了。\", \"He said: \\\"Hello.\\\" She left.\"]\n"
        "[\"2\", \"我用的是iPhone 15台电脑。\", \"I use an iPhone 15 computer.\"]\n"
        "[\"3\", \"A&B<C>\\\"D\\\"'E'\uFFFDF\\tG\", \"Tab\\there, new\\nline & <tag>\"]\n");
}

TEST_CASE("xml_escape escapes markup and replaces characters XML forbids", "[write]") {
  using anchoralign::detail::xml_escape;
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"", ""},
      {"plain 中文 text", "plain 中文 text"},
      {"&<>\"'", "&amp;&lt;&gt;&quot;&apos;"},
      {"&amp;", "&amp;amp;"},
      {"\t\n\r", "\t\n\r"},
      {"a\x01" "b", "a" + r + "b"},
      {std::string("a\0b", 3), "a" + r + "b"},
      {"\x1f", r},
      {"\x7f\xC2\x85", "\x7f\xC2\x85"},  // DEL and NEL are allowed in XML 1.0
      {"\xEF\xBF\xBE\xEF\xBF\xBF", r + r},  // U+FFFE, U+FFFF
      {"\xEF\xBF\xBC\xEF\xBF\xBD", "\xEF\xBF\xBC\xEF\xBF\xBD"},  // U+FFFC, U+FFFD stay
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},  // U+1F600
      {"\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF"},  // U+10FFFF
      // Invalid UTF-8 (outside the contract) still gives well-formed XML, byte by byte.
      {"\xFF", r},
      {"\xE4\xB8", r + r},          // truncated
      {"\xC0\xAF", r + r},          // overlong
      {"\xED\xA0\x80", r + r + r},  // surrogate
      {"\xF4\x90\x80\x80", r + r + r + r},  // beyond U+10FFFF
      {"\x80<", r + "&lt;"},
      // Former bugs: none yet.
  };
  for (const auto& [input, escaped] : rows) {
    CAPTURE(input);
    CHECK(xml_escape(input) == escaped);
  }
}

TEST_CASE("tmx_date formats Unix time as UTC", "[write]") {
  using anchoralign::detail::tmx_date;
  // Expected values from Python's calendar.timegm.
  const std::vector<std::pair<long long, std::string>> rows = {
      {0, "19700101T000000Z"},
      {1669766400, "20221130T000000Z"},
      {1709210096, "20240229T123456Z"},   // leap year
      {951868799, "20000229T235959Z"},    // 2000 is a leap year
      {4107542399, "21000228T235959Z"},   // 2100 is not
      {4107542400, "21000301T000000Z"},
      {-1, "19691231T235959Z"},
      {-2203977600, "19000228T000000Z"},
      {-62135596800, "00010101T000000Z"},
      {253402300799, "99991231T235959Z"},
      // Former bugs: none yet.
  };
  for (const auto& [seconds, date] : rows) {
    CAPTURE(seconds);
    CHECK(tmx_date(seconds) == date);
  }
  for (long long extreme : {LLONG_MIN, LLONG_MAX}) {
    const std::string date = tmx_date(extreme);
    CAPTURE(date);
    CHECK(date.back() == 'Z');
    CHECK(date.find('T') != std::string::npos);
  }
}
