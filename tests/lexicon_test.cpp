// Tests of lib/lexicon: English lemmas, CC-CEDICT gloss clean-up, loading the three lexicon
// formats, lookups and Chinese segmentation (the binary cache: lexicon_cache_test.cpp).
#include "lexicon/lexicon.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "anchoralign/error.h"
#include "lexicon/lexicon_formats.h"
#include "text/normalize.h"

using anchoralign::Lang;
using anchoralign::detail::clean_cedict_gloss;
using anchoralign::detail::english_lemmas;
using anchoralign::detail::Lexicon;
using anchoralign::detail::normalize_for_matching;
using anchoralign::detail::segment_chinese;
using Strings = std::vector<std::string>;

namespace {

// A file in the system's temporary folder, removed when the test ends.
struct TempFile {
  std::filesystem::path path;
  TempFile(const std::string& name, const std::string& bytes)
      : path(std::filesystem::temp_directory_path() / name) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

Lexicon load(const std::string& name, const std::string& bytes) {
  const TempFile file(name, bytes);
  Lexicon lexicon;
  lexicon.load(file.path.string());
  return lexicon;
}

// The English lemmas of a headword, sorted, with their weights as "lemma:weight".
Strings readings(const Lexicon& lexicon, std::string_view chinese) {
  Strings result;
  for (const auto& translation : lexicon.translations(chinese)) {
    std::ostringstream out;
    out << lexicon.lemma(translation.lemma) << ':' << translation.weight;
    result.push_back(out.str());
  }
  std::sort(result.begin(), result.end());
  return result;
}

// Whether `english` (one word, reduced to its lemma) is among the translations of `chinese`.
bool translates(const Lexicon& lexicon, std::string_view chinese, std::string_view english) {
  const Strings lemmas = english_lemmas(english);
  if (lemmas.size() != 1) return false;
  const std::int32_t id = lexicon.lemma_id(lemmas[0]);
  for (const auto& translation : lexicon.translations(normalize_for_matching(chinese, Lang::kZh))) {
    if (translation.lemma == id) return true;
  }
  return false;
}

std::string load_error(const std::string& name, const std::string& bytes) {
  try {
    load(name, bytes);
  } catch (const anchoralign::InputError& error) {
    return error.what();
  }
  return "(no error)";
}

Strings words(std::string_view text, const Lexicon& lexicon) {
  Strings result;
  for (std::string_view word : segment_chinese(text, lexicon)) result.emplace_back(word);
  return result;
}

Lexicon university_lexicon() {
  Lexicon lexicon;
  for (const char* word : {"北京", "北京大学", "大学", "学习", "我们"}) lexicon.add(word, "word");
  return lexicon;
}

}  // namespace

TEST_CASE("english_lemmas reduces inflections and drops function words", "[lexicon]") {
  struct Case {
    std::string text;
    Strings lemmas;
  };
  const Case cases[] = {
      // Plurals and possessives.
      {"bridges", {"bridge"}},
      {"bridge's", {"bridge"}},
      {"bridges'", {"bridge"}},
      {"Bridge", {"bridge"}},
      {"cities", {"city"}},
      {"ties", {"tie"}},
      {"boxes", {"box"}},
      {"watches", {"watch"}},
      {"classes", {"class"}},
      {"heroes", {"hero"}},
      {"shoes", {"shoe"}},
      {"houses", {"house"}},
      {"bus", {"bus"}},
      {"analysis", {"analysis"}},
      {"news", {"news"}},
      {"species", {"species"}},
      {"fishermen", {"fisherman"}},
      {"policemen", {"policeman"}},
      {"specimen", {"specimen"}},
      {"children's toys", {"child", "toy"}},
      // -ing and -ed, with undoubling and the e restored.
      {"running", {"run"}},
      {"stopped", {"stop"}},
      {"hoped hoping hopes", {"hope", "hope", "hope"}},
      {"hopped", {"hop"}},
      {"making", {"make"}},
      {"caused", {"cause"}},
      {"believed", {"believe"}},
      {"decided", {"decide"}},
      {"managed", {"manage"}},
      {"whistled", {"whistle"}},
      {"prepared", {"prepare"}},
      {"stated", {"state"}},
      {"treated", {"treat"}},
      {"agreed", {"agree"}},
      {"need needed", {"need", "need"}},
      {"carried", {"carry"}},
      {"died", {"die"}},
      {"studying", {"study"}},
      {"controlled", {"control"}},
      {"called", {"call"}},
      {"added", {"add"}},
      {"opened", {"open"}},
      {"visited", {"visit"}},
      {"looked", {"look"}},
      {"sing things", {"sing", "thing"}},
      {"red bed", {"red", "bed"}},
      {"morning", {"morning"}},
      // Irregular forms.
      {"went", {"go"}},
      {"said", {"say"}},
      {"men", {"man"}},
      {"children", {"child"}},
      {"took", {"take"}},
      {"made", {"make"}},
      {"thought", {"think"}},
      {"left", {"leave"}},
      {"changed", {"change"}},
      {"tying", {"tie"}},  // the ends of the exception table's sections
      {"headaches", {"headache"}},
      {"wolves", {"wolf"}},
      {"breathing", {"breathe"}},
      // Stopwords, contractions, case, hyphens, apostrophes, digits, other scripts.
      {"The bridge is long.", {"bridge", "long"}},
      {"I was not there, and it wasn't him", {}},
      {"don't go", {"go"}},
      {"It’s Chen’s", {"chen"}},
      {"o'clock", {"o'clock"}},
      {"'quoted'", {"quote"}},
      {"well-known", {"well", "know"}},
      {"signal-to-noise", {"signal", "noise"}},
      {"Mr. Chen", {"mr", "chen"}},
      {"GPT-4", {"gpt"}},
      {"3.5 million", {"million"}},
      {"café naïve", {"café", "naïve"}},
      {"a I x", {}},
      {"others", {}},
      {"to do sth for sb", {}},
      {"中文 слово", {}},
      {"", {}},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(english_lemmas(c.text) == c.lemmas);
  }
}

TEST_CASE("english_lemmas gives every lemma back unchanged", "[lexicon]") {
  // Lemmas are stored and read back as text, so each must be its own lemma; the irregular
  // table's values are listed here because the rules never produce them otherwise.
  const char* const words[] = {
      "go", "say", "take", "come", "see", "know", "think", "tell", "leave", "feel", "find", "get",
      "give", "run", "make", "begin", "bring", "buy", "catch", "choose", "draw", "drink", "drive",
      "eat", "fall", "fly", "forget", "forgive", "grow", "hear", "hold", "keep", "lay", "lead",
      "lose", "mean", "meet", "pay", "ride", "rise", "arise", "sit", "sell", "send", "shoot",
      "sleep", "speak", "spend", "stand", "steal", "strike", "swim", "teach", "throw", "understand",
      "wake", "awake", "wear", "win", "write", "break", "build", "fight", "hide", "sing", "ring",
      "hang", "feed", "flee", "bleed", "breed", "bend", "lend", "light", "shake", "tear", "seek",
      "sink", "stick", "swing", "dig", "deal", "kneel", "weep", "sweep", "creep", "freeze", "shine",
      "spin", "slide", "cling", "fling", "spring", "become", "overcome", "welcome", "die", "lie",
      "tie", "man", "woman", "seaman", "child", "foot", "tooth", "goose", "mouse", "ox", "wife",
      "knife", "wolf", "half", "shelf", "thief", "calf", "loaf", "elf", "scarf", "hoof", "self",
      "movie", "cookie", "calorie", "ache", "headache", "morning", "evening", "ceiling", "news",
      "series", "species", "hundred", "focus", "bias", "create", "complete", "require", "acquire",
      "escape", "ignore", "explore", "restore", "invite", "excite", "unite", "promote", "quote",
      "taste", "waste", "murmur", "change", "arrange", "exchange", "challenge", "plunge", "range",
      "avenge", "breathe",
      // Lemmas the rules produce.
      "bridge", "city", "fisherman", "cause", "believe", "decide", "manage", "whistle", "prepare",
      "state", "agree", "carry", "study", "control", "call", "add", "house", "bus", "hope", "hop",
      "procee", "emb", "o'clock", "café"};
  for (const char* word : words) {
    INFO(word);
    CHECK(english_lemmas(word) == Strings{word});
  }
}

TEST_CASE("clean_cedict_gloss keeps what translates", "[lexicon]") {
  struct Case {
    std::string gloss;
    Strings parts;
  };
  const Case cases[] = {
      {"bridge", {"bridge"}},
      {"to handle; to deal with", {"to handle", "to deal with"}},
      {"(Tw) peanut (CL:顆|颗[ke1])", {"peanut"}},
      {"surname Li", {}},
      {"used in 茯苓[fu2 ling2]", {}},
      {"CL:條|条[tiao2], 套[tao4]", {}},
      {"Taiwan pr. [kou4]", {}},
      {"also pr. [xuan4]", {}},
      {"classifier for books", {}},
      {"variant of 汞[gong3]", {}},
      {"old variant of 明[ming2]", {}},
      {"erhua variant of 一點|一点[yi1 dian3], a bit", {"a bit"}},
      {"to draw (a line) (variant of 劃|划[hua4])", {"to draw"}},
      {"see 白蘿蔔|白萝卜[bai2 luo2 bo5]", {}},
      {"see also 伊瑪目|伊玛目[yi1 ma3 mu4]", {}},
      {"abbr. for 北京[Bei3 jing1]", {}},
      {"abbr. for Vietnam 越南", {"Vietnam"}},
      {"abbr. for 禮記|礼记[Li3 ji4], Classic of Rites", {"Classic of Rites"}},
      {"lit. to hold a bowl of water level (idiom)", {"to hold a bowl of water level"}},
      {"fig. to forget", {"to forget"}},
      {"seems right", {"seems right"}},
      {"(a (nested) remark) tall", {"tall"}},
      {"unclosed (remark", {"unclosed"}},
      {"", {}},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.gloss);
    CHECK(clean_cedict_gloss(c.gloss) == c.parts);
  }
}

