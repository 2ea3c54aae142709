// The writers of the coverage report (terminal text, JSON, HTML) and the `check` command:
// its outputs and exit statuses. The HTML page in a real browser: check_browser_test.py.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "anchoralign/check.h"
#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"

namespace {

namespace fs = std::filesystem;
using anchoralign::Alignment;
using anchoralign::CoverageReport;
using anchoralign::Lang;
using anchoralign::SplitText;

SplitText lines_of(Lang lang, const std::string& name, const std::string& text) {
  anchoralign::Document document;
  document.name = name;
  document.lang = lang;
  document.text = text;
  return anchoralign::split(document, {true, lang});
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("anchoralign_check_report_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

bool python_available() {
  return std::system("/usr/bin/python3 -c 'import json' > /dev/null 2>&1") == 0;
}

// Runs a Python check on a JSON file: `assertions` uses `r`, the parsed report.
int python_check(const fs::path& json, const std::string& assertions) {
  const fs::path script = json.parent_path() / "check.py";
  write_file(script, "import json, sys\nr = json.load(open(sys.argv[1], encoding='utf-8'))\n" +
                         assertions + "\n");
  const std::string command = "/usr/bin/python3 '" + script.string() + "' '" + json.string() + "'";
  return std::system(command.c_str());
}

// An original with a left-out sentence, a changed number and markup-like text to escape;
// the alignment is given, so these tests do not depend on the aligner.
struct Pair {
  SplitText en = lines_of(Lang::kEn, "en <1>.txt",
                          "The bridge cost 350 million dollars.\n"
                          "Not everyone is pleased.\n"
                          "The sign said <script>alert('x')</script> & \"welcome\".");
  SplitText zh = lines_of(Lang::kZh, "zh.txt",
                          "大桥耗资35亿美元。\n"
                          "牌子上写着<script>alert('x')</script>和“欢迎”。");
  Alignment alignment = {{0, 1, 0, 1, 0.9}, {1, 1, 1, 0, 0.8}, {2, 1, 1, 1, 0.9}};
  CoverageReport report = anchoralign::check(en, zh, alignment);
};

}  // namespace

TEST_CASE("report json: valid, complete, documented keys", "[check][write]") {
  if (!python_available()) {
    WARN("python3 is not installed; JSON validity not checked");
    return;
  }
  const Pair pair;
  const fs::path dir = scratch("json");
  std::ofstream out(dir / "report.json", std::ios::binary);
  anchoralign::write_report_json(out, pair.report, pair.alignment);
  out.close();
  const std::string tool =
      "/usr/bin/python3 -m json.tool '" + (dir / "report.json").string() + "' > /dev/null";
  REQUIRE(std::system(tool.c_str()) == 0);
  CHECK(python_check(
            dir / "report.json",
            "assert r['format'] == 'anchoralign-check' and r['version'] == 1\n"
            "assert abs(r['coverage'] - 2 / 3) < 1e-4, r['coverage']\n"
            "assert r['original']['name'] == 'en <1>.txt' and r['original']['lang'] == 'en'\n"
            "assert r['original']['sentences'] == 3 and r['original']['covered_sentences'] == 2\n"
            "kinds = [f['kind'] for f in r['findings']]\n"
            "assert kinds == ['number_mismatch', 'omission'], kinds\n"
            "n = r['findings'][0]\n"
            "assert n['severity'] == 'error'\n"
            "assert [t['key'] for t in n['original_only']] == ['n:350000000']\n"
            "assert [t['text'] for t in n['translation_only']] == ['35亿']\n"
            "o = r['findings'][1]\n"
            "assert o['original'] == {'begin': 1, 'count': 1, 'text': 'Not everyone is pleased.'}\n"
            "assert o['translation']['count'] == 0 and o['support'] is None\n"
            "assert r['counts']['omission'] == 1 and r['counts']['error'] == 1\n"
            "assert [b['original'] for b in r['beads']] == [[0], [1], [2]]\n"
            "assert r['beads'][1]['translation'] == []\n"
            "assert r['paragraphs'][0]['begin'] == 0\n") == 0);
}

TEST_CASE("report html: self-contained, escaped, findings marked", "[check][write]") {
  const Pair pair;
  std::ostringstream out;
  anchoralign::write_report_html(out, pair.en, pair.zh, pair.alignment, pair.report);
  const std::string html = out.str();
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;welcome&quot;") !=
        std::string::npos);
  CHECK(html.find("en &lt;1&gt;.txt") != std::string::npos);
  CHECK(html.find("en <1>") == std::string::npos);
  // Nothing loaded from elsewhere.
  for (const char* external : {"http:", "https:", "url(", "@import", "<link", "<img"}) {
    CAPTURE(external);
    CHECK(html.find(external) == std::string::npos);
  }
  CHECK(html.find("<tr id=\"b1\" class=\"bead omission flagged worst-warning") !=
        std::string::npos);
  CHECK(html.find("<span class=\"s gap\" id=\"s1\"><sup>1</sup>Not everyone is pleased.</span>") !=
        std::string::npos);
  CHECK(html.find("<mark class=\"term\" title=\"only in the translation\">35亿</mark>") !=
        std::string::npos);
  CHECK(html.find("<mark class=\"term\" title=\"only in the original\">350 million</mark>") !=
        std::string::npos);
  CHECK(html.find("style=\"width:66.67%\"") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("report html: refuses a report or alignment of other texts", "[check][write]") {
  const Pair pair;
  std::ostringstream out;
  const SplitText one = lines_of(Lang::kEn, "one.txt", "The bridge cost 350 million dollars.");
  CHECK_THROWS_AS(anchoralign::write_report_html(out, one, pair.zh, {{0, 1, 0, 2, 1}}, pair.report),
                  anchoralign::Error);
  CHECK_THROWS_AS(
      anchoralign::write_report_html(out, pair.en, pair.zh, {{0, 3, 0, 3, 1}}, pair.report),
      anchoralign::Error);
}

TEST_CASE("report text: figures, findings, colour only when asked", "[check][write]") {
  const Pair pair;
  std::ostringstream plain, coloured;
  anchoralign::write_report_text(plain, pair.report, false);
  anchoralign::write_report_text(coloured, pair.report, true);
  CHECK(plain.str().find('\033') == std::string::npos);
  CHECK(coloured.str().find("\033[") != std::string::npos);
  const std::string text = plain.str();
  CHECK(text.find("66.7%  (2 of 3)") != std::string::npos);
  const std::size_t number = text.find("number_mismatch");
  const std::size_t omission = text.find("omission  bead 1, original 1, translation before 1");
  REQUIRE(number != std::string::npos);
  REQUIRE(omission != std::string::npos);
  CHECK(number < omission);  // document order
  CHECK(text.find("numbers differ: 350 million in the original, 35亿 in the translation") !=
        std::string::npos);
}

#ifdef ANCHORALIGN_CLI

namespace {

struct Run {
  int status = -1;
  std::string output;  // stdout and stderr together
};

Run run(const std::string& arguments) {
  const std::string command = "'" ANCHORALIGN_CLI "' " + arguments + " 2>&1";
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

const std::string kSamples = std::string(ANCHORALIGN_SOURCE_DIR) + "/samples/";

// The harbour sample with a whole paragraph left untranslated, besides the credit line.
fs::path harbour_with_extra_paragraph(const fs::path& dir) {
  std::string english = read_file(kSamples + "harbour.en.txt");
  const std::string marker = "Not everyone is pleased.";
  const std::size_t at = english.find(marker);
  REQUIRE(at != std::string::npos);
  english.insert(at,
                 "The opening ceremony ended with fireworks over the river. Children waved "
                 "paper flags from the new footpath, and a brass band played until midnight.\n\n");
  write_file(dir / "extra.en.txt", english);
  return dir / "extra.en.txt";
}

}  // namespace

TEST_CASE("check command: coverage gate and exit statuses", "[check][cli]") {
  const fs::path dir = scratch("cli");
  const std::string en = kSamples + "harbour.en.txt", zh = kSamples + "harbour.zh.txt";
  const std::string json = (dir / "r.json").string(), html = (dir / "r.html").string();
  // The credit line has no translation: 15 of 16 sentences are covered.
  const Run pass =
      run("check " + en + " " + zh + " --min-coverage 0.9 --json " + json + " --html " + html);
  CHECK(pass.status == 0);
  CHECK(pass.output.find("93.8%  (15 of 16)") != std::string::npos);
  CHECK(pass.output.find("(Reporting by Anna Berg") != std::string::npos);
  CHECK(pass.output.find('\033') == std::string::npos);  // not a terminal
  CHECK(fs::file_size(json) > 0);
  CHECK(fs::file_size(html) > 0);
  fs::remove(json);
  const Run fail = run("check " + en + " " + zh + " --min-coverage 0.95 --json " + json + " -q");
  CHECK(fail.status == 1);
  CHECK(fail.output.find("coverage 93.8% is below --min-coverage 95.0%") != std::string::npos);
  CHECK(fs::exists(json));                                   // the report is written all the same
  CHECK(fail.output.find("Findings") == std::string::npos);  // -q
}

TEST_CASE("check command: a whole untranslated paragraph, end to end", "[check][cli]") {
  const fs::path dir = scratch("paragraph");
  const fs::path en = harbour_with_extra_paragraph(dir);
  const Run done = run("check " + en.string() + " " + kSamples + "harbour.zh.txt -q --json " +
                       (dir / "r.json").string());
  REQUIRE(done.status == 0);
  if (!python_available()) return;
  CHECK(python_check(dir / "r.json",
                     "om = [f for f in r['findings'] if f['kind'] == 'omission']\n"
                     "texts = [f['original']['text'] for f in om]\n"
                     "assert any(t.startswith('The opening ceremony ended with fireworks') and\n"
                     "           t.endswith('until midnight.') for t in texts), texts\n"
                     "assert any(t.startswith('(Reporting by Anna Berg') for t in texts), texts\n"
                     "assert r['original']['sentences'] == 18\n"
                     "assert r['original']['covered_sentences'] == 15, r['original']\n") == 0);
}

TEST_CASE("check command: a given alignment", "[check][cli]") {
  const fs::path dir = scratch("ladder");
  write_file(dir / "en.txt", "One cat.\nTwo dogs sat on 3 mats.\nA bird.\n");
  write_file(dir / "zh.txt", "一只猫。\n一只鸟。\n");
  write_file(dir / "good.align", "[0]:[0]:0.9\n[1]:[]:0.5\n[2]:[1]:0.9\n");
  const std::string pair =
      " --presplit --no-lexicon " + (dir / "en.txt").string() + " " + (dir / "zh.txt").string();
  const Run good =
      run("check" + pair + " --alignment " + (dir / "good.align").string() + " --min-coverage 0.6");
  CHECK(good.status == 0);
  CHECK(good.output.find("66.7%  (2 of 3)") != std::string::npos);
  CHECK(good.output.find("Two dogs sat on 3 mats.") != std::string::npos);
  write_file(dir / "short.align", "[0]:[0]:0.9\n[1]:[1]:0.5\n");
  const Run short_ladder = run("check" + pair + " --alignment " + (dir / "short.align").string());
  CHECK(short_ladder.status == 2);
  CHECK(short_ladder.output.find("short.align: alignment: the beads cover 2:2 sentences") !=
        std::string::npos);
  write_file(dir / "bad.align", "[0]:[0]:0.9\n[1,3]:[]\n");
  const Run bad = run("check" + pair + " --alignment " + (dir / "bad.align").string());
  CHECK(bad.status == 2);
  CHECK(bad.output.find("bad.align:2:") != std::string::npos);
}

TEST_CASE("check command: --mixed takes the English part as the original", "[check][cli]") {
  const fs::path dir = scratch("mixed");
  write_file(dir / "mixed.txt", read_file(kSamples + "harbour.zh.txt") + "\n\n" +
                                    read_file(kSamples + "harbour.en.txt"));
  const Run done = run("check --mixed " + (dir / "mixed.txt").string() + " -q --json " +
                       (dir / "r.json").string());
  REQUIRE(done.status == 0);
  if (!python_available()) return;
  CHECK(python_check(dir / "r.json",
                     "assert r['original']['lang'] == 'en' and r['original']['sentences'] == 16\n"
                     "assert r['translation']['lang'] == 'zh'\n"
                     "assert r['original']['covered_sentences'] == 15, r['original']\n") == 0);
  CHECK(run("check --mixed " + (dir / "mixed.txt").string() + " " + kSamples + "harbour.zh.txt")
            .status == 2);
}

TEST_CASE("check command: usage and input errors exit with 2", "[check][cli]") {
  const std::string en = kSamples + "harbour.en.txt", zh = kSamples + "harbour.zh.txt";
  const std::vector<std::string> bad = {
      "check " + en,
      "check " + en + " " + zh + " --min-coverage 1.5",
      "check " + en + " " + zh + " --min-coverage many",
      "check " + en + " " + zh + " --min-coverage -1",
      "check " + en + " " + zh + " --min-score -1",
      "check " + en + " " + zh + " --colour sometimes",
      "check " + en + " " + zh + " --json - --html -",
      "check " + en + " /nonexistent/zh.txt",
      "check " + en + " " + zh + " --alignment /nonexistent/x.align",
  };
  for (const std::string& arguments : bad) {
    CAPTURE(arguments);
    const Run done = run(arguments);
    CHECK(done.status == 2);
    CHECK(done.output.find("anchoralign: ") != std::string::npos);
  }
  CHECK(run("check --help").status == 0);
}

#endif  // ANCHORALIGN_CLI
