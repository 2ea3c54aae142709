// `anchoralign batch`: the JSON reader of its --jsonl mode, and the command run as users run it.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "json_reader.h"

namespace json = anchoralign::cli::json;

namespace {

std::string decoded(const std::string& literal) { return json::read_value(literal).text; }

std::size_t error_column(const std::string& text) {
  try {
    json::read_object(text, [](const std::string&, json::Value) {});
  } catch (const json::SyntaxError& error) {
    return error.column();
  }
  return 0;
}

}  // namespace

TEST_CASE("JSON strings decode every escape", "[json]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("plain")", "plain"},
      {R"("q\"b\\s\/")", "q\"b\\s/"},
      {R"("\b\f\n\r\t")", "\b\f\n\r\t"},
      {R"("\u0041\u00e9\u4E2D")", "A\xC3\xA9\xE4\xB8\xAD"},  // A é 中
      {R"("\ud83d\ude00")", "\xF0\x9F\x98\x80"},             // U+1F600
      {R"("\uD834\uDD1E!")", "\xF0\x9D\x84\x9E!"},           // U+1D11E
      {R"("\udbff\udfff")", "\xF4\x8F\xBF\xBF"},             // U+10FFFF
      {R"("\u0000")", std::string(1, '\0')},
      {"\"\xE4\xB8\xAD\xE6\x96\x87 raw UTF-8\"", "\xE4\xB8\xAD\xE6\x96\x87 raw UTF-8"},
      {"\"\xF0\x9F\x98\x80\"", "\xF0\x9F\x98\x80"},
      // Former bugs: none yet.
  };
  for (const auto& [literal, expected] : cases) {
    INFO(literal);
    const json::Value value = json::read_value(literal);
    REQUIRE(value.kind == json::Kind::kString);
    REQUIRE(value.text == expected);
    REQUIRE(value.raw == literal);
  }
}

TEST_CASE("Malformed JSON strings are refused", "[json]") {
  const std::vector<std::string> bad = {
      R"("\ud800")",
      R"("\udc00")",
      R"("\ud800\u0041")",
      R"("\ud800x")",
      R"("\ud800\")",
      R"("\u12G4")",
      R"("\u12")",
      R"("\x")",
      R"("\)",
      R"("unterminated)",
      "\"tab\there\"",
      "\"line\nbreak\"",
      "\"\xFF\"",
      "\"\xC0\xAF\"",
      "\"\xED\xA0\x80\"",
      "\"\xE4\xB8\"",
      "\"\xF4\x90\x80\x80\"",
      "'single'",
  };
  for (const std::string& literal : bad) {
    INFO(literal);
    REQUIRE_THROWS_AS(json::read_value(literal), json::SyntaxError);
  }
}

TEST_CASE("JSON numbers and literals keep their text", "[json]") {
  for (const std::string good : {"0", "-0", "12", "-3.25", "1e3", "1E+3", "2.5e-7", "1.50E+3"}) {
    INFO(good);
    const json::Value value = json::read_value(good);
    REQUIRE(value.kind == json::Kind::kNumber);
    REQUIRE(value.raw == good);
  }
  for (const std::string bad : {"01", "-", "1.", ".5", "+1", "1e", "--1", "0x10", "NaN", "Infinity",
                                "1 2", "tru", "nul", "True", ""}) {
    INFO(bad);
    REQUIRE_THROWS_AS(json::read_value(bad), json::SyntaxError);
  }
  REQUIRE(json::read_value(" true ").kind == json::Kind::kBool);
  REQUIRE(json::read_value("null").kind == json::Kind::kNull);
}

TEST_CASE("JSON objects give their members in order, nested values as text", "[json]") {
  std::vector<std::pair<std::string, std::string>> members;
  json::read_object(
      R"( {"id": 7, "meta": {"a": [1, {"b": null}], "c": "}"}, "s": "x\"y", "e": [] } )",
      [&](const std::string& key, json::Value value) { members.emplace_back(key, value.raw); });
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"id", "7"},
      {"meta", R"({"a": [1, {"b": null}], "c": "}"})"},
      {"s", R"("x\"y")"},
      {"e", "[]"}};
  REQUIRE(members == expected);
  int count = 0;
  json::read_object("{}", [&](const std::string&, json::Value) { ++count; });
  REQUIRE(count == 0);
}

