// The anchoralign command, run as a user runs it.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unicode/ucnv.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#ifdef ANCHORALIGN_CLI

namespace {

namespace fs = std::filesystem;

struct Run {
  int status = -1;
  std::string output;  // stdout and stderr together
};

Run run(const std::string& arguments, const std::string& environment = "") {
  const std::string command = environment + " '" ANCHORALIGN_CLI "' " + arguments + " 2>&1";
  Run result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, got);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::string kSamples = std::string(ANCHORALIGN_SOURCE_DIR) + "/samples/";
const std::string kEnglish = kSamples + "harbour.en.txt";
const std::string kChinese = kSamples + "harbour.zh.txt";

fs::path scratch_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("anchoralign_e2e_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("align writes a ladder with every sentence once", "[cli]") {
  const fs::path dir = scratch_dir("ladder");
  const Run done = run("align " + kEnglish + " " + kChinese + " -o " + (dir / "out.align").string());
  REQUIRE(done.status == 0);
  const std::string ladder = read_file(dir / "out.align");
  const std::regex line(R"(\[([0-9,]*)\]:\[([0-9,]*)\]:(0\.[0-9]{3}|1\.000))");
  int next_source = 0, next_target = 0, lines = 0;
  std::istringstream in(ladder);
  for (std::string text; std::getline(in, text); ++lines) {
    std::smatch match;
    REQUIRE(std::regex_match(text, match, line));
    for (int side = 1; side <= 2; ++side) {
      std::istringstream ids(match[side].str());
      for (std::string id; std::getline(ids, id, ',');) {
        REQUIRE(std::stoi(id) == (side == 1 ? next_source : next_target));
        (side == 1 ? next_source : next_target)++;
      }
    }
  }
  REQUIRE(lines > 10);
  REQUIRE(next_source > 10);
  REQUIRE(next_target > 10);
}

TEST_CASE("TMX output is reproducible under SOURCE_DATE_EPOCH and valid", "[cli]") {
  const fs::path dir = scratch_dir("tmx");
  const std::string args = "align " + kEnglish + " " + kChinese + " -o ";
  REQUIRE(run(args + (dir / "a.tmx").string(), "SOURCE_DATE_EPOCH=1700000000").status == 0);
  REQUIRE(run(args + (dir / "b.tmx").string(), "SOURCE_DATE_EPOCH=1700000000").status == 0);
  const std::string tmx = read_file(dir / "a.tmx");
  REQUIRE(tmx == read_file(dir / "b.tmx"));
  REQUIRE(tmx.find("creationdate=\"20231114T221320Z\"") != std::string::npos);
  REQUIRE(tmx.find("srclang=\"en\"") != std::string::npos);
  REQUIRE(tmx.find("xml:lang=\"zh-CN\"") != std::string::npos);
  const fs::path dtd = fs::path(ANCHORALIGN_SOURCE_DIR) / ".." / "shared" / "formats" / "tmx14.dtd";
  if (!fs::exists(dtd) || std::system("command -v xmllint >/dev/null 2>&1") != 0) {
    WARN("xmllint or the TMX DTD is missing; DTD validation skipped");
    return;
  }
  const std::string check = "xmllint --noout --dtdvalid '" + dtd.string() + "' '" +
                            (dir / "a.tmx").string() + "' 2>&1";
  REQUIRE(std::system(check.c_str()) == 0);
}

TEST_CASE("Formats follow -f or the output's extension", "[cli]") {
  const fs::path dir = scratch_dir("formats");
  const std::string args = "align " + kEnglish + " " + kChinese;
  REQUIRE(run(args + " -o " + (dir / "out.jsonl").string()).status == 0);
  REQUIRE(read_file(dir / "out.jsonl").rfind("{\"source\":[0]", 0) == 0);
  const Run tsv = run(args);  // standard output, TSV
  REQUIRE(tsv.status == 0);
  REQUIRE(tsv.output.find('\t') != std::string::npos);
  REQUIRE(run(args + " -f bitext -o " + (dir / "pair").string()).status == 0);
  const std::string en = read_file(dir / "pair.en"), zh = read_file(dir / "pair.zh");
  REQUIRE(std::count(en.begin(), en.end(), '\n') == std::count(zh.begin(), zh.end(), '\n'));
  REQUIRE(run(args + " -f xml").status == 2);
  // '-' reads standard input; the result equals reading the file.
  const Run piped = run("align - " + kChinese + " < " + kEnglish);
  REQUIRE(piped.status == 0);
  REQUIRE(piped.output == tsv.output);
}

TEST_CASE("Bad input fails with status 2, a message naming the file, and no output", "[cli]") {
  const fs::path dir = scratch_dir("errors");
  const fs::path out = dir / "out.tmx";
  auto require_refused = [&](const std::string& args, const std::string& needle) {
    const Run done = run(args + " -o " + out.string());
    INFO(done.output);
    REQUIRE(done.status == 2);
    REQUIRE(done.output.find(needle) != std::string::npos);
    REQUIRE_FALSE(fs::exists(out));
    for (const auto& entry : fs::directory_iterator(dir)) {
      REQUIRE(entry.path().filename().string().find("tmp") == std::string::npos);
    }
  };
  require_refused("align /nonexistent/source.txt " + kChinese, "/nonexistent/source.txt");
  {
    std::ofstream bad(dir / "bad.txt", std::ios::binary);
    bad << "good line\nbad \xff byte\n";
  }
  require_refused("align " + (dir / "bad.txt").string() + " " + kChinese, "bad.txt");
  require_refused("align " + (dir / "bad.txt").string() + " " + kChinese, "line 2");
  { std::ofstream empty(dir / "empty.txt"); }
  require_refused("align " + (dir / "empty.txt").string() + " " + kChinese, "empty");
  require_refused("align " + kEnglish, "SOURCE and TARGET");
  require_refused("align --bogus " + kEnglish + " " + kChinese, "bogus");
  require_refused("align --min-score 2 " + kEnglish + " " + kChinese, "min_score");
  REQUIRE(run("align " + kEnglish + " " + kChinese + " -o /nonexistent/dir/out.tmx").status == 2);
  require_refused("align --lexicon /nonexistent/lexicon.tsv " + kEnglish + " " + kChinese,
                  "/nonexistent/lexicon.tsv");
  {
    std::ofstream lexicon(dir / "bad.tsv");
    lexicon << "桥\tbridge\t1\n港口\tharbour\tnot-a-weight\n";
  }
  require_refused("align --lexicon " + (dir / "bad.tsv").string() + " " + kEnglish + " " + kChinese,
                  "bad.tsv:2");
}

TEST_CASE("A user lexicon is used, and --no-lexicon turns word translations off", "[cli]") {
  const fs::path dir = scratch_dir("lexicon");
  {
    std::ofstream lexicon(dir / "mine.tsv");
    lexicon << "大桥\tbridge\n渔民\tfisherman\n官员\tofficial\n";
  }
  const std::string args = "align " + kEnglish + " " + kChinese + " -f ladder";
  const Run mine = run(args + " --lexicon " + (dir / "mine.tsv").string());
  const Run none = run(args + " --no-lexicon");
  REQUIRE(mine.status == 0);
  REQUIRE(none.status == 0);
  REQUIRE(none.output.find("note") == std::string::npos);  // asked for none: no note
  // Same beads here, but the lexical evidence changes the confidences.
  REQUIRE(mine.output != none.output);
  REQUIRE(run("--version").output.find("lexicon: ") != std::string::npos);
}

TEST_CASE("split, --help and --version", "[cli]") {
  const Run split = run("split " + kChinese);
  REQUIRE(split.status == 0);
  REQUIRE(split.output.find("大桥能收回成本吗？\n") != std::string::npos);
  REQUIRE(run("--help").status == 0);
  REQUIRE(run("align --help").output.find("--presplit") != std::string::npos);
  REQUIRE(run("--version").output.find("anchoralign ") == 0);
  REQUIRE(run("frobnicate").status == 2);
  REQUIRE(run("").status == 2);
}

TEST_CASE("GB18030 and UTF-16 input aligns as its UTF-8 original does", "[cli][encoding]") {
  const fs::path dir = scratch_dir("encodings");
  const std::string utf8 = read_file(kChinese);
  const auto write_as = [&](const char* encoding, const std::string& prefix) {
    UErrorCode status = U_ZERO_ERROR;
    std::string bytes(utf8.size() * 2 + 8, '\0');
    const int32_t length =
        ucnv_convert(encoding, "UTF-8", bytes.data(), static_cast<int32_t>(bytes.size()),
                     utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    const fs::path path = dir / (std::string("zh.") + encoding + ".txt");
    std::ofstream(path, std::ios::binary)
        << prefix << bytes.substr(0, static_cast<std::size_t>(length));
    return path.string();
  };
  const std::string gb18030 = write_as("GB18030", ""), utf16 = write_as("UTF-16LE", "\xFF\xFE");
  const Run original = run("align " + kEnglish + " " + kChinese + " -f ladder");
  REQUIRE(original.status == 0);
  for (const std::string& path : {gb18030, utf16}) {
    INFO(path);
    const Run decoded = run("align " + kEnglish + " " + path + " -f ladder");
    REQUIRE(decoded.status == 0);
    CHECK(decoded.output == original.output);
  }
  // --encoding applies to every input file, so a forced name is checked with split.
  const Run forced_gbk = run("split --encoding gbk " + gb18030);
  REQUIRE(forced_gbk.status == 0);
  CHECK(forced_gbk.output == run("split " + kChinese).output);
  const Run unknown = run("align --encoding no-such-thing " + kEnglish + " " + gb18030);
  CHECK(unknown.status == 2);
  CHECK(unknown.output.find("no-such-thing") != std::string::npos);
  const Run forced = run("align --encoding UTF-8 " + kEnglish + " " + gb18030);
  CHECK(forced.status == 2);
  CHECK(forced.output.find("invalid UTF-8 at byte 0 (line 1)") != std::string::npos);
}

#endif  // ANCHORALIGN_CLI

TEST_CASE("Output files get the mode any new file gets, not the temporary file's 0600", "[cli]") {
  const fs::path dir = scratch_dir("mode");
  const mode_t previous = umask(022);
  const Run result = run("align " + kEnglish + " " + kChinese + " -o " + (dir / "out.tsv").string());
  umask(previous);
  REQUIRE(result.status == 0);
  const fs::perms perms = fs::status(dir / "out.tsv").permissions();
  CHECK((perms & fs::perms::group_read) != fs::perms::none);
  CHECK((perms & fs::perms::others_read) != fs::perms::none);
  CHECK((perms & fs::perms::others_write) == fs::perms::none);
}
TEST_CASE("A 10 MB file that is one line without punctuation splits whole", "[cli]") {
  const fs::path dir = scratch_dir("one_line");
  std::string line;
  for (int i = 0; line.size() < 10'000'000; ++i) line += i % 7 == 0 ? "harbour " : "river bridge ";
  std::ofstream(dir / "one_line.txt", std::ios::binary) << line;
  const Run result = run("split " + (dir / "one_line.txt").string() + " -o " + (dir / "out.txt").string());
  REQUIRE(result.status == 0);
  std::ifstream out(dir / "out.txt", std::ios::binary);
  std::string first;
  std::getline(out, first);
  CHECK(first.size() + 1 >= line.size());  // one sentence, trailing space trimmed
}

