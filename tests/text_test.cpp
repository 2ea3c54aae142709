// Tests of lib/text: decoding, language detection and normalisation.
#include <catch2/catch.hpp>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/utf8.h"

using anchoralign::Lang;

namespace {

std::string input_error_message(const std::string& bytes, const std::string& name) {
  try {
    anchoralign::decode_document(bytes, name);
  } catch (const anchoralign::InputError& error) {
    return error.what();
  }
  return "(no error)";
}

// A file in the system's temporary folder, removed when the test ends.
struct TempFile {
  std::filesystem::path path;
  explicit TempFile(const std::string& name, const std::string& bytes)
      : path(std::filesystem::temp_directory_path() / name) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

}  // namespace

TEST_CASE("decode_document strips the BOM and folds line ends", "[text]") {
  struct Case {
    std::string bytes, text;
  };
  const Case cases[] = {
      {std::string("\xEF\xBB\xBF") + "abc", "abc"},
      {"\xEF\xBB\xBF", ""},
      {"", ""},
      {"a\xEF\xBB\xBF", "a\xEF\xBB\xBF"},  // only a leading BOM is a BOM
      {"a\r\nb\r\n", "a\nb\n"},
      {"a\rb\r\rc", "a\nb\n\nc"},
      {"\r\n\r\n", "\n\n"},
      {"\r", "\n"},
      {"中文\r\n第二行", "中文\n第二行"},
      // The edges of the valid ranges.
      {"\xF4\x8F\xBF\xBF \xEF\xBF\xBF \xF0\x9F\x98\x80 \xC2\x80",
       "\xF4\x8F\xBF\xBF \xEF\xBF\xBF \xF0\x9F\x98\x80 \xC2\x80"},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.bytes);
    const anchoralign::Document document = anchoralign::decode_document(c.bytes, "in.txt");
    CHECK(document.text == c.text);
    CHECK(document.name == "in.txt");
    CHECK(document.lang == Lang::kUnknown);
  }
}

TEST_CASE("decode_document rejects invalid UTF-8 naming byte and line", "[text]") {
  struct Case {
    const char* what;
    std::string bytes;
    std::size_t byte, line;
  };
  const Case cases[] = {
      {"overlong 2-byte", "ab\xC0\x80", 2, 1},
      {"overlong 3-byte", "x\xE0\x80\xAF", 1, 1},
      {"overlong 4-byte", "\xF0\x8F\xBF\xBF", 0, 1},
      {"lone continuation byte", "x\ny\n\x80", 4, 3},
      {"truncated at the end", "中\xE4\xB8", 3, 1},
      {"truncated before ASCII",
       "\xE4\xB8"
       "a",
       0, 1},
      {"surrogate", "\n\xED\xA0\x80", 1, 2},
      {"above U+10FFFF", "ok\r\n\xF4\x90\x80\x80", 4, 2},
      {"invalid lead byte F5", "\xF5\x80\x80\x80", 0, 1},
      {"invalid lead byte FF after lone CRs", "a\r\rb\xFF", 4, 3},
      {"offset counts the BOM", "\xEF\xBB\xBF\xFF", 3, 1},
      // 中文 in GB18030: D6 is a valid lead byte, but D0 is no continuation byte.
      {"GB18030 text", "ok \xD6\xD0\xCE\xC4", 3, 1},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.what);
    REQUIRE_THROWS_AS(anchoralign::decode_document(c.bytes, "zh.txt"), anchoralign::InputError);
    const std::string message = input_error_message(c.bytes, "zh.txt");
    CHECK_THAT(message, Catch::StartsWith("zh.txt: invalid UTF-8"));
    CHECK_THAT(message, Catch::Contains("byte " + std::to_string(c.byte) + " "));
    CHECK_THAT(message, Catch::Contains("line " + std::to_string(c.line) + ")"));
    CHECK_THAT(message, Catch::Contains("iconv"));
  }
}

TEST_CASE("decode_document rejects NUL bytes as binary", "[text]") {
  const std::string bytes("ab\ncd\0ef", 8);
  REQUIRE_THROWS_AS(anchoralign::decode_document(bytes, "img.png"), anchoralign::InputError);
  const std::string message = input_error_message(bytes, "img.png");
  CHECK_THAT(message, Catch::StartsWith("img.png: binary file"));
  CHECK_THAT(message, Catch::Contains("byte 5"));
  CHECK_THAT(message, Catch::Contains("line 2"));
}

