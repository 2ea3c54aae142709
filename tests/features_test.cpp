// Tests of lib/features: number parsing in both languages and anchor extraction.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "features/anchors.h"
#include "features/numbers.h"
#include "features/quotes.h"

namespace {

using anchoralign::Lang;
using anchoralign::Sentence;
using anchoralign::SplitText;
using anchoralign::detail::inside_quotation;
using anchoralign::detail::Anchor;
using anchoralign::detail::AnchorKind;
using anchoralign::detail::extract_anchors;
using anchoralign::detail::find_numbers_en;
using anchoralign::detail::find_numbers_zh;
using anchoralign::detail::NumberMention;
using anchoralign::detail::parse_chinese_numeral;

// "n21" a number in digits, "n21~" spelled out, "m11" a month, "p21" a percentage.
std::string describe(const NumberMention& m) {
  std::ostringstream out;
  out << (m.percent ? 'p'
          : m.month ? 'm'
                    : 'n')
      << std::setprecision(12) << m.value << (m.spelled ? "~" : "");
  return out.str();
}

std::vector<std::string> describe_all(const std::vector<NumberMention>& mentions) {
  std::vector<std::string> out;
  for (const NumberMention& m : mentions) out.push_back(describe(m));
  return out;
}

std::vector<std::string> keys(const std::vector<Anchor>& anchors) {
  std::vector<std::string> out;
  for (const Anchor& a : anchors) out.push_back(a.key);
  return out;
}

// The keys other than w: of a sentence, sorted: what two translations must share.
std::vector<std::string> value_keys(const std::string& text, Lang lang) {
  std::vector<std::string> out;
  for (const Anchor& a : extract_anchors(text, lang)) {
    if (a.kind != AnchorKind::kLatin) out.push_back(a.key);
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct NumberCase {
  const char* text;
  std::vector<std::string> expected;
};

}  // namespace

TEST_CASE("parse_chinese_numeral reads well-formed runs", "[features]") {
  const std::vector<std::pair<const char*, double>> cases = {
      {"九", 9},
      {"十", 10},
      {"十五", 15},
      {"二十一", 21},
      {"一百零五", 105},
      {"一百二十三", 123},
      {"一千零五", 1005},
      {"一千零十", 1010},
      {"三千五百", 3500},
      {"三千五", 3500},  // colloquial: the last digit takes the next lower unit
      {"一百五", 150},
      {"两百", 200},
      {"两万", 20000},
      {"两万五", 25000},
      {"十万", 100000},
      {"二十万", 200000},
      {"三亿", 3e8},
      {"三亿五千万", 3.5e8},
      {"一亿零五万", 100050000},
      {"一万亿", 1e12},
      {"二〇二二", 2022},
      {"一九四九", 1949},
      {"二零零八", 2008},
      {"七八", 78},  // structurally a digit string; find_numbers_zh reads it as a range
      {"伍拾", 50},
      {"壹佰贰拾", 120},
      {"三萬", 30000},
      // Former bugs: none yet.
  };
  for (const auto& [text, value] : cases) {
    INFO(text);
    const auto parsed = parse_chinese_numeral(text);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == Approx(value));
  }
}

TEST_CASE("parse_chinese_numeral rejects malformed runs", "[features]") {
  const std::vector<const char*> cases = {
      "",                                                // nothing
      "十七八", "一二十",                                // approximate ranges: 17-18, 10-20
      "百",     "千万",   "万一",                        // a unit without a digit before it
      "万万",   "十十",   "亿亿", "三万万", "五百三千",  // repeated or rising units
      "一百零", "零五",                                  // a trailing or leading zero
      "两两",   "一百两", "两十",           // 两 is no written digit and never stands before 十
      "abc",    "二a",    "３",   "一 二",  // not numerals only

      // Former bugs: none yet.
  };
  for (const char* text : cases) {
    INFO(text);
    CHECK_FALSE(parse_chinese_numeral(text).has_value());
  }
}

TEST_CASE("find_numbers_zh finds numbers and leaves words alone", "[features]") {
  const std::vector<NumberCase> cases = {
      {"我过二十一岁生日", {"n21~"}},
      {"21岁", {"n21"}},
      {"１２３个", {"n123"}},
      {"1,000人和3.5米", {"n1000", "n3.5"}},
      {"1,2,3", {"n1", "n2", "n3"}},
      {"3亿人", {"n300000000"}},
      {"三亿人", {"n300000000~"}},
      {"1.5万元", {"n15000"}},
      {"300万", {"n3000000"}},
      {"2.5亿", {"n250000000"}},
      {"300多万人", {"n3000000"}},
      {"十多万人", {"n100000~"}},
      {"3千克", {"n3"}},  // kilograms, not thousands
      {"2022年11月30日", {"n2022", "m11", "n30"}},
      {"二〇二二年十一月三十日", {"n2022~", "m11~", "n30~"}},
      {"一九四九年", {"n1949~"}},
      {"2022-11-30", {"n2022", "m11", "n30"}},
      {"百分之二十一", {"p21~"}},
      {"百分之21", {"p21"}},
      {"21%", {"p21"}},
      {"21％", {"p21"}},
      {"百分之百", {"p100~"}},
      {"百分之三点五", {"p3.5~"}},
      {"三点五亿", {"n350000000~"}},
      {"三点五十分", {"n3~", "n50~"}},  // a clock time, not 3.5
      {"第一次", {"n1~"}},
      {"一月", {"m1~"}},
      {"九月", {"m9~"}},
      {"两个人", {"n2~"}},
      {"两百", {"n200~"}},
      {"三十两银子", {"n30~"}},
      {"三两银子", {"n3~"}},
      {"十分钟", {"n10~"}},
      {"二十分", {"n20~"}},
      {"十一点", {"n11~"}},
      {"伍拾元", {"n50~"}},
      {"一样一些一直一切一定一起统一唯一万一", {}},
      {"一个人", {}},
      {"两人", {}},
      {"十分好", {}},
      {"七八个", {}},
      {"十七八岁", {}},
      {"几十个", {}},
      {"十几个", {}},
      {"数百人", {}},
      {"三分之一", {}},
      {"乱七八糟", {}},
      {"七上八下", {}},
      {"一来二去", {}},
      {"三三两两", {}},
      {"千万别去", {}},
      {"王二来了", {}},
      {"罗小四说", {}},
      {"二奶奶笑了", {}},
      {"陆陆续续的队伍", {}},
      {"1.2.3节", {}},
      {"gpt-4和covid-19", {}},
      // Former bugs
      {"二十一 三个", {"n21~", "n3~"}},  // the idiom rule paired numerals across a space
      {"三月五日", {"m3~", "n5~"}},      // ... and across time words
      {"一天三次", {"n3~"}},
      {"唯一万一", {}},  // a run starting inside a stop word
  };
  for (const NumberCase& c : cases) {
    INFO(c.text);
    CHECK(describe_all(find_numbers_zh(c.text)) == c.expected);
  }
}

TEST_CASE("find_numbers_en finds numbers and leaves words alone", "[features]") {
  const std::vector<NumberCase> cases = {
      {"300 million", {"n300000000"}},
      {"1.5 billion", {"n1500000000"}},
      {"2 thousand", {"n2000"}},
      {"3.5", {"n3.5"}},
      {"1,000 and 1,000,000", {"n1000", "n1000000"}},
      {"3-4 days", {"n3", "n4"}},
      {"twenty-one", {"n21~"}},
      {"twenty one", {"n21~"}},
      {"THREE Hundred", {"n300~"}},
      {"one hundred and five", {"n105~"}},
      {"a hundred times", {"n100~"}},
      {"two thousand five hundred", {"n2500~"}},
      {"nineteen hundred", {"n1900~"}},
      {"ninety-two hours", {"n92~"}},
      {"21st", {"n21"}},
      {"my twenty-first birthday", {"n21~"}},
      {"the third day", {"n3~"}},
      {"the second day", {"n2~"}},
      {"the 1990s", {"n1990"}},
      {"the eighties", {"n80~"}},
      {"in the nineties", {"n90~"}},
      {"in his forties", {"n40~"}},
      {"21%", {"p21"}},
      {"21 percent", {"p21"}},
      {"21 per cent", {"p21"}},
      {"twenty-one percent", {"p21~"}},
      {"one percent", {"p1~"}},
      {"november 30, 2022", {"m11~", "n30", "n2022"}},
      {"in january", {"m1~"}},
      {"may 5, 2020", {"m5~", "n5", "n2020"}},
      {"5 may", {"n5", "m5~"}},
      {"march 3", {"m3~", "n3"}},
      {"jan. 5", {"m1~", "n5"}},
      {"2022-11-30", {"n2022", "m11", "n30"}},
      {"you may go", {}},
      {"in march", {}},
      {"no one came", {}},
      {"one of them", {}},
      {"one's own", {}},
      {"at first", {}},
      {"a second later", {}},
      {"second by second", {}},
      {"a day or two", {}},
      {"eight or nine others", {}},
      {"1.2.3", {}},
      {"gpt-4 and mp3", {}},
      {"someone and everyone", {}},
      // Former bugs: none yet.
  };
  for (const NumberCase& c : cases) {
    INFO(c.text);
    CHECK(describe_all(find_numbers_en(c.text)) == c.expected);
  }
}

TEST_CASE("the same quantity gives the same keys in both languages", "[features]") {
  const std::vector<std::pair<const char*, const char*>> pairs = {
      {"3亿人", "300 million people"},
      {"三亿人", "300 million people"},
      {"二十一岁", "21 years"},
      {"二十一岁", "twenty-one years"},
      {"2022年11月30日", "november 30, 2022"},
      {"二〇二二年十一月三十日", "30 november 2022"},
      {"百分之二十一", "21%"},
      {"百分之二十一", "21 percent"},
      {"百分之21", "twenty-one per cent"},
      {"1.5万", "15,000"},
      {"1.5亿", "150 million"},
      {"一九四九年", "in 1949"},
      {"十一月", "in november"},
      {"八十年代", "the eighties"},
      {"他好吗？", "is he well?"},
      {"“好！”", "\"good!\""},
      // Former bugs: none yet.
  };
  for (const auto& [zh, en] : pairs) {
    INFO(zh << " | " << en);
    CHECK(value_keys(zh, Lang::kZh) == value_keys(en, Lang::kEn));
  }
  CHECK(value_keys("1.5亿", Lang::kZh) != value_keys("1.5 billion", Lang::kEn));
  CHECK(value_keys("3.5", Lang::kEn) == std::vector<std::string>{"n:3.5"});
  CHECK(value_keys("3.5", Lang::kZh) == std::vector<std::string>{"n:3.5"});
  CHECK(value_keys("1,000", Lang::kEn) == value_keys("1000", Lang::kZh));
}

TEST_CASE("extract_anchors keys, weights and order", "[features]") {
  using V = std::vector<std::string>;
  CHECK(keys(extract_anchors("openai的sam在博客上发布了gpt-4", Lang::kZh)) ==
        V{"w:openai", "w:sam", "w:gpt-4"});
  CHECK(keys(extract_anchors("在2022年，openai发布了gpt-4？", Lang::kZh)) ==
        V{"n:2022", "w:openai", "w:gpt-4", "?:?"});
  CHECK(keys(extract_anchors("ＯｐｅｎＡＩ的Ｂ超和u.s.政府", Lang::kZh)) ==
        V{"w:openai", "w:u.s."});
  CHECK(keys(extract_anchors("openai's ceo", Lang::kEn)) == V{"w:openai", "w:ceo"});
  CHECK(keys(extract_anchors("openai’s ceo", Lang::kEn)) == V{"w:openai", "w:ceo"});
  CHECK(keys(extract_anchors("don’t", Lang::kEn)) == keys(extract_anchors("don't", Lang::kEn)));
  CHECK(keys(extract_anchors("twenty-one days", Lang::kEn)) == V{"n:21", "w:days"});
  CHECK(keys(extract_anchors("you may go", Lang::kEn)) == V{"w:you", "w:may", "w:go"});
  CHECK(keys(extract_anchors("a b", Lang::kEn)).empty());  // single letters carry nothing
  CHECK(keys(extract_anchors("他说openai", Lang::kUnknown)) == V{"w:openai"});
  CHECK(keys(extract_anchors("", Lang::kZh)).empty());

  const std::vector<std::pair<const char*, float>> weights = {
      {"n:21", 1.0f}, {"n:2022", 1.0f}, {"n:21", 0.6f}, {"n:3", 0.3f},
      {"m:11", 0.8f}, {"p:21", 1.0f},   {"?:?", 0.5f},  {"!:!", 0.3f},
  };
  const std::vector<Anchor> zh =
      extract_anchors("21 2022 二十一 三个 十一月 百分之二十一？！", Lang::kZh);
  REQUIRE(zh.size() == weights.size());
  for (std::size_t i = 0; i < zh.size(); ++i) {
    INFO(i);
    CHECK(zh[i].key == weights[i].first);
    CHECK(zh[i].weight == Approx(weights[i].second));
  }
}

TEST_CASE("extract_anchors prints values canonically", "[features]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"3亿", "n:300000000"},
      {"1.1万", "n:11000"},
      {"3.50", "n:3.5"},
      {"0.1", "n:0.1"},
      {"2.7255", "n:2.7255"},
      {"007", "n:7"},
      {"一万亿", "n:1000000000000"},
      // Former bugs: none yet.
  };
  for (const auto& [text, key] : cases) {
    INFO(text);
    CHECK(keys(extract_anchors(text, Lang::kZh)) == std::vector<std::string>{key});
  }
}

