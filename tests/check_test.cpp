// The translation check: terms of a sentence, the findings on synthetic pairs with known
// omissions, additions and changed numbers under a given alignment, the coverage figures,
// the three report writers, and the `check` command's exit statuses.
#include "anchoralign/check.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "check/terms.h"

namespace {

namespace fs = std::filesystem;
using anchoralign::Alignment;
using anchoralign::Bead;
using anchoralign::CheckOptions;
using anchoralign::CoverageReport;
using anchoralign::Finding;
using anchoralign::FindingKind;
using anchoralign::Lang;
using anchoralign::SentenceRange;
using anchoralign::Severity;
using anchoralign::SplitText;

// One sentence per line; `paragraphs` (when given) numbers the paragraph of each.
SplitText text_of(Lang lang, const std::vector<std::string>& lines,
                  const std::vector<int>& paragraphs = {}) {
  anchoralign::Document document;
  document.name = lang == Lang::kZh ? "zh.txt" : "en.txt";
  document.lang = lang;
  for (std::size_t i = 0; i < lines.size(); ++i) document.text += (i ? "\n" : "") + lines[i];
  SplitText text = anchoralign::split(document, {true, lang});
  REQUIRE(text.sentences.size() == lines.size());
  for (std::size_t i = 0; i < paragraphs.size(); ++i) text.sentences[i].paragraph = paragraphs[i];
  return text;
}

// 1-1 beads, score 1, for the first n sentences from (s, t).
Alignment one_to_one(int s, int t, int n) {
  Alignment out;
  for (int k = 0; k < n; ++k) out.push_back({s + k, 1, t + k, 1, 1.0});
  return out;
}

Alignment operator+(Alignment a, const Alignment& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<const Finding*> of_kind(const CoverageReport& report, FindingKind kind) {
  std::vector<const Finding*> out;
  for (const Finding& f : report.findings) {
    if (f.kind == kind) out.push_back(&f);
  }
  return out;
}

std::size_t non_space(const std::string& ascii) {
  std::size_t n = 0;
  for (const char c : ascii) n += c != ' ';
  return n;
}

// The harbour story: six English sentences and their Chinese translation.
const std::vector<std::string> kEnglish = {
    "The bridge is 1.2 kilometres long and cost 350 million dollars.",
    "It carries four lanes of traffic and a separate path for cyclists.",
    "Engineers from Nordbau GmbH designed the steel arches.",
    "The old ferry service, which ran for 87 years, made its last trip on March 14, 2024.",
    "Its captain, Tom Walsh, has worked on the ferry since 1991.",
    "Officials expect tolls to raise 12 million dollars a year.",
};
const std::vector<std::string> kChinese = {
    "大桥全长1.2公里，耗资3.5亿美元。",
    "桥面设有四条机动车道和一条独立的自行车道。",
    "钢拱由Nordbau GmbH的工程师设计。",
    "运营了八十七年的老渡轮于2024年3月14日完成了最后一次航行。",
    "船长汤姆·沃尔什（Tom Walsh）自1991年起就在渡轮上工作。",
    "官员预计每年的过路费收入可达1200万美元。",
};

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("anchoralign_check_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace

TEST_CASE("find_terms: numbers by value, Latin names by key", "[check]") {
  using anchoralign::detail::find_terms;
  struct Row {
    const char* text;
    Lang lang;
    std::vector<std::string> keys;
  };
  const std::vector<Row> rows = {
      {"耗资3.5亿美元", Lang::kZh, {"n:350000000"}},
      {"cost 350 million dollars", Lang::kEn, {"w:cost", "n:350000000", "w:dollars"}},
      {"二十一个国家", Lang::kZh, {"n:21"}},
      {"百分之十五", Lang::kZh, {"p:15"}},
      {"2024年3月14日", Lang::kZh, {"n:2024", "m:3", "n:14"}},
      {"GPT-4 and OpenAI's model", Lang::kEn, {"w:gpt-4", "w:and", "w:openai", "w:model"}},
      {"the 21st century", Lang::kEn, {"w:the", "n:21", "w:century"}},
      // Spaces around digits, as many Chinese writers set them.
      {"从大约 1 亿增长到了 3 亿多", Lang::kZh, {"n:100000000", "n:300000000"}},
      {"2022 年 11 月 30 日", Lang::kZh, {"n:2022", "m:11", "n:30"}},
      // Former bugs: none yet.
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    std::vector<std::string> keys;
    for (const auto& term : find_terms(row.text, row.lang)) keys.push_back(term.key);
    CHECK(keys == row.keys);
  }
}

TEST_CASE("find_terms: which words a translation would keep in Latin", "[check]") {
  using anchoralign::detail::find_terms;
  const auto strong = [](const char* text, Lang lang) {
    std::vector<std::string> out;
    for (const auto& term : find_terms(text, lang)) {
      if (!term.number && term.strong) out.push_back(term.key);
    }
    return out;
  };
  // The opening capital only starts the sentence; acronyms, CamelCase and later capitals are names.
  CHECK(strong("Engineers from Nordbau GmbH met OpenAI and AGI people", Lang::kEn) ==
        std::vector<std::string>{"w:nordbau", "w:gmbh", "w:openai", "w:agi"});
  CHECK(strong("钢拱由Nordbau GmbH设计", Lang::kZh) ==
        std::vector<std::string>{"w:nordbau", "w:gmbh"});
  const auto terms = find_terms("耗资3.5亿美元", Lang::kZh);
  REQUIRE(terms.size() == 1);
  CHECK(std::string("耗资3.5亿美元").substr(terms[0].begin, terms[0].end - terms[0].begin) ==
        "3.5亿");
  CHECK_FALSE(find_terms("三个人", Lang::kZh).at(0).strong);  // small spelled numbers are weak
  CHECK(find_terms("二十一个人", Lang::kZh).at(0).strong);
}

TEST_CASE("check: a faithful translation covers everything", "[check]") {
  const SplitText en = text_of(Lang::kEn, kEnglish), zh = text_of(Lang::kZh, kChinese);
  const CoverageReport report = anchoralign::check(en, zh, one_to_one(0, 0, 6));
  CHECK(report.original.sentences == 6);
  CHECK(report.original.covered_sentences == 6);
  CHECK(report.original.sentence_share() == 1.0);
  CHECK(report.translation.sentence_share() == 1.0);
  // 3.5亿 = 350 million, 1200万 = 12 million, 八十七 = 87, dates in either order: no mismatch.
  CHECK(of_kind(report, FindingKind::kNumberMismatch).empty());
  CHECK(of_kind(report, FindingKind::kTermMismatch).empty());
  CHECK(report.findings.empty());
}

TEST_CASE("check: an untranslated sentence is an omission", "[check]") {
  std::vector<std::string> english = kEnglish;
  english.insert(english.begin() + 3, "Not everyone is pleased.");
  const SplitText en = text_of(Lang::kEn, english), zh = text_of(Lang::kZh, kChinese);
  const Alignment alignment =
      one_to_one(0, 0, 3) + Alignment{{3, 1, 3, 0, 0.9}} + one_to_one(4, 3, 3);
  const CoverageReport report = anchoralign::check(en, zh, alignment);
  const auto omissions = of_kind(report, FindingKind::kOmission);
  REQUIRE(omissions.size() == 1);
  const Finding& f = *omissions[0];
  CHECK(f.original == SentenceRange{3, 1});
  CHECK(f.translation == SentenceRange{3, 0});  // where it would go
  CHECK(f.bead == 3);
  CHECK(f.original_text == "Not everyone is pleased.");
  CHECK(f.severity == Severity::kWarning);  // one sentence, 21 characters
  CHECK(report.original.sentences == 7);
  CHECK(report.original.covered_sentences == 6);
  std::size_t all = 0;
  for (const std::string& s : english) all += non_space(s);
  CHECK(report.original.characters == all);
  CHECK(report.original.covered_characters == all - 21);
  CHECK(report.original.sentence_share() == Approx(6.0 / 7));
  CHECK(report.findings.size() == 1);
}

TEST_CASE("check: consecutive untranslated sentences form one run", "[check]") {
  const SplitText en = text_of(Lang::kEn, kEnglish, {0, 0, 1, 1, 1, 2});
  const SplitText zh = text_of(Lang::kZh, {kChinese[0], kChinese[1], kChinese[5]});
  // Paragraph 1 (sentences 2-4) is left out.
  const Alignment alignment = one_to_one(0, 0, 2) +
                              Alignment{{2, 1, 2, 0, 0.9}, {3, 1, 2, 0, 0.9}, {4, 1, 2, 0, 0.9}} +
                              one_to_one(5, 2, 1);
  const CoverageReport report = anchoralign::check(en, zh, alignment);
  const auto omissions = of_kind(report, FindingKind::kOmission);
  REQUIRE(omissions.size() == 1);
  CHECK(omissions[0]->original == SentenceRange{2, 3});
  CHECK(omissions[0]->translation == SentenceRange{2, 0});
  CHECK(omissions[0]->severity == Severity::kError);
  REQUIRE(report.paragraphs.size() == 3);
  CHECK(report.paragraphs[0].coverage.sentence_share() == 1.0);
  CHECK(report.paragraphs[1].sentences == SentenceRange{2, 3});
  CHECK(report.paragraphs[1].coverage.covered_sentences == 0);
  CHECK(report.paragraphs[1].coverage.character_share() == 0.0);
  CHECK(report.paragraphs[2].coverage.sentence_share() == 1.0);
  CHECK(report.original.sentence_share() == Approx(0.5));
}

TEST_CASE("check: a left-out sentence rendered next door is a boundary; a run is not", "[check]") {
  const SplitText en = text_of(Lang::kEn, kEnglish), zh = text_of(Lang::kZh, kChinese);
  // English 3 left out while its translation sits in the next bead: a misplaced boundary.
  const Alignment single = one_to_one(0, 0, 3) + Alignment{{3, 1, 3, 0, 0.6}, {4, 1, 3, 2, 0.6}} +
                           one_to_one(5, 5, 1);
  CHECK(of_kind(anchoralign::check(en, zh, single), FindingKind::kOmission).empty());
  // English 2 and 3 both left out, their translations in the next bead: two sentences with no
  // counterpart in a row are a passage the aligner found none for, and are reported.
  const Alignment run = one_to_one(0, 0, 2) +
                        Alignment{{2, 1, 2, 0, 0.6}, {3, 1, 2, 0, 0.6}, {4, 1, 2, 3, 0.6}} +
                        one_to_one(5, 5, 1);
  const CoverageReport report = anchoralign::check(en, zh, run);
  const auto omissions = of_kind(report, FindingKind::kOmission);
  REQUIRE(omissions.size() == 1);
  CHECK(omissions[0]->original == SentenceRange{2, 2});
}

TEST_CASE("check: a sentence only in the translation is an addition", "[check]") {
  std::vector<std::string> chinese = kChinese;
  chinese.insert(chinese.begin() + 2, "（译者注：GmbH是德国的有限责任公司。）");
  const SplitText en = text_of(Lang::kEn, kEnglish), zh = text_of(Lang::kZh, chinese);
  const Alignment alignment =
      one_to_one(0, 0, 2) + Alignment{{2, 0, 2, 1, 0.9}} + one_to_one(2, 3, 4);
  const CoverageReport report = anchoralign::check(en, zh, alignment);
  const auto additions = of_kind(report, FindingKind::kAddition);
  REQUIRE(additions.size() == 1);
  CHECK(additions[0]->translation == SentenceRange{2, 1});
  CHECK(additions[0]->original == SentenceRange{2, 0});
  CHECK(additions[0]->severity == Severity::kWarning);
  CHECK(report.original.sentence_share() == 1.0);
  CHECK(report.translation.covered_sentences == 6);
  CHECK(report.translation.sentences == 7);
}

TEST_CASE("check: numbers that differ or go missing", "[check]") {
  struct Row {
    const char* name;
    std::string chinese;  // replaces the translation of sentence 0 or 4
    int sentence;
    Severity severity;
    std::vector<std::string> original_only, translation_only;
  };
  const std::vector<Row> rows = {
      {"changed",
       "大桥全长1.2公里，耗资35亿美元。",
       0,
       Severity::kError,
       {"n:350000000"},
       {"n:3500000000"}},
      {"dropped",
       "船长汤姆·沃尔什（Tom Walsh）多年来一直在渡轮上工作。",
       4,
       Severity::kWarning,
       {"n:1991"},
       {}},
      {"added",
       "大桥全长1.2公里，耗资3.5亿美元，工期36个月。",
       0,
       Severity::kWarning,
       {},
       {"n:36"}},
  };
  const SplitText en = text_of(Lang::kEn, kEnglish);
  for (const Row& row : rows) {
    CAPTURE(row.name);
    std::vector<std::string> chinese = kChinese;
    chinese[row.sentence] = row.chinese;
    const CoverageReport report =
        anchoralign::check(en, text_of(Lang::kZh, chinese), one_to_one(0, 0, 6));
    const auto numbers = of_kind(report, FindingKind::kNumberMismatch);
    REQUIRE(numbers.size() == 1);
    const Finding& f = *numbers[0];
    CHECK(f.severity == row.severity);
    CHECK(f.original == SentenceRange{row.sentence, 1});
    std::vector<std::string> original_only, translation_only;
    for (const auto& t : f.original_only) original_only.push_back(t.key);
    for (const auto& t : f.translation_only) translation_only.push_back(t.key);
    CHECK(original_only == row.original_only);
    CHECK(translation_only == row.translation_only);
    for (const auto& t : f.translation_only) {
      CHECK(chinese[t.sentence].substr(t.begin, t.end - t.begin) == t.text);
    }
  }
}

TEST_CASE("check: a number one bead off is a boundary, not a mismatch", "[check]") {
  // The aligner put sentence 4's year with sentence 3: the 1991 is still next door.
  const SplitText en = text_of(Lang::kEn, kEnglish), zh = text_of(Lang::kZh, kChinese);
  const Alignment alignment = one_to_one(0, 0, 3) +
                              Alignment{{3, 2, 3, 1, 0.6}, {5, 0, 4, 1, 0.5}} +
                              Alignment{{5, 1, 5, 1, 1.0}};
  CoverageReport report;
  CheckOptions options;
  options.low_score = 0;
  REQUIRE_NOTHROW(report = anchoralign::check(en, zh, alignment, options));
  CHECK(of_kind(report, FindingKind::kNumberMismatch).empty());
  // Nor is the 0-1 bead an addition, or sentence 4 an omission: their counterparts are there.
  CHECK(report.findings.empty());
  CHECK(report.original.sentence_share() == 1.0);
  CHECK(report.translation.sentence_share() == 1.0);
}

TEST_CASE("check: Latin names on one side only", "[check]") {
  std::vector<std::string> chinese = kChinese;
  chinese[2] = "钢拱由Nordbaux公司的工程师设计。";
  const SplitText en = text_of(Lang::kEn, kEnglish), zh = text_of(Lang::kZh, chinese);
  const CoverageReport report = anchoralign::check(en, zh, one_to_one(0, 0, 6));
  const auto terms = of_kind(report, FindingKind::kTermMismatch);
  REQUIRE(terms.size() == 1);
  const Finding& f = *terms[0];
  CHECK(f.original == SentenceRange{2, 1});
  REQUIRE(f.translation_only.size() == 1);
  CHECK(f.translation_only[0].key == "w:nordbaux");
  CHECK(f.translation_only[0].text == "Nordbaux");
  // Nordbau and GmbH: the translation never writes them in Latin, so it may transliterate.
  CHECK(f.original_only.empty());
  CHECK(f.severity == Severity::kWarning);  // the original never writes Nordbaux

  CheckOptions quiet;
  quiet.terms = false;
  CHECK(of_kind(anchoralign::check(en, zh, one_to_one(0, 0, 6), quiet), FindingKind::kTermMismatch)
            .empty());
}

TEST_CASE("check: a sentence of a many-to-one bead the translation leaves out", "[check]") {
  const fs::path dir = scratch("lexicon");
  write_file(dir / "lexicon.tsv",
             "大桥\tbridge\n车道\tlane\n交通\ttraffic\n自行车\tbicycle\n骑车人\tcyclist\n"
             "市长\tmayor\n感谢\tthank\n工程师\tengineer\n工人\tworker\n耐心\tpatience\n"
             "居民\tresident\n渡轮\tferry\n船长\tcaptain\n官员\tofficial\n冬天\twinter\n"
             "警察\tpolice\n邻居\tneighbour\n");
  CheckOptions options;
  options.lexicon = anchoralign::Lexicon::load({(dir / "lexicon.tsv").string()});
  const SplitText en = text_of(
      Lang::kEn,
      {
          "The bridge carries four lanes of traffic and a path for cyclists.",
          "The mayor thanked the engineers, the workers, the police, the officials, the neighbours "
          "and the residents for their patience all winter.",
          "The captain of the old ferry retired.",
      });
  const Alignment alignment = {{0, 2, 0, 1, 0.8}, {2, 1, 1, 1, 0.9}};
  SECTION("left out") {
    const SplitText zh =
        text_of(Lang::kZh, {"大桥设有四条交通车道和一条自行车道。", "老渡轮的船长退休了。"});
    const CoverageReport report = anchoralign::check(en, zh, alignment, options);
    const auto omissions = of_kind(report, FindingKind::kOmission);
    REQUIRE(omissions.size() == 1);
    CHECK(omissions[0]->original == SentenceRange{1, 1});
    CHECK(omissions[0]->translation == SentenceRange{0, 1});  // the bead's translation
    CHECK(omissions[0]->support >= 0);
    CHECK(omissions[0]->support <= 0.2);
    CHECK(report.original.covered_sentences == 2);
    // Without word translations there is no evidence either way.
    CHECK(of_kind(anchoralign::check(en, zh, alignment), FindingKind::kOmission).empty());
  }
  SECTION("rendered") {
    const SplitText zh =
        text_of(Lang::kZh, {"大桥设有四条交通车道和一条自行车道，市长感谢工程师、工人、警察、"
                            "官员、邻居和居民整个冬天的耐心。",
                            "老渡轮的船长退休了。"});
    const CoverageReport report = anchoralign::check(en, zh, alignment, options);
    CHECK(of_kind(report, FindingKind::kOmission).empty());
    CHECK(report.original.sentence_share() == 1.0);
  }
  SECTION("rendered one bead off") {
    // The boundary is misplaced: the next bead renders the mayor's thanks.
    const SplitText zh =
        text_of(Lang::kZh, {"大桥设有四条交通车道和一条自行车道。",
                            "市长感谢工程师、工人、警察、官员、邻居和居民整个冬天的耐心。"
                            "老渡轮的船长退休了。"});
    const CoverageReport report = anchoralign::check(en, zh, alignment, options);
    CHECK(of_kind(report, FindingKind::kOmission).empty());
  }
}

TEST_CASE("check: weak beads are reported below the threshold", "[check]") {
  const SplitText en = text_of(Lang::kEn, kEnglish), zh = text_of(Lang::kZh, kChinese);
  Alignment alignment = one_to_one(0, 0, 6);
  alignment[4].score = 0.1;
  const CoverageReport report = anchoralign::check(en, zh, alignment);
  const auto low = of_kind(report, FindingKind::kLowScore);
  REQUIRE(low.size() == 1);
  CHECK(low[0]->bead == 4);
  CHECK(low[0]->score == Approx(0.1));
  CheckOptions off;
  off.low_score = 0;
  CHECK(of_kind(anchoralign::check(en, zh, alignment, off), FindingKind::kLowScore).empty());
}

TEST_CASE("check: findings come in document order", "[check]") {
  std::vector<std::string> chinese = kChinese;
  chinese[4] = "船长汤姆·沃尔什（Tom Walsh）多年来一直在渡轮上工作。";
  chinese.erase(chinese.begin() + 1);
  const SplitText en = text_of(Lang::kEn, kEnglish), zh = text_of(Lang::kZh, chinese);
  const Alignment alignment =
      one_to_one(0, 0, 1) + Alignment{{1, 1, 1, 0, 0.9}} + one_to_one(2, 1, 4);
  const CoverageReport report = anchoralign::check(en, zh, alignment);
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].kind == FindingKind::kOmission);
  CHECK(report.findings[1].kind == FindingKind::kNumberMismatch);
  CHECK(report.findings[1].original.begin == 4);
}

TEST_CASE("check: alignments that do not cover both texts are refused", "[check]") {
  const SplitText en = text_of(Lang::kEn, kEnglish), zh = text_of(Lang::kZh, kChinese);
  const std::vector<Alignment> bad = {
      one_to_one(0, 0, 5),                                // sentence 5 left out
      one_to_one(0, 0, 3) + one_to_one(4, 4, 2),          // a hole
      one_to_one(0, 0, 6) + Alignment{{5, 1, 5, 1, 1}},   // overlap
      Alignment{{0, 6, 0, 7, 1}},                         // past the end
      one_to_one(0, 0, 5) + Alignment{{5, -1, 5, 1, 1}},  // negative
  };
  for (const Alignment& alignment : bad) {
    CHECK_THROWS_AS(anchoralign::check(en, zh, alignment), anchoralign::Error);
  }
  CheckOptions options;
  options.low_score = 1.5;
  CHECK_THROWS_AS(anchoralign::check(en, zh, one_to_one(0, 0, 6), options),
                  anchoralign::OptionError);
}

TEST_CASE("check: same-language pairs and empty sentences", "[check]") {
  // Presplit blank lines are empty sentences: they neither count nor break a run.
  const SplitText a = text_of(Lang::kEn, {"The cat sat on the mat.", "",
                                          "The dog barked loudly at night.", "A bird sang."});
  const SplitText b = text_of(Lang::kEn, {"The cat sat on the mat.", "A bird sang."});
  const Alignment alignment = {{0, 1, 0, 1, 1}, {1, 1, 1, 0, 1}, {2, 1, 1, 0, 1}, {3, 1, 1, 1, 1}};
  const CoverageReport report = anchoralign::check(a, b, alignment);
  CHECK(report.original.sentences == 3);
  const auto omissions = of_kind(report, FindingKind::kOmission);
  REQUIRE(omissions.size() == 1);
  CHECK(omissions[0]->original == SentenceRange{2, 1});
  // Chinese on both sides, no lexicon: words stand for themselves.
  const SplitText zh = text_of(Lang::kZh, {"猫坐在垫子上。", "狗在夜里大声叫。"});
  CHECK_NOTHROW(anchoralign::check(zh, zh, {{0, 2, 0, 2, 1}}));
}
