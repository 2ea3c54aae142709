// Tests of lexicon training: the TMX, TSV and parallel readers, IBM Model 1 on small
// synthetic corpora, the TSV writer and the `lexicon train` command.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "anchoralign/error.h"
#include "anchoralign/train.h"
#include "lexicon/lexicon.h"
#include "lexicon/train.h"
#include "text/normalize.h"

using anchoralign::InputError;
using anchoralign::LexiconEntry;
using anchoralign::OptionError;
using anchoralign::SentencePair;
using anchoralign::TrainOptions;
using anchoralign::detail::parse_parallel_pairs;
using anchoralign::detail::parse_tmx_pairs;
using anchoralign::detail::parse_tsv_pairs;
namespace fs = std::filesystem;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs plain(const std::vector<SentencePair>& pairs) {
  Pairs result;
  for (const SentencePair& pair : pairs) result.emplace_back(pair.chinese, pair.english);
  return result;
}

// The message of the InputError that `read` throws; "(no error)" when it throws none.
template <typename Read>
std::string error_of(Read read) {
  try {
    read();
  } catch (const InputError& error) {
    return error.what();
  }
  return "(no error)";
}

std::string tmx(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
         "<header srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n" +
         body + "</body>\n</tmx>\n";
}

std::string tu(const std::string& lang1, const std::string& seg1, const std::string& lang2,
               const std::string& seg2) {
  return "<tu><tuv xml:lang=\"" + lang1 + "\"><seg>" + seg1 + "</seg></tuv><tuv xml:lang=\"" +
         lang2 + "\"><seg>" + seg2 + "</seg></tuv></tu>\n";
}

fs::path scratch_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("anchoralign_train_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The 27 sentences "SUBJECT VERB OBJECT" over three words per slot, each word with a fixed
// translation: every Chinese character meets its English word 9 times and every other
// English word of the other slots 3 times, so only the true pairs stand out.
std::vector<SentencePair> toy_corpus() {
  const Pairs subjects = {{"猫", "cat"}, {"狗", "dog"}, {"鸟", "bird"}};
  const Pairs verbs = {{"吃", "eats"}, {"看", "sees"}, {"追", "follows"}};
  const Pairs objects = {{"鱼", "fish"}, {"肉", "meat"}, {"球", "ball"}};
  std::vector<SentencePair> pairs;
  for (const auto& [zs, es] : subjects) {
    for (const auto& [zv, ev] : verbs) {
      for (const auto& [zo, eo] : objects) {
        pairs.push_back({zs + zv + zo + "。", "The " + es + " " + ev + " the " + eo + "."});
      }
    }
  }
  return pairs;
}

// The learned lemmas of `chinese` with their weights, heaviest first.
std::vector<std::pair<std::string, double>> learned(const std::vector<LexiconEntry>& entries,
                                                    const std::string& chinese) {
  std::vector<std::pair<std::string, double>> result;
  for (const LexiconEntry& entry : entries) {
    if (entry.chinese == chinese) result.emplace_back(entry.english, entry.weight);
  }
  return result;
}

std::string lemma(const std::string& word) {
  const std::vector<std::string> lemmas = anchoralign::detail::english_lemmas(word);
  REQUIRE(lemmas.size() == 1);
  return lemmas[0];
}

}  // namespace