TEST_CASE("Lexicon loads CC-CEDICT text with both columns", "[lexicon]") {
  const Lexicon lexicon = load("lexicon_test.u8",
                               "# CC-CEDICT\n"
                               "#! version=1\n"
                               "中國 中国 [Zhong1 guo2] /China/Middle Kingdom/\n"
                               "橋 桥 [qiao2] /bridge/CL:座[zuo4]/\n"
                               "李 李 [Li3] /surname Li/\n"
                               "李 李 [li3] /plum/\n"
                               "噁心 恶心 [e3 xin1] /nausea/to feel sick/\n"
                               "說 说 [shuo1] /to speak/to say/\n");
  CHECK(readings(lexicon, "中国") == Strings{"china:1", "kingdom:1", "middle:1"});
  CHECK(readings(lexicon, "桥") == Strings{"bridge:1"});
  CHECK(readings(lexicon, "李") == Strings{"plum:1"});
  CHECK(readings(lexicon, "说") == Strings{"say:1", "speak:1"});
  // ICU keeps 噁心 as it is, so the Traditional column is a headword of its own.
  CHECK(readings(lexicon, normalize_for_matching("噁心", Lang::kZh)) ==
        Strings{"feel:1", "nausea:1", "sick:1"});
  CHECK(readings(lexicon, "恶心") == Strings{"feel:1", "nausea:1", "sick:1"});
  CHECK(lexicon.translations("中國").empty());  // lookups take normalised text
  CHECK(lexicon.translations("日本").empty());
  CHECK(lexicon.entry_count() == 6);
}