TEST_CASE("read_document reads files and standard input", "[text]") {
  SECTION("a file: BOM and CRLF handled, name is the path") {
    const TempFile file("anchoralign_text_test_ok.txt", "\xEF\xBB\xBF第一行\r\nsecond\r\n");
    const anchoralign::Document document = anchoralign::read_document(file.path.string());
    CHECK(document.text == "第一行\nsecond\n");
    CHECK(document.name == file.path.string());
  }
  SECTION("standard input") {
    std::istringstream input("from stdin\r\n");
    std::streambuf* saved = std::cin.rdbuf(input.rdbuf());
    const anchoralign::Document document = anchoralign::read_document("-");
    std::cin.rdbuf(saved);
    CHECK(document.text == "from stdin\n");
    CHECK(document.name == "-");
  }
  SECTION("invalid bytes in a file name the file") {
    const TempFile file("anchoralign_text_test_bad.txt", "ok\n\xFF");
    const std::string path = file.path.string();
    CHECK_THROWS_WITH(anchoralign::read_document(path), Catch::StartsWith(path + ": invalid"));
  }
}

TEST_CASE("read_document names the path of unreadable input", "[text]") {
  const std::string missing = "/nonexistent-anchoralign-dir/zh.txt";
  REQUIRE_THROWS_AS(anchoralign::read_document(missing), anchoralign::InputError);
  CHECK_THROWS_WITH(
      anchoralign::read_document(missing),
      Catch::StartsWith(missing + ": cannot read: ") && Catch::Contains("No such file"));
  const std::string directory = std::filesystem::temp_directory_path().string();
  CHECK_THROWS_WITH(anchoralign::read_document(directory),
                    Catch::StartsWith(directory + ": cannot read: "));
}

TEST_CASE("detect_language uses the share of Han and Latin letters", "[text]") {
  struct Case {
    const char* text;
    Lang lang;
  };
  const Case cases[] = {
      {"那天晚上我没走掉。陈清扬把我拽住。", Lang::kZh},
      {"That night I did not get away. Chen Qingyang held me back.", Lang::kEn},
      {"OpenAI的Sam在博客上发布了年终总结。", Lang::kZh},
      {"我们用PyTorch和TensorFlow训练了BERT和GPT-2模型，效果很好。", Lang::kZh},
      {"關於為什麼要向美國即將上任的總統捐贈", Lang::kZh},
      {"In Beijing people greet each other with 你好 and thank each other with 谢谢 "
       "every single day of the week.",
       Lang::kEn},
      {"The word Tao (道) means way.", Lang::kEn},
      {"Ｆｕｌｌ-width Ｌａｔｉｎ letters", Lang::kEn},
      {"", Lang::kUnknown},
      {"12345 !!! ... 。，", Lang::kUnknown},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(anchoralign::detect_language(c.text) == c.lang);
  }
}

TEST_CASE("count_scripts counts Han characters and Latin letters", "[text]") {
  const auto counts = anchoralign::detail::count_scripts("ab中文Äé1 x\xE3\x90\x80\xEF\xA4\x80");
  CHECK(counts.han == 4);    // 中 文 U+3400 (Ext A) U+F900 (compatibility)
  CHECK(counts.latin == 5);  // a b Ä é x
  CHECK(anchoralign::detail::language_of({0, 0}) == Lang::kUnknown);
  CHECK(anchoralign::detail::language_of({1, 12}) == Lang::kZh);
  CHECK(anchoralign::detail::language_of({1, 13}) == Lang::kEn);
}

TEST_CASE("normalize_for_matching folds width, case and script", "[text]") {
  using anchoralign::detail::normalize_for_matching;
  struct Case {
    const char* text;
    Lang lang;
    const char* normalized;
  };
  const Case cases[] = {
      {"ＡＢＣ１２３", Lang::kZh, "abc123"},
      {"ＡＢＣ１２３", Lang::kEn, "abc123"},
      {"Hello WORLD", Lang::kEn, "hello world"},
      {"Straße", Lang::kEn, "strasse"},  // full case folding, not lower-casing
      {"ΣΊΣΥΦΟΣ", Lang::kEn, "σίσυφοσ"},
      {"這個國家", Lang::kZh, "这个国家"},
      {"這個國家", Lang::kEn, "這個國家"},  // only Chinese is converted
      {"这个国家", Lang::kZh, "这个国家"},
      {"他說：「好。」", Lang::kZh, "他说:“好。”"},
      {"甚麼", Lang::kZh, "什么"},  // phrase rule, not per character (甚么)
      {"ﬁ①", Lang::kEn, "fi1"},
      {"", Lang::kZh, ""},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(normalize_for_matching(c.text, c.lang) == c.normalized);
  }
}