TEST_CASE("TMX units give their Chinese and English segments", "[train][tmx]") {
  struct Case {
    std::string name, body;
    Pairs expected;
  };
  const std::vector<Case> cases = {
      {"plain", tu("zh-CN", "猫", "en-US", "cat"), {{"猫", "cat"}}},
      {"English first", tu("en", "dog", "zh", "狗"), {{"狗", "dog"}}},
      {"Traditional, upper case", tu("ZH-TW", "貓", "EN-GB", "cat"), {{"貓", "cat"}}},
      {"underscore and script", tu("zh_Hant", "貓", "en_us", "cat"), {{"貓", "cat"}}},
      {"three-letter codes", tu("zho", "猫", "eng", "cat"), {{"猫", "cat"}}},
      {"other languages ignored", tu("fr-FR", "chat", "en", "cat"), {}},
      {"no English variant", tu("zh-CN", "猫", "ja", "猫"), {}},
      {"entities",
       tu("zh", "&#x732B;&#29399;", "en", "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;"),
       {{"猫狗", "a & b <c> \"d\" 'e'"}}},
      {"inline codes dropped",
       tu("zh", "点<bpt i=\"1\">&lt;b&gt;</bpt>这里<ept i=\"1\">&lt;/b&gt;</ept><ph x=\"2\"/>",
          "en",
          "Click <bpt i=\"1\">&lt;b&gt;</bpt>here<ept i=\"1\">&lt;/b&gt;</ept> now<ph>{1}</ph>"),
       {{"点这里", "Click here now"}}},
      {"sub inside a code, hi kept",
       tu("zh", "看<ph>&lt;img alt=\"<sub>图</sub>\"&gt;</ph>图", "en",
          "See the <hi type=\"b\">figure</hi>"),
       {{"看图", "See the figure"}}},
      {"CDATA",
       tu("zh", "<![CDATA[猫 & <狗>]]>", "en", "cat <![CDATA[& <dog>]]>"),
       {{"猫 & <狗>", "cat & <dog>"}}},
      {"whitespace collapsed", tu("zh", "\n  猫\n", "en", " a\n\t cat  "), {{"猫", "a cat"}}},
      {"TMX 1.1 lang attribute",
       "<tu><tuv lang=\"ZH-CN\"><seg>猫</seg></tuv><tuv lang='EN'><seg>cat</seg></tuv></tu>",
       {{"猫", "cat"}}},
      {"quoted > and props",
       "<tu tuid='1'><prop type=\"x\">ignored</prop><tuv xml:lang='en' x='a>b'><seg>cat</seg>"
       "</tuv><tuv xml:lang=\"zh\"><note>no</note><seg>猫</seg></tuv></tu>",
       {{"猫", "cat"}}},
      {"first of two Chinese variants",
       "<tu><tuv xml:lang=\"zh-CN\"><seg>猫</seg></tuv><tuv xml:lang=\"zh-TW\"><seg>貓</seg></tuv>"
       "<tuv xml:lang=\"en\"><seg>cat</seg></tuv></tu>",
       {{"猫", "cat"}}},
      {"comments and two units",
       "<!-- a <tu> in a comment --><tu><tuv xml:lang=\"zh\"><seg>一</seg></tuv><tuv "
       "xml:lang=\"en\">"
       "<seg>one</seg></tuv></tu>\n" +
           tu("zh", "二", "en", "two"),
       {{"一", "one"}, {"二", "two"}}},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    SECTION(c.name) { CHECK(plain(parse_tmx_pairs(tmx(c.body), "t.tmx")) == c.expected); }
  }
}

TEST_CASE("TMX with a DOCTYPE and a BOM-less declaration reads", "[train][tmx]") {
  const std::string text =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\" [ <!ENTITY x \"]>\"> ]>\n"
      "<tmx version=\"1.4\"><body>" +
      tu("zh", "猫", "en", "cat") + "</body></tmx>";
  CHECK(plain(parse_tmx_pairs(text, "t.tmx")) == Pairs{{"猫", "cat"}});
}

TEST_CASE("malformed TMX is an error naming the file and line", "[train][tmx]") {
  struct Case {
    std::string name, text, expected;
  };
  const std::vector<Case> cases = {
      {"unknown entity", tmx(tu("zh", "猫", "en", "a&nbsp;cat")), "t.tmx:5: bad entity '&nbsp;'"},
      {"bare ampersand", tmx(tu("zh", "猫", "en", "cats & dogs")), "t.tmx:5: bad entity"},
      {"surrogate reference", tmx(tu("zh", "&#xD800;", "en", "cat")), "t.tmx:5: bad entity"},
      {"mismatched tags", tmx("<tu><tuv xml:lang=\"zh\"><seg>猫</tuv></tu>"),
       "t.tmx:5: </tuv> closes <seg> of line 5"},
      {"never closed", "<tmx>\n<tu><tuv xml:lang=\"zh\"><seg>猫</seg></tuv>",
       "t.tmx:2: <tu> is never closed"},
      {"unterminated comment", "<tmx>\n<!-- oops", "t.tmx:2: unterminated comment"},
      {"not TMX", "猫\tcat\n狗\tdog\n", "t.tmx:1: no <tmx> element"},
      {"other root", "<html><body/></html>", "t.tmx:1: the root element is <html>"},
      {"attribute without quotes", "<tmx>\n\n<tu tuid=1></tu></tmx>",
       "t.tmx:3: attribute tuid of <tu>"},
      {"literal <", tmx(tu("zh", "a < b", "en", "x")), "t.tmx:5: '<' does not start a tag"},
      {"unterminated tag", "<tmx><tu", "t.tmx:1: unterminated tag <tu"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      CHECK_THAT(error_of([&] { parse_tmx_pairs(c.text, "t.tmx"); }),
                 Catch::Matchers::StartsWith(c.expected));
    }
  }
}