TEST_CASE("Lexicon loads hunalign dictionaries in either order", "[lexicon]") {
  const Lexicon lexicon = load("lexicon_test.dic",
                               "bridge @ 桥\n"
                               "great bridge @ 大桥\n"
                               "中国 @ China\n"
                               "\n");
  CHECK(readings(lexicon, "桥") == Strings{"bridge:1"});
  CHECK(readings(lexicon, "大桥") == Strings{"bridge:1", "great:1"});
  CHECK(readings(lexicon, "中国") == Strings{"china:1"});
}

TEST_CASE("Lexicon loads TSV with and without weights", "[lexicon]") {
  const Lexicon lexicon = load("lexicon_test.tsv",
                               "\xEF\xBB\xBF# a comment\r\n"
                               "桥\tbridge\r\n"
                               "\r\n"
                               "港\tharbour\t0.5\n"
                               "港\tharbours\t0.25\n"  // same lemma: the larger weight stays
                               "港\tport\t0.25\n"
                               "圖書館\tlibrary\t1\n"  // Traditional headword
                               "  长江 \t the Yangtze River \t 0.75 \n"
                               "的\tof\n");  // no content lemma: a headword without translations
  CHECK(readings(lexicon, "桥") == Strings{"bridge:1"});
  CHECK(readings(lexicon, "港") == Strings{"harbour:0.5", "port:0.25"});
  CHECK(readings(lexicon, "图书馆") == Strings{"library:1"});
  CHECK(readings(lexicon, "长江") == Strings{"river:0.75", "yangtze:0.75"});
  CHECK(lexicon.translations("的").empty());
  CHECK(lexicon.longest_match("的", 0) == 3);
  CHECK(lexicon.entry_count() == 5);
  CHECK(lexicon.lemma_id("bridge") >= 0);
  CHECK(lexicon.lemma_id("bridges") == -1);
}