TEST_CASE("Malformed JSON objects are refused with a column", "[json]") {
  const std::vector<std::pair<std::string, std::size_t>> cases = {
      {R"({"a" 1})", 6},            // missing ':'
      {R"({"a": 1,})", 9},          // trailing comma
      {R"({"a": 1 "b": 2})", 9},    // missing ','
      {R"({"a": 1} x)", 10},        // text after the object
      {R"({a: 1})", 2},             // unquoted key
      {R"({"a": 1, "a": 2})", 10},  // duplicate key
      {R"({"a": [1, 2)", 12},       // unterminated array
      {R"({"a": 1)", 8},            // unterminated object
      {R"([1, 2])", 1},             // not an object
      {R"("text")", 1},             // not an object
      {"", 1},
  };
  for (const auto& [text, column] : cases) {
    INFO(text);
    REQUIRE(error_column(text) == column);
  }
  // Nesting is checked, and deep nesting refused instead of overflowing the stack.
  const auto nested = [](int depth) {
    return "{\"a\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
  };
  REQUIRE(error_column(nested(json::kMaxDepth - 2)) == 0);
  REQUIRE(error_column(nested(100000)) > 0);
}

TEST_CASE("Members before a syntax error are delivered", "[json]") {
  std::string id;
  REQUIRE_THROWS_AS(json::read_object(R"({"id": "p-1", "source": "x)",
                                      [&](const std::string& key, json::Value value) {
                                        if (key == "id") id = value.raw;
                                      }),
                    json::SyntaxError);
  REQUIRE(id == "\"p-1\"");
}