TEST_CASE("TSV pairs come in either column order", "[train][tsv]") {
  const std::string text =
      "# pairs\n猫\tcat\nthe dog\t狗\n\n  \niPhone 手机\tphone\t0.93\n2019\t2019\n会议\tIBM "
      "meeting\n";
  CHECK(plain(parse_tsv_pairs(text, "p.tsv")) == Pairs{{"猫", "cat"},
                                                       {"狗", "the dog"},
                                                       {"iPhone 手机", "phone"},
                                                       {"2019", "2019"},
                                                       {"会议", "IBM meeting"}});
  // A line that shows no script keeps the order of the line before it.
  CHECK(plain(parse_tsv_pairs("dog\t狗\n42\t43\n", "p.tsv")) == Pairs{{"狗", "dog"}, {"43", "42"}});
  // Beads with an empty side (anchoralign's own TSV output) teach nothing and are skipped.
  CHECK(plain(parse_tsv_pairs("猫\t\t0.5\n\tcat\t0.5\n", "p.tsv")).empty());
  CHECK_THAT(error_of([] { parse_tsv_pairs("猫\tcat\n狗 dog\n", "p.tsv"); }),
             Catch::Matchers::StartsWith("p.tsv:2: no tab"));
}

TEST_CASE("parallel files pair line i with line i", "[train][parallel]") {
  CHECK(plain(parse_parallel_pairs("猫\n狗\n", "cat\ndog", "zh.txt", "en.txt")) ==
        Pairs{{"猫", "cat"}, {"狗", "dog"}});
  // A line blank on either side is skipped, but still counts for the line numbers.
  CHECK(plain(parse_parallel_pairs("猫\n\n鸟\n", "cat\ndog\nbird\n", "zh.txt", "en.txt")) ==
        Pairs{{"猫", "cat"}, {"鸟", "bird"}});
  CHECK_THAT(
      error_of([] { parse_parallel_pairs("猫\n狗\n鸟\n", "cat\ndog\n", "zh.txt", "en.txt"); }),
      Catch::Matchers::StartsWith("zh.txt:3: no counterpart: en.txt has only 2 lines"));
  CHECK_THAT(error_of([] { parse_parallel_pairs("猫\n", "cat\ndog\n", "zh.txt", "en.txt"); }),
             Catch::Matchers::StartsWith("en.txt:2: no counterpart: zh.txt has only 1 lines"));
}

TEST_CASE("the file readers decode and name their files", "[train][parallel]") {
  const fs::path dir = scratch_dir("readers");
  write_file(dir / "zh.txt", "\xEF\xBB\xBF猫吃鱼。\r\n狗追球。\r\n");
  write_file(dir / "en.txt", "The cat eats fish.\nThe dog chases a ball.\n");
  CHECK(plain(anchoralign::read_parallel_pairs((dir / "zh.txt").string(),
                                               (dir / "en.txt").string())) ==
        Pairs{{"猫吃鱼。", "The cat eats fish."}, {"狗追球。", "The dog chases a ball."}});
  CHECK_THAT(error_of([&] {
               anchoralign::read_parallel_pairs((dir / "en.txt").string(),
                                                (dir / "zh.txt").string());
             }),
             Catch::Matchers::Contains("give the Chinese file first"));
  CHECK_THAT(error_of([&] { anchoralign::read_tmx_pairs((dir / "missing.tmx").string()); }),
             Catch::Matchers::Contains("missing.tmx"));
}