TEST_CASE("looks_traditional tells Traditional from Simplified", "[text]") {
  using anchoralign::detail::looks_traditional;
  CHECK(looks_traditional("關於為什麼要向美國即將上任的總統特朗普捐贈100萬美元的就職基金。"));
  CHECK(looks_traditional("他說：「這個國家的經濟發展得很快。」"));
  CHECK_FALSE(looks_traditional("关于为什么要向美国即将上任的总统特朗普捐赠100万美元的就职基金。"));
  CHECK_FALSE(looks_traditional("他说：“这个国家的经济发展得很快。”"));
  CHECK_FALSE(looks_traditional("English only."));
  CHECK_FALSE(looks_traditional(""));
  // Characters shared by both scripts (人 大 中) are no evidence either way.
  CHECK_FALSE(looks_traditional("人大中小山水"));
}

TEST_CASE("utf8 helpers survive malformed slices", "[text]") {
  using anchoralign::detail::decode_utf8;
  std::size_t length = 0;
  CHECK(decode_utf8("\xE4\xB8", 0, &length) == anchoralign::detail::kReplacementChar);
  CHECK(length == 1);
  CHECK(decode_utf8("\xE4\xB8\xAD", 0, &length) == U'中');
  CHECK(length == 3);
  std::size_t begin = 0, end = 4;
  anchoralign::detail::trim_spaces("\x80   ", &begin, &end);
  CHECK(begin == 0);
  CHECK(end == 1);
}

// ---------------------------------------------------------------------------------------------
// Encodings: forced names, auto-detection, invalid bytes. Short byte strings are written out in
// hex and were checked against the GB2312 and Big5 code charts (中 D6D0 / A4A4, 文 CEC4 / A4E5,
// 大 B4F3 / A46A, 。A1A3 / A143); longer texts are encoded by ICU in the test, and the first
// case ties that encoder to the hand-checked bytes.

namespace {

using anchoralign::InvalidBytes;
using anchoralign::ReadOptions;

// Two real paragraphs, mixed with English, in Simplified and in Traditional characters.
const std::string kSimplified =
    "陈市长说：“这座桥把我们城市的两半连在了一起，它将为成千上万个家庭每天早上的通勤节省20分钟。”\n"
    "并非所有人都感到满意。当地渔民表示，施工把鱼群赶离了北湾，他们2023年的渔获量下降了15%。\n"
    "The mayor said the bridge joins the two halves of the city.\n";
const std::string kTraditional =
    "陳市長說：「這座橋把我們城市的兩半連在了一起，它將為成千上萬個家庭每天早上的通勤節省20分鐘。」"
    "\n"
    "並非所有人都感到滿意。當地漁民表示，施工把魚群趕離了北灣，他們2023年的漁獲量下降了15%。\n"
    "The mayor said the bridge joins the two halves of the city.\n";

// UTF-8 text encoded by ICU; fails the test when a character has no mapping.
std::string encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  UConverter* converter = ucnv_open(encoding, &status);
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string bytes(static_cast<std::size_t>(text.length()) * 4 + 8, '\0');
  const int32_t length =
      ucnv_fromUChars(converter, bytes.data(), static_cast<int32_t>(bytes.size()), text.getBuffer(),
                      text.length(), &status);
  ucnv_close(converter);
  REQUIRE(U_SUCCESS(status));
  bytes.resize(static_cast<std::size_t>(length));
  return bytes;
}

ReadOptions read_as(const std::string& encoding, InvalidBytes on_invalid = InvalidBytes::kError) {
  ReadOptions options;
  options.encoding = encoding;
  options.on_invalid = on_invalid;
  options.format = anchoralign::InputFormat::kText;
  return options;
}