TEST_CASE("quote() writes strings read_value() reads back", "[json]") {
  for (const std::string& text :
       {std::string("plain"), std::string("a\"b\\c"), std::string("\x01\x1f\b\f\n\r\t"),
        std::string("\0x", 2), std::string("中文 \xF0\x9F\x98\x80")}) {
    const std::string quoted = json::quote(text);
    REQUIRE(std::none_of(quoted.begin(), quoted.end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
    REQUIRE(decoded(quoted) == text);
  }
  REQUIRE(json::quote("a\nb\x01") == R"("a\nb\u0001")");
}

#ifdef ANCHORALIGN_CLI

namespace {

namespace fs = std::filesystem;

struct Run {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void spit(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("anchoralign_batch_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Runs a shell command with standard output and error apart.
Run shell(const std::string& command, const fs::path& dir) {
  const fs::path err = dir / "stderr.txt";
  Run result;
  FILE* pipe = popen(("(" + command + ") 2>'" + err.string() + "'").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, got);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = slurp(err);
  fs::remove(err);
  return result;
}

// Runs `prefix anchoralign arguments`.
Run run(const std::string& arguments, const fs::path& dir, const std::string& prefix = "") {
  return shell(prefix + " '" ANCHORALIGN_CLI "' " + arguments, dir);
}

const std::string kSamples = std::string(ANCHORALIGN_SOURCE_DIR) + "/samples/";
const std::string kEnglish = kSamples + "harbour.en.txt";
const std::string kChinese = kSamples + "harbour.zh.txt";

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The JSON text of a line's "id" member.
std::string id_of(const std::string& line) {
  std::string id;
  json::read_object(line, [&](const std::string& key, json::Value value) {
    if (key == "id") id = value.raw;
  });
  return id;
}

}  // namespace

TEST_CASE("batch aligns a manifest like align, and skips bad pairs", "[cli][batch]") {
  const fs::path dir = scratch("manifest");
  fs::create_directories(dir / "in");
  fs::copy_file(kEnglish, dir / "in" / "en.txt");
  fs::copy_file(kChinese, dir / "in" / "zh.txt");
  spit(dir / "in" / "bad.txt", "good line\nbad \xff byte\n");
  spit(dir / "in" / "empty.txt", "");
  spit(dir / "pairs.tsv",
       "# source\ttarget\toutput\n"
       "in/en.txt\tin/zh.txt\tone.tsv\n"           // line 2
       "in/zh.txt\tin/en.txt\ttwo.align\n"         // line 3
       "in/missing.txt\tin/zh.txt\tmissing.tsv\n"  // line 4
       "\n"
       "in/bad.txt\tin/zh.txt\tbad.tsv\n"                                       // line 6
       "in/empty.txt\tin/zh.txt\tempty.tsv\n"                                   // line 7
       "in/en.txt\tin/zh.txt\n"                                                 // line 8
           + (dir / "in" / "en.txt").string() + "\tin/zh.txt\tthree.jsonl\n");  // line 9
  // From another folder: relative paths are relative to the manifest.
  const Run done = run("batch --jobs 3 '" + (dir / "pairs.tsv").string() + "'", dir, "cd / &&");
  INFO(done.err);
  REQUIRE(done.status == 1);
  REQUIRE(done.out.empty());
  const std::string align = "align " + kEnglish + " " + kChinese;
  REQUIRE(slurp(dir / "one.tsv") == run(align, dir).out);
  REQUIRE(slurp(dir / "two.align") ==
          run("align " + kChinese + " " + kEnglish + " -f ladder", dir).out);
  REQUIRE(slurp(dir / "three.jsonl") == run(align + " -f jsonl", dir).out);
  for (const char* absent : {"missing.tsv", "bad.tsv", "empty.tsv"})
    REQUIRE_FALSE(fs::exists(dir / absent));
  // One message per bad line, in manifest order, naming the line and the cause.
  std::vector<std::string> messages = lines_of(done.err);
  std::erase_if(messages, [](const std::string& line) { return contains(line, "note:"); });
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"pairs.tsv:4: ", "missing.txt"},
      {"pairs.tsv:6: ", "line 2"},
      {"pairs.tsv:7: ", "empty"},
      {"pairs.tsv:8: ", "three tab-separated"},
      {"batch: 7 pairs, 4 failed", ""}};
  REQUIRE(messages.size() == expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    INFO(messages[k]);
    REQUIRE(contains(messages[k], expected[k].first));
    REQUIRE(contains(messages[k], expected[k].second));
  }
  REQUIRE_FALSE(contains(done.err, "\r"));  // no progress bar when stderr is a file
}

TEST_CASE("batch reads a manifest from stdin, writes '-' in order, refuses clashes",
          "[cli][batch]") {
  const fs::path dir = scratch("stdin");
  spit(dir / "pairs.tsv", kEnglish + "\t" + kChinese + "\t-\n" + kChinese + "\t" + kEnglish +
                              "\t-\n" + kEnglish + "\t" + kChinese + "\tsame.tsv\n" + kEnglish +
                              "\t" + kChinese + "\tsame.tsv\n" + kEnglish + "\t" + kChinese + "\t" +
                              kChinese + "\n");
  const Run done = run("batch -f ladder -j 2 - < pairs.tsv", dir, "cd '" + dir.string() + "' &&");
  INFO(done.err);
  REQUIRE(done.status == 1);
  const std::string first = run("align -f ladder " + kEnglish + " " + kChinese, dir).out;
  const std::string second = run("align -f ladder " + kChinese + " " + kEnglish, dir).out;
  REQUIRE(done.out == first + second);
  REQUIRE(slurp(dir / "same.tsv") == first);  // -f applies to every output
  REQUIRE(contains(done.err, "-:4: output same.tsv is also written by line 3"));
  REQUIRE(contains(done.err, "-:5: output " + kChinese + " is an input"));
  REQUIRE(slurp(kChinese).size() > 100);
}

TEST_CASE("batch usage errors exit with status 2", "[cli][batch]") {
  const fs::path dir = scratch("usage");
  spit(dir / "pairs.tsv", kEnglish + "\t" + kChinese + "\tout.tsv\n");
  const std::string manifest = (dir / "pairs.tsv").string();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"batch", "MANIFEST"},
      {"batch /nonexistent/pairs.tsv", "/nonexistent/pairs.tsv"},
      {"batch --jsonl /nonexistent/pairs.jsonl", "/nonexistent/pairs.jsonl"},
      {"batch " + manifest + " --jsonl -", "not both"},
      {"batch --jobs -1 " + manifest, "--jobs"},
      {"batch -f xml " + manifest, "xml"},
      {"batch --jsonl - -f tsv", "--format"},
      {"batch --beads 1-1 " + manifest, "1-0"},
      {"batch --mixed " + manifest, "--mixed"},
  };
  for (const auto& [arguments, needle] : cases) {
    const Run done = run(arguments + " < /dev/null", dir);
    INFO(arguments << "\n" << done.err);
    REQUIRE(done.status == 2);
    REQUIRE(contains(done.err, needle));
  }
  REQUIRE_FALSE(fs::exists(dir / "out.tsv"));
  REQUIRE(contains(run("batch --help", dir).out, "--jsonl"));
}

TEST_CASE("batch --jsonl streams results in input order", "[cli][batch]") {
  const fs::path dir = scratch("jsonl");
  const std::string english = slurp(kEnglish), chinese = slurp(kChinese);
  // A long first pair finishes after the short ones behind it; the output keeps input order.
  std::string long_english, long_chinese;
  for (int k = 0; k < 40; ++k) long_english += english + "\n", long_chinese += chinese + "\n";
  std::string input = "{\"id\": \"long\", \"source\": " + json::quote(long_english) +
                      ", \"target\": " + json::quote(long_chinese) + "}\n";
  std::vector<std::string> ids = {"\"long\""};
  for (int k = 0; k < 12; ++k) {
    input += "{\"target\": \"\\u4f60\\u597d\\u3002\\u518d\\u89c1\\u3002\", \"id\": " +
             std::to_string(k) + ", \"source\": \"Hello. Goodbye.\"}\n";
    ids.push_back(std::to_string(k));
  }
  input += "\n{\"id\": \"p\\u00e9\", \"source_path\": \"" + kEnglish + "\", \"target_path\": \"" +
           kChinese + "\"}\n";
  ids.push_back("\"p\\u00e9\"");
  input += "{\"id\": 1.5e3, \"source\": \"x\"\n";  // malformed: the stream goes on
  ids.push_back("1.5e3");
  input += "{\"id\": \"none\", \"source\": \"\", \"target\": \"abc\"}\n";
  ids.push_back("\"none\"");
  input += "{\"id\": \"gone\", \"source_path\": \"/nonexistent.txt\", \"target\": \"abc\"}\n";
  ids.push_back("\"gone\"");
  spit(dir / "in.jsonl", input);
  const Run done =
      run("batch --jsonl - --jobs 4 --no-lexicon < in.jsonl", dir, "cd '" + dir.string() + "' &&");
  INFO(done.err);
  REQUIRE(done.status == 1);
  const std::vector<std::string> lines = lines_of(done.out);
  REQUIRE(lines.size() == ids.size());
  for (std::size_t k = 0; k < lines.size(); ++k) REQUIRE(id_of(lines[k]) == ids[k]);
  // Each bead as align's JSONL writer writes it.
  std::string beads;
  for (const std::string& line :
       lines_of(run("align -f jsonl --no-lexicon " + kEnglish + " " + kChinese, dir).out)) {
    beads += (beads.empty() ? "" : ",") + line;
  }
  REQUIRE(lines[13] == "{\"id\":\"p\\u00e9\",\"beads\":[" + beads + "]}");
  REQUIRE(contains(lines[1], "\"source_text\":\"Hello.\",\"target_text\":\"你好。\""));
  REQUIRE(contains(lines[14], "{\"id\":1.5e3,\"line\":16,\"error\":\"expected"));
  REQUIRE(contains(lines[15], "\"line\":17,\"error\":\"source: empty input"));
  REQUIRE(contains(lines[16], "/nonexistent.txt"));
  REQUIRE(contains(done.err, "<stdin>:16: "));
  REQUIRE(contains(done.err, "batch: 17 pairs, 3 failed"));
}

TEST_CASE("batch --jsonl answers each line before the input ends", "[cli][batch]") {
  const fs::path dir = scratch("stream");
  // A client that sends the second line only after reading the first answer: a batch that
  // read all its input before answering would leave both waiting until the timeouts.
  spit(dir / "client.sh",
       "set -eu\nmkfifo in out\n"
       "timeout 60 '" ANCHORALIGN_CLI
       "' batch --jsonl - --no-lexicon --jobs 2 <in >out &\n"
       "exec 3>in 4<out\n"
       "echo '{\"id\": 1, \"source\": \"One. Two.\", \"target\": \"一。二。\"}' >&3\n"
       "read -t 30 -r first <&4\necho \"$first\"\n"
       "echo '{\"id\": 2, \"source\": \"Three.\", \"target\": \"三。\"}' >&3\nexec 3>&-\n"
       "read -t 30 -r second <&4\necho \"$second\"\nwait\n");
  const std::string command = "cd '" + dir.string() + "' && bash client.sh 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    out.append(buffer, got);
  REQUIRE(pclose(pipe) == 0);
  const std::vector<std::string> lines = lines_of(out);
  REQUIRE(lines.size() == 2);
  REQUIRE(lines[0].rfind("{\"id\":1,\"beads\":[", 0) == 0);
  REQUIRE(lines[1].rfind("{\"id\":2,\"beads\":[", 0) == 0);
}

TEST_CASE("batch draws a progress bar only on a terminal", "[cli][batch]") {
  const fs::path dir = scratch("progress");
  spit(dir / "pairs.tsv", kEnglish + "\t" + kChinese + "\tout.tsv\n");
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("script (util-linux) is missing; the terminal case is skipped");
    return;
  }
  // script(1) gives the command a terminal and copies what it shows to our pipe.
  const Run done = shell("script -qec \"'" ANCHORALIGN_CLI "' batch --no-lexicon '" +
                             (dir / "pairs.tsv").string() + "'\" /dev/null",
                         dir);
  INFO(done.out);
  REQUIRE(done.status == 0);
  REQUIRE(contains(done.out, "1/1 pairs"));
  REQUIRE(contains(done.out, "\r"));
  REQUIRE(contains(done.out, "batch: 1 pairs, 0 failed"));
}

#endif  // ANCHORALIGN_CLI