TEST_CASE("extract_anchors marks questions, exclamations and quotes once", "[features]") {
  const auto count = [](const char* text, Lang lang, const std::string& key) {
    const std::vector<std::string> all = keys(extract_anchors(text, lang));
    return std::count(all.begin(), all.end(), key);
  };
  CHECK(count("你好吗？", Lang::kZh, "?:?") == 1);
  CHECK(count("really?? yes?", Lang::kEn, "?:?") == 1);
  CHECK(count("好！好！", Lang::kZh, "!:!") == 1);
  CHECK(count("他说：“好。”", Lang::kZh, "q:q") == 1);
  CHECK(count("「好」", Lang::kZh, "q:q") == 1);
  CHECK(count("\"yes,\" he said", Lang::kEn, "q:q") == 1);
  CHECK(count("‘hello,’ she said", Lang::kEn, "q:q") == 1);
  CHECK(count("'hello,' she said", Lang::kEn, "q:q") == 1);
  CHECK(count("don't", Lang::kEn, "q:q") == 0);
  CHECK(count("don’t", Lang::kEn, "q:q") == 0);
  CHECK(count("the students’ books", Lang::kEn, "q:q") == 0);
  CHECK(count("no one came", Lang::kEn, "q:q") == 0);
}

TEST_CASE("features survive arbitrary text", "[features]") {
  const std::vector<std::string> pieces = {
      "一", "十",     "百",  "万",      "亿",         "年", "月",     "日", "%",   "3",
      ".",  ",",      "-",   "million", "one",        " ",  "百分之", "两", "零",  "〇",
      "第", "点",     "多",  "a",       "’",          "'",  "?",      "“",  "gpt", "１",
      "ｍ", "twenty", "may", "5",       "9999999999", "几", "分之",   "王", "二",  "s"};
  const std::vector<std::string> prefixes = {"n:", "m:", "p:", "w:", "?:", "!:", "q:"};
  std::mt19937 random(20240601);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(0, 30);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t n = length(random); n > 0; --n) text += pieces[piece(random)];
    INFO(text);
    for (const Lang lang : {Lang::kZh, Lang::kEn, Lang::kUnknown}) {
      std::vector<Anchor> anchors;
      REQUIRE_NOTHROW(anchors = extract_anchors(text, lang));
      for (const Anchor& a : anchors) {
        INFO(a.key);
        const std::string prefix = a.key.substr(0, 2);
        REQUIRE(std::find(prefixes.begin(), prefixes.end(), prefix) != prefixes.end());
        REQUIRE(a.key.size() > 2);
        REQUIRE((a.weight > 0 && a.weight <= 1));
        if (prefix == "n:" || prefix == "m:" || prefix == "p:") {
          char* end = nullptr;
          const double value = std::strtod(a.key.c_str() + 2, &end);
          REQUIRE(*end == '\0');
          REQUIRE(std::isfinite(value));
        }
      }
    }
    for (const auto& mentions : {find_numbers_zh(text), find_numbers_en(text)}) {
      std::size_t previous_end = 0;
      for (const NumberMention& m : mentions) {
        REQUIRE(m.begin >= previous_end);
        REQUIRE(m.begin < m.end);
        REQUIRE(m.end <= text.size());
        previous_end = m.end;
      }
    }
  }
}