std::string error_of(const std::string& bytes, const ReadOptions& options) {
  try {
    anchoralign::decode_document(bytes, "zh.txt", options);
  } catch (const anchoralign::Error& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("ICU encodes the test texts as the code charts say", "[text][encoding]") {
  CHECK(encode("中文", "GB18030") == "\xD6\xD0\xCE\xC4");
  CHECK(encode("中文", "Big5") == "\xA4\xA4\xA4\xE5");
  CHECK(encode("大桥全长1.2公里。", "GB18030") ==
        "\xB4\xF3\xC7\xC5\xC8\xAB\xB3\xA4"
        "1.2"
        "\xB9\xAB\xC0\xEF\xA1\xA3");
  CHECK(encode("大橋全長1.2公里。", "Big5") ==
        "\xA4\x6A\xBE\xF4\xA5\xFE\xAA\xF8"
        "1.2"
        "\xA4\xBD\xA8\xBD\xA1\x43");
  CHECK(encode("中文", "UTF-16LE") == "\x2D\x4E\x87\x65");
}

TEST_CASE("Forced encodings decode Chinese and English text", "[text][encoding]") {
  struct Case {
    const char* encoding;
    std::string bytes, text, used;
  };
  const Case cases[] = {
      {"GB18030", "\xD6\xD0\xCE\xC4 and English", "中文 and English", "GB18030"},
      {"gbk", "\xB4\xF3\xC7\xC5\xA1\xA3", "大桥。", "GB18030"},  // GBK's superset decodes
      {"GB2312", "\xB4\xF3\xC7\xC5\r\n", "大桥\n", "GB18030"},
      {"GB18030", "a\x95\x32\x82\x36", "a\xF0\xA0\x80\x80", "GB18030"},  // 4 bytes: U+20000
      {"Big5", "\xA4\xA4\xA4\xE5 and English", "中文 and English", "Big5"},
      {"big5", "\xA4\x6A\xBE\xF4\xA1\x43", "大橋。", "Big5"},
      {"UTF-16LE", std::string("\xFF\xFE\x2D\x4E\x87\x65\x20\x00\x61\x00", 10), "中文 a",
       "UTF-16LE"},
      {"UTF-16LE", std::string("\x2D\x4E\x0D\x00\x0A\x00\x62\x00", 8), "中\nb", "UTF-16LE"},
      {"UTF-16BE", std::string("\xFE\xFF\x4E\x2D\x65\x87\x00\x20\x00\x61", 10), "中文 a",
       "UTF-16BE"},
      {"UTF-16", "\xFF\xFE\x2D\x4E\x87\x65", "中文", "UTF-16"},
      {"UTF-32LE", std::string("\x2D\x4E\x00\x00", 4), "中", "UTF-32LE"},
      {"utf8", "\xEF\xBB\xBF中文\r\n", "中文\n", "UTF-8"},
      {"windows-1252", "\x93Hi\x94 caf\xE9", "“Hi” café", "windows-1252"},
      {"GB18030", "", "", "GB18030"},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.encoding << ": " << c.text);
    const anchoralign::Document document =
        anchoralign::decode_document(c.bytes, "in.txt", read_as(c.encoding));
    CHECK(document.text == c.text);
    CHECK(document.encoding == c.used);
  }
}

TEST_CASE("Each encoding round-trips a paragraph, forced and detected", "[text][encoding]") {
  struct Case {
    const std::string* text;
    const char* encoding;
    std::string prefix;  // a BOM
  };
  const Case cases[] = {
      {&kSimplified, "GB18030", ""},
      {&kTraditional, "Big5", ""},
      {&kTraditional, "GB18030", ""},
      {&kSimplified, "UTF-16LE", "\xFF\xFE"},
      {&kTraditional, "UTF-16BE", "\xFE\xFF"},
      {&kSimplified, "UTF-8", ""},
      {&kTraditional, "UTF-8", "\xEF\xBB\xBF"},
      {&kSimplified, "UTF-32LE", std::string("\xFF\xFE\0\0", 4)},
  };
  for (const Case& c : cases) {
    INFO(c.encoding << " " << c.text->substr(0, 30));
    const std::string bytes = c.prefix + encode(*c.text, c.encoding);
    for (const char* encoding : {"auto", c.encoding}) {
      const anchoralign::Document document =
          anchoralign::decode_document(bytes, "in.txt", read_as(encoding));
      CHECK(document.text == *c.text);
      CHECK(document.encoding == c.encoding);
    }
  }
}

TEST_CASE("Auto-detection takes the BOM, then UTF-8, then a confident guess", "[text][encoding]") {
  struct Case {
    const char* what;
    std::string bytes, text, used;
  };
  const Case cases[] = {
      {"empty", "", "", "UTF-8"},
      {"ASCII", "plain text\n", "plain text\n", "UTF-8"},
      {"UTF-8 that is also valid GB18030", "\xE4\xB8\xAD", "中", "UTF-8"},
      {"UTF-16LE without BOM, English", std::string("H\0i\0\n\0", 6), "Hi\n", "UTF-16LE"},
      {"UTF-16BE without BOM, English", std::string("\0H\0i", 4), "Hi", "UTF-16BE"},
      {"UTF-32BE BOM", std::string("\0\0\xFE\xFF\0\0\x4E\x2D", 8), "中", "UTF-32BE"},
      {"a damaged UTF-8 file stays UTF-8 with replace", "第一行有很多中文字符和标点符号。\xFF",
       "第一行有很多中文字符和标点符号。\xEF\xBF\xBD", "UTF-8"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const anchoralign::Document document =
        anchoralign::decode_document(c.bytes, "in.txt", read_as("auto", InvalidBytes::kReplace));
    CHECK(document.text == c.text);
    CHECK(document.encoding == c.used);
  }
}

TEST_CASE("Auto-detection refuses to guess on short or ambiguous text", "[text][encoding]") {
  struct Case {
    const char* what;
    std::string bytes;
    std::size_t byte;
  };
  // Up to ten Chinese characters are too few for ICU: GB18030 and Big5 read both.
  const Case cases[] = {
      {"two characters in GB18030", "\xD6\xD0\xCE\xC4", 0},
      {"a short sentence in GB18030", "ok " + encode("大桥全长1.2公里。", "GB18030"), 3},
      {"a short sentence in Big5", encode("大橋全長1.2公里。", "Big5"), 0},
      {"English with one Chinese word in GB18030",
       "The bridge (" + encode("大桥", "GB18030") + ") opened.", 12},
      {"Latin-1 is only guessed",
       "caf\xE9 cr\xE8me br\xFBl\xE9"
       "e",
       3},
      // Twenty characters, all but one rare: ICU's GB18030 confidence is 47, under 60.
      {"rare characters", encode("的龘靐齉齾爩鱻麤龗灪龖厵纞饕餮魑魅魍魉耄耋", "GB18030"), 0},
      // Common characters read as common characters in both: ICU rates GB18030 and Big5 88
      // each for the first, 100 and 88 for the second (less than 20 apart).
      {"a GB18030/Big5 tie", encode("量不大每火常地风地馆口立歌达", "GB18030"), 0},
      {"a GB18030/Big5 near tie", encode("历步会经分看地吗河吃馆的到面", "GB18030"), 0},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const std::string message = error_of(c.bytes, read_as("auto"));
    CHECK_THAT(message, Catch::StartsWith("zh.txt: invalid UTF-8 at byte " +
                                          std::to_string(c.byte) + " (line 1)"));
    CHECK_THAT(message, Catch::Contains("best guesses: "));
    CHECK_THAT(message, Catch::Contains("--encoding NAME"));
  }
  CHECK_THAT(error_of("\xD6\xD0\xCE\xC4", read_as("auto")), Catch::Contains("GB18030 (confidence"));
  CHECK_THAT(error_of(encode("量不大每火常地风地馆口立歌达", "GB18030"), read_as("auto")),
             Catch::Contains("GB18030 (confidence 88)") && Catch::Contains("Big5 (confidence 88)"));
  CHECK_THAT(error_of("caf\xE9 cr\xE8me br\xFBl\xE9"
                      "e",
                      read_as("auto")),
             Catch::Contains("e.g. --encoding ISO-8859-1"));
}

TEST_CASE("Invalid bytes are reported with file, byte offset and line", "[text][encoding]") {
  struct Case {
    const char* encoding;
    std::string bytes;
    std::size_t byte, line;
    const char* named;
  };
  const Case cases[] = {
      {"GB18030", "ok\n\xD6\xD0\x81 x", 5, 2, "GB18030"},    // 0x81 needs a trail byte
      {"GB18030", "\xD6\xD0\x81\x30\x81", 2, 1, "GB18030"},  // 4-byte form cut short
      {"Big5", "\xA4\xA4\r\n\xA4 ", 4, 2, "Big5"},
      {"UTF-16LE",
       std::string("\xFF\xFE"
                   "a\0\n\0\x00\xD8"
                   "b\0",
                   10),
       6, 2, "UTF-16LE"},
      {"auto",
       std::string("\xFF\xFE"
                   "a\0\n\0\x00\xD8"
                   "b\0",
                   10),
       6, 2, "UTF-16LE"},
      {"auto", std::string("\xFE\xFF\0a\0", 5), 4, 1, "UTF-16BE"},  // odd length
      {"UTF-8", "a\n\xE4\xB8", 2, 2, "UTF-8"},
      {"auto",
       "\xEF\xBB\xBF"
       "a\r\n\xC0\x80",
       6, 2, "UTF-8"},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.encoding << " " << c.named);
    const std::string message = error_of(c.bytes, read_as(c.encoding));
    CHECK_THAT(message, Catch::StartsWith(std::string("zh.txt: invalid ") + c.named + " at byte " +
                                          std::to_string(c.byte) + " (line " +
                                          std::to_string(c.line) + ")"));
    CHECK_THAT(message, Catch::Contains("--on-invalid replace"));
  }
}

TEST_CASE("A bad byte in a detected encoding: an error naming it, or U+FFFD", "[text][encoding]") {
  const std::string gb = encode(kSimplified, "GB18030");
  const std::size_t cut = gb.find('\n') + 1;
  const std::string damaged = gb.substr(0, cut) + "\xFF" + gb.substr(cut);
  const std::string message = error_of(damaged, read_as("auto"));
  CHECK_THAT(message, Catch::StartsWith("zh.txt: invalid UTF-8 at byte 0 (line 1)"));
  CHECK_THAT(message, Catch::Contains("it looks like GB18030 but has an invalid sequence at byte " +
                                      std::to_string(cut) + " (line 2)"));
  CHECK_THAT(message, Catch::Contains("--encoding NAME, e.g. --encoding GB18030"));
  const std::string line = kSimplified.substr(0, kSimplified.find('\n') + 1);
  const anchoralign::Document replaced =
      anchoralign::decode_document(damaged, "zh.txt", read_as("auto", InvalidBytes::kReplace));
  CHECK(replaced.text == line + "\xEF\xBF\xBD" + kSimplified.substr(line.size()));
  CHECK(replaced.encoding == "GB18030");
}

TEST_CASE("Replace mode decodes invalid sequences as U+FFFD and keeps the rest",
          "[text][encoding]") {
  const std::string r = "\xEF\xBF\xBD";
  struct Case {
    const char* encoding;
    std::string bytes, text;
  };
  const Case cases[] = {
      {"UTF-8",
       "a\xFF"
       "b",
       "a" + r + "b"},
      {"UTF-8",
       "\xE4\xB8"
       "a",
       r + "a"},                             // one U+FFFD per maximal subpart
      {"UTF-8", "\xC0\x80", r + r},          // C0 never starts a sequence
      {"UTF-8", "\xED\xA0\x80", r + r + r},  // surrogate: ED cannot take A0
      {"UTF-8", "x\xF0\x9F\x98", "x" + r},   // cut short at the end
      {"GB18030", "\xD6\xD0\x81 \xCE\xC4", "中" + r + " 文"},
      {"Big5", "\xA4\xA4\xA4 \xA4\xE5", "中" + r + " 文"},
      {"UTF-16LE", std::string("\x2D\x4E\x00\xD8\x87\x65", 6), "中" + r + "文"},
      {"auto", "\xEF\xBB\xBF\xFF\r\n", r + "\n"},
      {"auto", std::string(200, 'a') + "\x93\n", std::string(200, 'a') + r + "\n"},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.encoding << " " << c.text);
    const anchoralign::Document document = anchoralign::decode_document(
        c.bytes, "in.txt", read_as(c.encoding, InvalidBytes::kReplace));
    CHECK(document.text == c.text);
  }
}