TEST_CASE("Lexicon::load names the file and line of a bad entry", "[lexicon]") {
  struct Case {
    std::string bytes, message;
  };
  const Case cases[] = {
      {"桥\tbridge\n港\tport\tabc\n", "lexicon_bad.txt:2: weight 'abc' is not a number"},
      {"桥\tbridge\t0\n", "lexicon_bad.txt:1: weight 0 is not in (0, 1]"},
      {"桥\tbridge\t1.5\n", "lexicon_bad.txt:1: weight 1.5 is not in (0, 1]"},
      {"桥\tbridge\t-1\n", "lexicon_bad.txt:1: weight -1 is not in (0, 1]"},
      {"桥\tbridge\tnan\n", "lexicon_bad.txt:1: weight nan is not in (0, 1]"},
      {"桥\tbridge\t1\tx\n", "lexicon_bad.txt:1: more than three tab-separated fields"},
      {"# c\n\n桥\tbridge\n港 port\n", "lexicon_bad.txt:4: expected 中文<TAB>english"},
      {"\tbridge\n", "lexicon_bad.txt:1: empty Chinese word"},
      {"桥\t \n", "lexicon_bad.txt:1: empty English gloss"},
      {"橋 桥 [qiao2] /bridge/\n橋 桥 qiao2 /bridge/\n", "lexicon_bad.txt:2: expected a CC-CEDICT"},
      {"bridge @ 桥\nport 港\n", "lexicon_bad.txt:2: expected a hunalign dictionary line"},
      {"bridge @ 桥\n @ 桥\n", "lexicon_bad.txt:2: an empty side"},
      {"\n# only comments\njust words\n", "lexicon_bad.txt:3: unknown lexicon format"},
      {"桥\tbridge\n\xE6\xA1\tport\n", "lexicon_bad.txt:2: not UTF-8"},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.bytes);
    CHECK_THAT(load_error("lexicon_bad.txt", c.bytes), Catch::Contains(c.message));
  }
  Lexicon lexicon;
  CHECK_THROWS_WITH(lexicon.load("/nonexistent/lexicon.tsv"),
                    Catch::StartsWith("/nonexistent/lexicon.tsv: cannot open the lexicon"));
  CHECK_THROWS_AS(lexicon.add("桥", "bridge", 0), anchoralign::InputError);
  CHECK_THROWS_AS(lexicon.add("桥", "bridge", 2), anchoralign::InputError);
  CHECK(load_error("lexicon_empty.txt", "") == "(no error)");
  CHECK(load_error("lexicon_blank.txt", "\n\n# nothing\n") == "(no error)");
}

TEST_CASE("Lexicon::add normalises headwords and glosses", "[lexicon]") {
  Lexicon lexicon;
  lexicon.add("圖書館", "LIBRARIES");
  lexicon.add("ＡＢ制", "going Dutch");  // full-width letters fold
  lexicon.add("这个", "this");           // no content lemma: kept for segmentation only
  CHECK(readings(lexicon, "图书馆") == Strings{"library:1"});
  CHECK(readings(lexicon, "ab制") == Strings{"dutch:1", "go:1"});
  CHECK(lexicon.translations("这个").empty());
  CHECK(lexicon.entry_count() == 3);
  CHECK(lexicon.lemma(lexicon.lemma_id("library")) == "library");
}

TEST_CASE("longest_match finds the longest headword at a position", "[lexicon]") {
  const Lexicon lexicon = university_lexicon();
  const std::string text = "我们在北京大学学习";
  struct Case {
    std::size_t pos, length;
  };
  const Case cases[] = {
      {0, 6},   // 我们
      {6, 0},   // 在: no headword
      {9, 12},  // 北京大学, not 北京
      {15, 6},  // 大学
      {18, 0},  // 学学 is no word, 学 alone neither
      {21, 6},  // 学习 at the end
      {24, 0},  // past the end
      {1, 0},   // inside a character
      {100, 0},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.pos);
    CHECK(lexicon.longest_match(text, c.pos) == c.length);
  }
  CHECK(lexicon.longest_match("北京大", 0) == 6);  // the text ends inside 北京大学
  CHECK(Lexicon().longest_match(text, 0) == 0);
  // Former bugs: stepping back to a character boundary ran past `pos` (and the start of the
  // text) in a run of stray continuation bytes, given a headword made of U+FFFD.
  Lexicon broken;
  broken.add("\x80\x80\x80", "junk");  // normalises to U+FFFD U+FFFD U+FFFD
  CHECK(broken.entry_count() == 1);
  CHECK(broken.longest_match(std::string(20, '\x80'), 5) == 0);
  CHECK(broken.longest_match("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 0) == 9);
}

TEST_CASE("longest_match agrees with brute force on random words", "[lexicon]") {
  // Characters that normalisation leaves alone, so headwords are stored as written.
  const char* const alphabet[] = {"北", "京", "大", "学", "我", "们", "a", "。"};
  std::mt19937 random(12345);
  const auto random_text = [&](std::size_t max_chars) {
    std::string text;
    for (std::size_t n = random() % (max_chars + 1); n > 0; --n) text += alphabet[random() % 8];
    return text;
  };
  Lexicon lexicon;
  std::set<std::string> headwords;
  for (int i = 0; i < 500; ++i) {
    const std::string word = random_text(6);
    if (word.empty()) continue;
    lexicon.add(word, "word");
    headwords.insert(word);
  }
  int mismatches = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::string text = random_text(12);
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
      std::size_t expected = 0;
      const bool boundary = (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
      for (std::size_t end = pos + 1; boundary && end <= text.size(); ++end) {
        if (headwords.contains(text.substr(pos, end - pos))) expected = end - pos;
      }
      if (lexicon.longest_match(text, pos) != expected) ++mismatches;
    }
  }
  CHECK(lexicon.entry_count() == headwords.size());
  CHECK(mismatches == 0);
}