TEST_CASE("Model 1 learns the consistent pairs of a toy corpus", "[train][model]") {
  TrainOptions options;
  options.max_translations = 1;
  const std::vector<LexiconEntry> entries = anchoralign::train_lexicon(toy_corpus(), options);
  const Pairs expected = {{"猫", "cat"},  {"狗", "dog"},  {"鸟", "bird"},
                          {"吃", "eats"}, {"看", "sees"}, {"追", "follows"},
                          {"鱼", "fish"}, {"肉", "meat"}, {"球", "ball"}};
  REQUIRE(entries.size() == expected.size());
  for (const auto& [chinese, english] : expected) {
    const auto found = learned(entries, chinese);
    REQUIRE(found.size() == 1);
    CHECK(found[0].first == lemma(english));
    CHECK(found[0].second > 0.8);
    CHECK(found[0].second <= 1.0);
  }
  // Entries are sorted by Chinese word, and the same input gives the same output.
  for (std::size_t i = 1; i < entries.size(); ++i)
    CHECK(entries[i - 1].chinese < entries[i].chinese);
  const std::vector<LexiconEntry> again = anchoralign::train_lexicon(toy_corpus(), options);
  REQUIRE(again.size() == entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) CHECK(again[i].weight == entries[i].weight);
}

TEST_CASE("EM gives the same table with and without cached cells", "[train][model]") {
  using namespace anchoralign::detail;
  const Lexicon characters;
  const TrainingCorpus corpus = tokenize_pairs(toy_corpus(), characters);
  REQUIRE(corpus.chinese.size() == 27);
  const SparseTable candidates = candidate_pairs(corpus, 1, 0);
  // Each character meets its own lemma and the 6 lemmas of the other two slots.
  CHECK(candidates.nonZeros() == 9 * 7);
  const SparseTable cached = train_model1(corpus.chinese, corpus.english, candidates, 3);
  const SparseTable searched = train_model1(corpus.chinese, corpus.english, candidates, 3, 0);
  const SparseTable partly = train_model1(corpus.chinese, corpus.english, candidates, 3, 100);
  REQUIRE(cached.nonZeros() == searched.nonZeros());
  for (std::int64_t k = 0; k < cached.nonZeros(); ++k) {
    CHECK(cached.valuePtr()[k] == searched.valuePtr()[k]);
    CHECK(cached.valuePtr()[k] == partly.valuePtr()[k]);
  }
}

TEST_CASE("training respects its thresholds", "[train][model]") {
  std::vector<SentencePair> pairs = toy_corpus();
  pairs.push_back({"龙。", "A dragon."});  // seen once: below min_cooccurrence 2
  TrainOptions options;
  options.max_translations = 3;
  const std::vector<LexiconEntry> entries = anchoralign::train_lexicon(pairs, options);
  CHECK(learned(entries, "龙").empty());
  for (const LexiconEntry& entry : entries) CHECK(entry.weight >= options.min_weight);
  options.min_cooccurrence = 1;
  CHECK(learned(anchoralign::train_lexicon(pairs, options), "龙").empty());  // G2 is 6.7
  options.min_association = 0;
  CHECK(learned(anchoralign::train_lexicon(pairs, options), "龙") ==
        std::vector<std::pair<std::string, double>>{{"dragon", 1.0}});
  // Nothing to learn from: no pairs, or pairs with one side empty after tokenising.
  CHECK(anchoralign::train_lexicon({}, options).empty());
  CHECK(anchoralign::train_lexicon({{"123", "the"}, {"猫", ""}, {"", "cat"}}, options).empty());
}