TEST_CASE("Unknown encodings, conflicting BOMs and binary files are refused", "[text][encoding]") {
  REQUIRE_THROWS_AS(anchoralign::decode_document("abc", "zh.txt", read_as("no-such-encoding")),
                    anchoralign::OptionError);
  const std::string unknown = error_of("abc", read_as("no-such-encoding"));
  CHECK_THAT(unknown, Catch::Contains("'no-such-encoding'"));
  CHECK_THAT(unknown,
             Catch::Contains("GB18030") && Catch::Contains("Big5") && Catch::Contains("UTF-16LE"));
  CHECK_THAT(error_of("\xEF\xBB\xBF"
                      "abc",
                      read_as("GB18030")),
             Catch::StartsWith("zh.txt: starts with a UTF-8 byte-order mark"));
  CHECK_THAT(error_of("\xFE\xFF\0a", read_as("UTF-16LE")),
             Catch::StartsWith("zh.txt: starts with a UTF-16BE byte-order mark"));
  struct Case {
    const char* encoding;
    std::string bytes;
    std::size_t byte, line;
  };
  const Case binary[] = {
      {"GB18030", std::string("\xD6\xD0\n\0", 4), 3, 2},
      {"UTF-16LE",
       std::string("\xFF\xFE"
                   "a\0\n\0\0\0",
                   8),
       6, 2},
      {"auto",
       std::string("\xFF\xFE"
                   "a\0\n\0\0\0",
                   8),
       6, 2},
      {"auto", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), 8, 3},
      {"auto", std::string("a\0b\0c", 5), 1, 1},  // odd length: not UTF-16
      {"auto", std::string("some UTF-8 text with one NUL\0 in it!", 36), 28, 1},
      // Former bugs: none yet.
  };
  for (const Case& c : binary) {
    INFO(c.encoding << " " << c.byte);
    CHECK_THAT(error_of(c.bytes, read_as(c.encoding)),
               Catch::StartsWith("zh.txt: binary file (NUL byte at byte " + std::to_string(c.byte) +
                                 ", line " + std::to_string(c.line) + ")"));
  }
}