TEST_CASE("features survive malformed and huge input", "[features]") {
  const std::vector<std::string> texts = {
      std::string("\xff\xfe一\xe4", 6),
      std::string("3\0"
                  "5",
                  3),
      "\xe4\xb8",
      "百分之",
      "百分之\xe4",
      "1,",
      "1.",
      "-",
      "u.",
      std::string(100000, '9'),
      [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "一二三十百千万亿";
        return s;
      }(),
  };
  for (const std::string& text : texts) {
    REQUIRE_NOTHROW(extract_anchors(text, Lang::kZh));
    REQUIRE_NOTHROW(extract_anchors(text, Lang::kEn));
  }
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 40);
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += static_cast<char>(byte(random));
    REQUIRE_NOTHROW(extract_anchors(text, Lang::kZh));
    REQUIRE_NOTHROW(extract_anchors(text, Lang::kEn));
  }
  // A digit run too long to be a quantity gives no key at all.
  CHECK(keys(extract_anchors(std::string(40, '9'), Lang::kEn)).empty());
}

namespace {

SplitText sentences_of(std::vector<std::string> lines, Lang lang) {
  SplitText text;
  text.lang = lang;
  for (std::string& line : lines) {
    Sentence sentence;
    sentence.text = std::move(line);
    text.sentences.push_back(std::move(sentence));
  }
  return text;
}

// "0110": boundary i (before sentence i) inside a quotation or not, for i in [0, n].
std::string quotation_flags(std::vector<std::string> lines, Lang lang) {
  std::string flags;
  for (const bool inside : inside_quotation(sentences_of(std::move(lines), lang))) {
    flags += inside ? '1' : '0';
  }
  return flags;
}

}  // namespace