TEST_CASE("the segmentation lexicon decides the Chinese units", "[train][model]") {
  std::vector<SentencePair> pairs;
  for (const char* animal : {"cat", "dog", "bird"}) {
    pairs.push_back({"我的小猫。", std::string("My kitten and the ") + animal + "."});
    pairs.push_back({"小猫睡觉。", "The kitten sleeps."});
    pairs.push_back({"狗跑。", "The dog runs."});
    pairs.push_back({"鸟飞。", "The bird flies."});
  }
  const fs::path dir = scratch_dir("segmentation");
  write_file(dir / "seg.tsv", "小猫\tkitten\n睡觉\tsleep\n");
  TrainOptions options;
  options.segmentation = anchoralign::Lexicon::load({(dir / "seg.tsv").string()});
  const std::vector<LexiconEntry> words = anchoralign::train_lexicon(pairs, options);
  REQUIRE_FALSE(learned(words, "小猫").empty());
  CHECK(learned(words, "小猫")[0].first == "kitten");
  CHECK(learned(words, "小").empty());
  // Without a lexicon, single characters.
  const std::vector<LexiconEntry> characters = anchoralign::train_lexicon(pairs, TrainOptions{});
  CHECK(learned(characters, "小猫").empty());
  REQUIRE_FALSE(learned(characters, "猫").empty());
  CHECK(learned(characters, "猫")[0].first == "kitten");
}

TEST_CASE("the association test passes what beats chance", "[train][model]") {
  using anchoralign::detail::log_likelihood_ratio;
  // Both words in 6 of 12 pairs, always together: G2 = 2 (6 ln 2 + 6 ln 2) = 24 ln 2.
  CHECK(log_likelihood_ratio(6, 6, 6, 12) == Approx(24 * std::log(2.0)));
  // Independent words: observed = expected in every cell.
  CHECK(log_likelihood_ratio(3, 6, 6, 12) == Approx(0).margin(1e-12));
  CHECK(log_likelihood_ratio(0, 0, 0, 12) == 0);
  // A word in every pair (的, 。-like) carries no information about any lemma.
  std::vector<SentencePair> pairs = toy_corpus();
  for (SentencePair& pair : pairs) pair.chinese = "的" + pair.chinese;
  TrainOptions options;
  const std::vector<LexiconEntry> entries = anchoralign::train_lexicon(pairs, options);
  CHECK(learned(entries, "的").empty());
  CHECK(learned(entries, "猫").size() == 1);
  options.min_association = 0;
  options.min_weight = 0.01;
  options.max_translations = 100;
  CHECK(learned(anchoralign::train_lexicon(pairs, options), "的").size() > 1);
}

TEST_CASE("every TrainOptions rule is checked", "[train][options]") {
  const auto with = [](auto change) {
    TrainOptions options;
    change(options);
    return options;
  };
  CHECK_NOTHROW(anchoralign::validate(TrainOptions{}));
  CHECK_THROWS_AS(anchoralign::validate(with([](TrainOptions& o) { o.iterations = 0; })),
                  OptionError);
  CHECK_THROWS_AS(anchoralign::validate(with([](TrainOptions& o) { o.iterations = 101; })),
                  OptionError);
  CHECK_THROWS_AS(anchoralign::validate(with([](TrainOptions& o) { o.min_cooccurrence = 0; })),
                  OptionError);
  CHECK_THROWS_AS(anchoralign::validate(with([](TrainOptions& o) { o.min_association = -1; })),
                  OptionError);
  CHECK_THROWS_AS(anchoralign::validate(with([](TrainOptions& o) { o.min_weight = 0; })),
                  OptionError);
  CHECK_THROWS_AS(anchoralign::validate(with([](TrainOptions& o) { o.min_weight = 1.5; })),
                  OptionError);
  CHECK_THROWS_AS(anchoralign::validate(with([](TrainOptions& o) { o.max_translations = 0; })),
                  OptionError);
  CHECK_THROWS_AS(anchoralign::train_lexicon({}, with([](TrainOptions& o) { o.iterations = -1; })),
                  OptionError);
}

TEST_CASE("a written lexicon loads back with its weights", "[train][write]") {
  const std::vector<LexiconEntry> entries = {
      {"猫", "cat", 0.8765}, {"猫", "kitten", 0.25}, {"鱼", "fish", 1.0}, {"鸟", "bird", 0.00001}};
  std::ostringstream out;
  anchoralign::write_lexicon(out, entries, "made by a test\nsecond line");
  CHECK(out.str() ==
        "# made by a test\n# second line\n猫\tcat\t0.8765\n猫\tkitten\t0.2500\n鱼\tfish\t1.0000\n"
        "鸟\tbird\t0.0001\n");
  const fs::path dir = scratch_dir("write");
  write_file(dir / "lexicon.tsv", out.str());
  anchoralign::detail::Lexicon lexicon;
  lexicon.load((dir / "lexicon.tsv").string());
  CHECK(lexicon.entry_count() == 3);
  const auto cat = lexicon.translations("猫");
  REQUIRE(cat.size() == 2);
  CHECK(lexicon.lemma(cat[0].lemma) == "cat");
  CHECK(cat[0].weight == Approx(0.8765));
}