TEST_CASE("segment_chinese splits Han runs by longest match", "[lexicon]") {
  Lexicon lexicon = university_lexicon();
  lexicon.add("学a", "word");  // a headword with a Latin letter never matches across a run's end
  struct Case {
    std::string text;
    Strings words;
  };
  const Case cases[] = {
      {"我们在北京大学学习", {"我们", "在", "北京大学", "学习"}},
      {"我们在北京，大学学习。", {"我们", "在", "北京", "大学", "学习"}},
      {"我们用gpt-4学习2小时", {"我们", "用", "学习", "小", "时"}},
      {"学a", {"学"}},
      {"北京大", {"北京", "大"}},
      {"abc 123", {}},
      {"", {}},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(words(c.text, lexicon) == c.words);
  }
  CHECK(words("我们学习", Lexicon()) == Strings{"我", "们", "学", "习"});
  CHECK(words("\xE6\xA1\xE6\x88\x91", lexicon) == Strings{"我"});  // a broken byte is skipped
}

TEST_CASE("A Lexicon can be read from several threads at once", "[lexicon]") {
  const Lexicon lexicon = university_lexicon();
  const std::string text = "我们在北京大学学习，北京的大学。";
  const Strings expected = words(text, lexicon);
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2000; ++round) {
        if (words(text, lexicon) != expected) ++failures[t];
        if (lexicon.translations("北京大学").size() != 1) ++failures[t];
        if (lexicon.lemma_id("word") != 0) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(failures == std::vector<int>(4, 0));
}

TEST_CASE("The converted CC-CEDICT translates common words", "[lexicon]") {
  const std::string path = ANCHORALIGN_SOURCE_DIR "/data/cedict.tsv";
  if (!std::filesystem::exists(path)) {
    WARN(path << " is missing; run scripts/fetch-lexicon.sh to test the real lexicon");
    return;
  }
  Lexicon lexicon;
  const auto start = std::chrono::steady_clock::now();
  lexicon.load(path);
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  INFO("loaded " << lexicon.entry_count() << " headwords in " << seconds.count() << " s");
  CHECK(lexicon.entry_count() > 100000);
  CHECK(translates(lexicon, "中国", "China"));
  CHECK(translates(lexicon, "桥", "bridges"));
  CHECK(translates(lexicon, "市长", "mayor"));
  CHECK(translates(lexicon, "渔民", "fishermen"));
  CHECK(translates(lexicon, "说", "said"));
  CHECK(translates(lexicon, "說", "says"));  // Traditional text
  CHECK_FALSE(translates(lexicon, "桥", "mayor"));
  CHECK(words("陈市长说这座桥把我们城市的两半连在了一起", lexicon) ==
        Strings{"陈", "市长", "说", "这", "座", "桥", "把", "我们", "城市", "的", "两", "半", "连",
                "在", "了", "一起"});
  CHECK(words("这个人", lexicon) == Strings{"这个", "人"});  // 这个 has no content lemma

  // Every headword is stored under its normalised form, the shortcut for Simplified
  // headwords included.
  std::ifstream in(path);
  std::string line;
  std::size_t missing = 0;
  while (std::getline(in, line)) {
    const std::size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
    if (english_lemmas(line.substr(tab + 1)).empty()) continue;
    const std::string key = normalize_for_matching(line.substr(0, tab), Lang::kZh);
    if (lexicon.translations(key).empty()) ++missing;
  }
  CHECK(missing == 0);
}