TEST_CASE("inside_quotation marks the boundaries between a quotation's marks", "[features]") {
  struct Case {
    std::vector<std::string> lines;
    Lang lang;
    std::string flags;
  };
  const std::vector<Case> cases = {
      {{"他说：“你好。", "我很好。”", "她走了。"}, Lang::kZh, "0100"},
      {{"他想：「也是個偷食的。", "我大叫一聲。」"}, Lang::kZh, "010"},
      {{"\"Hello.", "I'm fine,\" he said.", "She left."}, Lang::kEn, "0100"},
      {{"'Why, he's just another scavenger!", "I'll jump out,' thought Trinket."}, Lang::kEn, "010"},
      {{"‘Why not?", "It’s late,’ she said.", "Done."}, Lang::kEn, "0100"},
      // Apostrophes are not quotes: nothing opens here.
      {{"Don't go.", "The boys' books.", "It's late."}, Lang::kEn, "0000"},
      // A quotation opened and closed in one sentence leaves the boundaries outside.
      {{"He said \"no\".", "She left."}, Lang::kEn, "000"},
      // An opening mark never closed within kMaxQuotedSentences is a stray mark.
      {{"“What have we done?", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"},
       Lang::kEn, "0000000000000"},
      // Former bugs
      // Two apostrophes in a formula (l''d) opened a quotation that ran to the end of aca.
      {{"In any case, l''d is 0.1 kpc.", "The disk is thin.", "Done."}, Lang::kEn, "0000"},
  };
  for (const Case& c : cases) {
    INFO(c.lines.front());
    CHECK(quotation_flags(c.lines, c.lang) == c.flags);
  }
}

TEST_CASE("inside_quotation survives any text", "[features]") {
  CHECK(quotation_flags({}, Lang::kEn) == "0");
  CHECK(quotation_flags({"", "\"", "'", std::string("\xe2\x80", 2)}, Lang::kEn).size() == 5);
  CHECK(quotation_flags({"“", "”"}, Lang::kZh) == "010");
}