#ifdef ANCHORALIGN_CLI
namespace {

struct Run {
  int status = -1;
  std::string output;  // stdout and stderr together
};

Run run_cli(const std::string& arguments) {
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

}  // namespace

TEST_CASE("lexicon train writes a lexicon that Lexicon::load reads", "[train][cli]") {
  const fs::path dir = scratch_dir("cli");
  // The toy corpus split over the three input kinds.
  const std::vector<SentencePair> pairs = toy_corpus();
  std::string units, tsv, zh, en;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (i % 3 == 0) units += tu("zh-CN", pairs[i].chinese, "en-US", pairs[i].english);
    if (i % 3 == 1) tsv += pairs[i].english + "\t" + pairs[i].chinese + "\n";
    if (i % 3 == 2) zh += pairs[i].chinese + "\n", en += pairs[i].english + "\n";
  }
  write_file(dir / "a.tmx", tmx(units));
  write_file(dir / "b.tsv", tsv);
  write_file(dir / "zh.txt", zh);
  write_file(dir / "en.txt", en);
  const std::string out = (dir / "out.tsv").string();
  const Run done =
      run_cli("lexicon train --no-lexicon --tmx " + (dir / "a.tmx").string() + " --tsv " +
              (dir / "b.tsv").string() + " --parallel " + (dir / "zh.txt").string() + " " +
              (dir / "en.txt").string() + " -o " + out);
  INFO(done.output);
  REQUIRE(done.status == 0);
  CHECK_THAT(done.output, Catch::Matchers::Contains("27 sentence pairs from 3 files"));
  const anchoralign::Lexicon lexicon = anchoralign::Lexicon::load({out});
  REQUIRE(lexicon.entries() >= 9);
  const anchoralign::detail::Lexicon& impl = *lexicon.impl();
  for (const auto& [chinese, english] : Pairs{{"猫", "cat"}, {"吃", "eats"}, {"球", "ball"}}) {
    const auto translations = impl.translations(chinese);
    REQUIRE_FALSE(translations.empty());
    CHECK(impl.lemma(translations[0].lemma) == lemma(english));
  }
  std::ifstream in(out);
  std::string first;
  std::getline(in, first);
  CHECK_THAT(first, Catch::Matchers::StartsWith("# Made by anchoralign"));
}

TEST_CASE("lexicon train refuses bad input with status 2", "[train][cli]") {
  const fs::path dir = scratch_dir("cli_errors");
  write_file(dir / "zh.txt", "猫\n狗\n鸟\n");
  write_file(dir / "en.txt", "cat\ndog\n");
  const std::string out = (dir / "out.tsv").string();
  const Run mismatch = run_cli("lexicon train --parallel " + (dir / "zh.txt").string() + " " +
                               (dir / "en.txt").string() + " -o " + out);
  CHECK(mismatch.status == 2);
  CHECK_THAT(mismatch.output, Catch::Matchers::Contains("zh.txt:3: no counterpart"));
  CHECK_FALSE(fs::exists(out));
  const Run one_file =
      run_cli("lexicon train --parallel " + (dir / "zh.txt").string() + " -o " + out);
  CHECK(one_file.status == 2);
  CHECK_THAT(one_file.output, Catch::Matchers::Contains("--parallel needs two files"));
  CHECK(run_cli("lexicon train -o " + out).status == 2);
  CHECK(run_cli("lexicon frobnicate").status == 2);
  write_file(dir / "bad.tmx", tmx(tu("zh", "猫", "en", "a&nbsp;cat")));
  const Run bad_tmx = run_cli("lexicon train --tmx " + (dir / "bad.tmx").string() + " -o " + out);
  CHECK(bad_tmx.status == 2);
  CHECK_THAT(bad_tmx.output, Catch::Matchers::Contains("bad.tmx:5: bad entity"));
}
#endif  // ANCHORALIGN_CLI