TEST_CASE("Long lines decode whole, across the converter's buffer", "[text][encoding]") {
  // 'a' and then U+20000 (4 bytes in GB18030, a surrogate pair in ICU's buffer) 40000 times:
  // the odd start puts a pair across a buffer boundary.
  std::string gb = "a", utf8 = "a";
  for (int i = 0; i < 40000; ++i) gb += "\x95\x32\x82\x36", utf8 += "\xF0\xA0\x80\x80";
  CHECK(anchoralign::decode_document(gb, "in.txt", read_as("GB18030")).text == utf8);
  const std::string line(3'000'000, 'x');
  CHECK(anchoralign::decode_document(line + "\xFF", "in.txt",
                                     read_as("UTF-8", InvalidBytes::kReplace))
            .text.size() == line.size() + 3);
  // Error offsets stay right after many buffers of output.
  std::string many;
  for (int i = 0; i < 30000; ++i) many += "\xD6\xD0";
  CHECK_THAT(error_of(many + "\n\x81 ", read_as("GB18030")),
             Catch::StartsWith("zh.txt: invalid GB18030 at byte 60001 (line 2)"));
  std::string wide = "\xFF\xFE";
  for (int i = 0; i < 40000; ++i) wide += std::string("a\0", 2);
  CHECK_THAT(error_of(wide + std::string("\x00\xDC", 2), read_as("auto")),
             Catch::StartsWith("zh.txt: invalid UTF-16LE at byte 80002 (line 1)"));
}

TEST_CASE("Encodings: former bugs", "[text][encoding]") {
  // A first rule took UTF-16 without BOM when NULs were an eighth of the bytes: this 8-byte
  // file with one NUL became "扡ਊd晥".
  CHECK_THAT(error_of(std::string("ab\ncd\0ef", 8), read_as("auto")),
             Catch::StartsWith("zh.txt: binary file"));
  // One stray NUL in UTF-8 text sits at one parity too; the message suggested UTF-16.
  const std::string stray = error_of(std::string("some text\0 in UTF-8!", 20), read_as("auto"));
  CHECK_THAT(stray, Catch::StartsWith("zh.txt: binary file (NUL byte at byte 9, line 1)"));
  CHECK_THAT(stray, !Catch::Contains("pass --encoding UTF-16"));
  // The example encoding was always GB18030, even for text ICU took for Latin-1.
  CHECK_THAT(error_of("good line\nbad \xFF byte\n", read_as("auto")),
             Catch::Contains("e.g. --encoding ISO-8859-1"));
}
