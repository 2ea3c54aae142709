// Numbers in Chinese text, reduced to their values: Chinese numerals and the characters that
// scale or qualify digits. Digits themselves are read in numbers.cpp.
//
// Anchors built from these mentions are matched across languages by value, and a false
// match costs more than a missed one, so the rules err on the side of silence:
// - Chinese numerals form runs of 〇零一二…九, the units 十百千万亿 and the formal 壹贰…拾佰仟.
//   A run with units is read positionally (二十一, 三千五百, 一万亿, colloquial 三千五 = 3500);
//   one without units digit by digit (二〇二二). Malformed runs are approximate ranges
//   (七八 "seven or eight", 十七八, 一二十) and give nothing.
// - A lone 一 is nearly always the article (一个, 一样, 统一): it counts only in 第一, 一月 and
//   百分之一. 两 joins a run only before 百千万亿 and counts alone only before a measure word
//   (两个, 两年): 三两 is "a few" or three taels, 两边 "both sides". Digit-by-digit runs need
//   a 〇/零 inside or three digits before 年 (七八年 is "seven or eight years").
// - Dropped as no quantity: runs inside a word of a stop list (十分 "very", 四处 "everywhere");
//   names and birth-order titles (王二, 罗小四, 二奶奶); idioms that pair two lone numerals
//   (七上八下, 一来二去); vague runs (几十, 十几, 数百); fractions (三分之一).
// - Numerals and digits take the scales 万 and 亿 after them (3亿, 1.5万, 300多万; 3千克 is
//   three kilograms), 点 decimals (三点五, but not the clock time 三点五分), 百分之 percentages
//   and 月 months (十一月, 11月).
//
// Tested by features_test.cpp.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "features/number_text.h"
#include "features/numbers.h"

namespace anchoralign::detail {
namespace {

using std::size_t;
using std::string_view;

char32_t char_before(string_view text, size_t pos) {
  return pos == 0 ? 0 : char_at(text, previous_char_start(text, pos));
}

bool starts_at(string_view text, size_t pos, string_view word) {
  return pos <= text.size() && text.substr(pos).starts_with(word);
}

bool ends_at(string_view text, size_t pos, string_view word) {
  return pos >= word.size() && text.substr(0, pos).ends_with(word);
}

// ---------------------------------------------------------------- Chinese numerals

struct HanNumeral {
  char32_t code;
  double value;  // a digit 0-9, or a unit 10, 100, 1000, 1e4, 1e8
  bool unit;
  bool formal;  // financial forms, which alone are everyday words (队伍, 收拾, 大陆)
};

constexpr HanNumeral kHanNumerals[] = {
    {U'〇', 0, false, false},   {U'一', 1, false, false},  {U'七', 7, false, false},
    {U'万', 1e4, true, false},  {U'三', 3, false, false},  {U'两', 2, false, false},
    {U'九', 9, false, false},   {U'二', 2, false, false},  {U'五', 5, false, false},
    {U'亿', 1e8, true, false},  {U'仟', 1000, true, true}, {U'伍', 5, false, true},
    {U'佰', 100, true, true},   {U'億', 1e8, true, false}, {U'兩', 2, false, false},
    {U'八', 8, false, false},   {U'六', 6, false, false},  {U'十', 10, true, false},
    {U'千', 1000, true, false}, {U'叁', 3, false, true},   {U'四', 4, false, false},
    {U'壹', 1, false, true},    {U'拾', 10, true, true},   {U'捌', 8, false, true},
    {U'柒', 7, false, true},    {U'玖', 9, false, true},   {U'百', 100, true, false},
    {U'肆', 4, false, true},    {U'萬', 1e4, true, false}, {U'貳', 2, false, true},
    {U'贰', 2, false, true},    {U'陆', 6, false, true},   {U'陸', 6, false, true},
    {U'零', 0, false, false},
};
constexpr auto kByCode = [](const HanNumeral& a, const HanNumeral& b) { return a.code < b.code; };
static_assert(std::is_sorted(std::begin(kHanNumerals), std::end(kHanNumerals), kByCode));

// Which code points in [kHanFirst, kHanLast] are numerals: a bit test rejects the other Han
// characters before any search.
constexpr char32_t kHanFirst = U'〇', kHanLast = U'零';
constexpr auto kHanMask = [] {
  std::array<std::uint64_t, (kHanLast - kHanFirst) / 64 + 1> mask{};
  for (const HanNumeral& h : kHanNumerals) {
    mask[(h.code - kHanFirst) / 64] |= 1ull << ((h.code - kHanFirst) % 64);
  }
  return mask;
}();

const HanNumeral* find_han(char32_t c) {
  if (c < kHanFirst || c > kHanLast) return nullptr;
  if ((kHanMask[(c - kHanFirst) / 64] >> ((c - kHanFirst) % 64) & 1) == 0) return nullptr;
  return std::lower_bound(std::begin(kHanNumerals), std::end(kHanNumerals),
                          HanNumeral{c, 0, false, false}, kByCode);
}

bool is_liang(char32_t c) { return c == U'两' || c == U'兩'; }

bool is_big_unit(char32_t c) {  // 百千万亿: what 两 may stand before
  const HanNumeral* h = find_han(c);
  return h != nullptr && h->unit && h->value >= 100;
}

// Reading state of a positional numeral: 三亿五千万零二十 = total + wan + section + digit.
struct Positional {
  double total = 0, wan = 0, section = 0;
  int digit = -1;           // the pending digit, -1 when none
  double small_unit = 1e4;  // units inside a section must fall: 三千五百, not 五百三千
  double last_unit = 0;     // for the colloquial tail: 三千五 = 3500
  bool zero = false, liang = false, wan_used = false, yi_used = false;
};

bool add_digit(Positional& s, const HanNumeral& h) {
  if (s.digit >= 0) return false;  // 七八: a range
  if (h.value == 0) {
    if (s.zero || s.total + s.wan + s.section == 0) return false;
    s.zero = true;
    return true;
  }
  s.digit = static_cast<int>(h.value);
  s.liang = is_liang(h.code);
  return true;
}

bool add_unit(Positional& s, double unit) {
  if (unit < 1e4) {
    if (s.digit < 0) {  // only 十 stands without a digit: 十五, 一千零十
      if (unit != 10 || (s.section != 0 && !s.zero)) return false;
      s.digit = 1;
    }
    if (unit >= s.small_unit || (s.liang && unit == 10)) return false;
    s.section += s.digit * unit;
    s.small_unit = unit;
  } else {
    const double group = s.section + std::max(s.digit, 0) + (unit == 1e8 ? s.wan : 0);
    if (group == 0 || (unit == 1e4 ? s.wan_used : s.yi_used)) return false;
    if (unit == 1e4) {
      s.wan = group * unit;
      s.wan_used = true;
    } else {
      s.total = group * unit;
      s.wan = 0;
      s.wan_used = false;
      s.yi_used = true;
    }
    s.section = 0;
    s.small_unit = 1e4;
  }
  s.digit = -1;
  s.last_unit = unit;
  s.zero = s.liang = false;
  return true;
}

std::optional<double> parse_positional(string_view text) {
  Positional s;
  for (size_t pos = 0, length = 0; pos < text.size(); pos += length) {
    const HanNumeral& h = *find_han(char_at(text, pos, &length));
    if (!(h.unit ? add_unit(s, h.value) : add_digit(s, h))) return std::nullopt;
  }
  if (s.liang || (s.zero && s.digit < 0)) return std::nullopt;
  double tail = 0;
  if (s.digit >= 0) tail = s.zero || s.last_unit == 0 ? s.digit : s.digit * s.last_unit / 10;
  return s.total + s.wan + s.section + tail;
}

std::optional<double> parse_digit_string(string_view text, int count) {
  if (count > kMaxDigits) return std::nullopt;
  double value = 0;
  bool first = true;
  for (size_t pos = 0, length = 0; pos < text.size(); pos += length, first = false) {
    const HanNumeral& h = *find_han(char_at(text, pos, &length));
    // 两 is never a written digit; a leading 〇 is debris (零零星星), not a number.
    if (count > 1 && (is_liang(h.code) || (first && h.value == 0))) return std::nullopt;
    value = value * 10 + h.value;
  }
  return value;
}

}  // namespace

std::optional<double> parse_chinese_numeral(string_view text) {
  bool has_unit = false;
  int count = 0;
  for (size_t pos = 0, length = 0; pos < text.size(); pos += length, ++count) {
    const HanNumeral* h = find_han(char_at(text, pos, &length));
    if (h == nullptr) return std::nullopt;
    has_unit |= h->unit;
  }
  if (count == 0) return std::nullopt;
  return has_unit ? parse_positional(text) : parse_digit_string(text, count);
}

namespace {

// ---------------------------------------------------------------- Chinese text

// 3亿, 1.5万, 3千万, 300多万, 十多万: multiplies by the scale characters after a number. They
// must end in 万 or 亿: 3千克 is three kilograms. Returns the end, or pos when there are none.
size_t apply_scale(string_view text, size_t pos, double* value) {
  size_t end = pos, length = 0;
  char32_t c = char_at(text, end, &length);
  if (c == U'多' || c == U'余') c = char_at(text, end += length, &length);
  double factor = 1, last = 0;
  for (const HanNumeral* h;
       (h = find_han(c)) != nullptr && h->unit && h->value >= 100 && h->value > last;
       c = char_at(text, end, &length)) {
    factor *= h->value;
    last = h->value;
    end += length;
  }
  if (last < 1e4) return pos;
  *value *= factor;
  return end;
}

// Words whose numerals are no quantity. A run is dropped only when it lies inside one (see
// in_stop_word), so 十一点 (eleven o'clock) survives 一点 (a little) and 二十分 survives 十分
// (very). Most
// words with a lone 一 or a leading 百千万亿 are already rejected by the run rules; the
// frequent ones are listed anyway so that a change to those rules cannot bring them back.
struct StopWord {
  string_view word;
  string_view unless_next;  // 十分钟 is ten minutes
};

constexpr StopWord kStopWords[] = {
    {"十分", "钟"},   {"十足", ""},     {"十字", ""},     {"十全十美", ""}, {"十万八千里", ""},
    {"四处", ""},     {"四周", ""},     {"四面八方", ""}, {"四下", ""},     {"四肢", ""},
    {"再三", ""},     {"八成", ""},     {"七上八下", ""}, {"乱七八糟", ""}, {"横七竖八", ""},
    {"七零八落", ""}, {"七嘴八舌", ""}, {"三心二意", ""}, {"一清二楚", ""}, {"独一无二", ""},
    {"接二连三", ""}, {"不三不四", ""}, {"说三道四", ""}, {"丢三落四", ""}, {"三番五次", ""},
    {"三言两语", ""}, {"三长两短", ""}, {"五颜六色", ""}, {"五花八门", ""}, {"五官", ""},
    {"五体投地", ""}, {"九死一生", ""}, {"六神无主", ""}, {"五花大绑", ""}, {"二则", ""},
    {"八卦", ""},     {"二话", ""},     {"三三两两", ""}, {"一五一十", ""}, {"万一", ""},
    {"一些", ""},     {"一样", ""},     {"一直", ""},     {"一切", ""},     {"一定", ""},
    {"一起", ""},     {"一般", ""},     {"一下", ""},     {"一点", ""},     {"一边", ""},
    {"一面", ""},     {"一时", ""},     {"一向", ""},     {"一旦", ""},     {"一致", ""},
    {"一会", ""},     {"统一", ""},     {"唯一", ""},     {"千万", ""},     {"万万", ""},
    {"百姓", ""},     {"万岁", ""},
};

// A run is inside a stop word when the word covers it wholly or the run starts in the middle
// of the word (唯[一万一], 统[一]).
bool in_stop_word(string_view text, size_t begin, size_t end) {
  constexpr size_t kHanBytes = 3;  // every stop word is made of 3-byte characters
  for (const StopWord& stop : kStopWords) {
    const size_t size = stop.word.size();
    for (size_t back = 0; back < size && back <= begin; back += kHanBytes) {
      const size_t start = begin - back;
      if ((back > 0 || start + size >= end) && text.compare(start, size, stop.word) == 0 &&
          (stop.unless_next.empty() || !starts_at(text, start + size, stop.unless_next))) {
        return true;
      }
    }
  }
  return false;
}

// 几十, 十几, 数百: "some tens"; 三分之一: a fraction, whose parts are no quantity.
bool is_vague(string_view text, size_t begin, size_t end) {
  return ends_at(text, begin, "几") || ends_at(text, begin, "数") || starts_at(text, end, "几") ||
         starts_at(text, end, "分之") || ends_at(text, begin, "分之");
}

struct HanRun {
  size_t end = 0;
  int chars = 0;
  bool has_unit = false, has_zero = false;
};

// The numeral characters from `begin`; 两 joins only before 百千万亿.
HanRun read_han_run(string_view text, size_t begin) {
  HanRun run{begin};
  size_t length = 0;
  for (const HanNumeral* h; (h = find_han(char_at(text, run.end, &length))) != nullptr;) {
    if (is_liang(h->code) && !is_big_unit(char_at(text, run.end + length))) break;
    run.end += length;
    ++run.chars;
    run.has_unit |= h->unit;
    run.has_zero |= !h->unit && h->value == 0;
  }
  return run;
}

// Whether a lone numeral, `link` and `partner` next to it form an idiom like 七上八下 or
// 三言两语. The link is a word character, not a unit, measure or time word (三点五, 三月五日,
// 十多万, 一天三次), and the partner a digit or 十, not a scale (千方百计 fails to parse anyway).
bool is_idiom_pair(char32_t link, char32_t partner) {
  static constexpr std::u32string_view kNoLinks =
      U"点多余年月日号天个岁次时分秒周倍块元斤里米只条张本位件种";
  const HanNumeral* h = find_han(partner);
  return is_han(link) && find_han(link) == nullptr && kNoLinks.find(link) == kNone &&
         h != nullptr && h->value <= 10;
}

// 王二, 罗小四, 老三: names and nicknames; 二奶奶, 三叔, 十三妹: birth-order titles;
// 七上八下, 一来二去, 三言两语: idioms that pair two lone numerals one character apart.
bool is_name_or_idiom(string_view text, size_t begin, const HanRun& run) {
  static constexpr std::u32string_view kNamePrefixes =
      U"小老阿王张李赵刘陈杨黄吴徐孙朱胡郭林罗郑梁谢宋唐韩冯邓曹彭曾萧肖董潘袁蔡蒋杜魏苏吕"
      U"姚沈姜崔谭汪廖韦贾夏邹熊孟秦邱侯薛闫雷黎陶贺郝顾龚邵戴孔乔赖洪";
  static constexpr std::u32string_view kKinship = U"奶爷姐哥叔姑婶嫂弟妹伯舅姨娘少老太";
  size_t length = 0;
  const char32_t before = char_before(text, begin);
  const char32_t after = char_at(text, run.end, &length);
  if (run.chars <= 2 && ((before != 0 && kNamePrefixes.find(before) != kNone) ||
                         (after != 0 && kKinship.find(after) != kNone))) {
    return true;
  }
  if (run.chars != 1) return false;
  const char32_t two_before = begin == 0 ? 0 : char_before(text, previous_char_start(text, begin));
  return is_idiom_pair(before, two_before) || is_idiom_pair(after, char_at(text, run.end + length));
}

// Whether a well-formed run is a number where it stands (see the file comment). The cheap
// tests come first: every lone 一 of the text gets here.
bool accept_run(string_view text, size_t begin, const HanRun& run) {
  if (ends_at(text, begin, "第")) return !is_vague(text, begin, run.end);  // 第一, 第三第四
  if (run.chars == 1) {
    const HanNumeral& h = *find_han(char_at(text, begin));
    if (h.formal || h.value == 0) return false;  // 队伍, 收拾; 零星
    if (h.code == U'一' && !starts_at(text, run.end, "月")) return false;
  } else if (!run.has_unit && !run.has_zero &&
             !(run.chars >= 3 && starts_at(text, run.end, "年"))) {
    return false;
  }
  return !in_stop_word(text, begin, run.end) && !is_vague(text, begin, run.end) &&
         !is_name_or_idiom(text, begin, run);
}

// 三点五 = 3.5; but 三点五分 and 三点五十 are clock times, 三点钟 is o'clock.
void extend_decimal(string_view text, NumberMention* m) {
  if (!starts_at(text, m->end, "点")) return;
  size_t pos = m->end + string_view("点").size(), length = 0;
  double fraction = 0, scale = 0.1;
  for (const HanNumeral* h;
       (h = find_han(char_at(text, pos, &length))) != nullptr && !h->unit && !is_liang(h->code);
       pos += length, scale /= 10) {
    fraction += h->value * scale;
  }
  const char32_t next = char_at(text, pos);
  if (scale == 0.1 || next == U'分' || next == U'钟' || next == U'刻' || next == U'十') return;
  m->value += fraction;
  m->end = pos;
}

// 两 alone is two only before a measure word and after no other numeral (三两 is "a few"
// or three taels). Not before 人: 两人 is mostly "they" or "both".
size_t scan_liang(string_view text, size_t begin, std::vector<NumberMention>& out) {
  static constexpr std::u32string_view kMeasureWords =
      U"个次天年位种件张本条只岁点块斤元分秒周倍层辆座间名匹部份根封杯";
  size_t length = 0;
  char_at(text, begin, &length);
  const size_t end = begin + length;
  const char32_t before = char_before(text, begin);
  const char32_t after = char_at(text, end);
  if (find_han(before) == nullptr && !is_ascii_digit(before) && after != 0 &&
      kMeasureWords.find(after) != kNone && !is_name_or_idiom(text, begin, {end, 1})) {
    out.push_back({2, begin, end, false, true, false});
  }
  return end;
}

size_t scan_han_run(string_view text, size_t begin, std::vector<NumberMention>& out) {
  const HanRun run = read_han_run(text, begin);
  if (run.chars == 0) return scan_liang(text, begin, out);
  const std::optional<double> value = parse_chinese_numeral(text.substr(begin, run.end - begin));
  if (!value || !accept_run(text, begin, run)) return run.end;
  NumberMention m{*value, begin, run.end, false, true, false};
  extend_decimal(text, &m);
  const size_t end = apply_scale(text, m.end, &m.value);
  m.month = end == m.end && starts_at(text, end, "月") && is_month_value(m.value) &&
            (run.has_unit || run.chars == 1);
  m.end = end;
  out.push_back(m);
  return m.end;
}

// 百分之二十一, 百分之21, 百分之百, 百分之三点五.
size_t scan_zh_percent(string_view text, size_t begin, std::vector<NumberMention>& out) {
  const size_t start = begin + string_view("百分之").size();
  NumberMention m{0, begin, start, true, false, false};
  if (is_ascii_digit(char_at(text, start))) {
    const Parsed number = parse_arabic(text, start);
    if (!number.valid) return number.end;
    m.value = number.value;
    m.end = number.end;
  } else {
    const HanRun run = read_han_run(text, start);
    const string_view digits = text.substr(start, run.end - start);
    const std::optional<double> value =
        digits == "百" ? std::optional<double>(100) : parse_chinese_numeral(digits);
    if (!value) return run.end;
    m.value = *value;
    m.end = run.end;
    m.spelled = true;
    extend_decimal(text, &m);
  }
  out.push_back(m);
  return m.end;
}

// After a number in digits without a % sign: 3亿, 300多万; 11月.
void extend_digits_zh(string_view text, NumberMention* m) {
  const size_t end = apply_scale(text, m->end, &m->value);
  m->month = end == m->end && starts_at(text, end, "月") && is_month_value(m->value);
  m->end = end;
}

constexpr AlnumScanner kScannerZh = {extend_digits_zh, nullptr};  // Latin words: names

}  // namespace

std::vector<NumberMention> find_numbers_zh(string_view text) {
  std::vector<NumberMention> out;
  for (size_t pos = 0, length = 0; pos < text.size();) {
    const char32_t c = decode_folded(text, pos, &length);
    if (is_alnum(c)) {
      pos = scan_alnum(text, pos, kScannerZh, out);
    } else if (find_han(c) == nullptr) {
      pos += length;
    } else if (c == U'百' && starts_at(text, pos, "百分之")) {
      pos = scan_zh_percent(text, pos, out);
    } else {
      pos = scan_han_run(text, pos, out);
    }
  }
  return out;
}

}  // namespace anchoralign::detail
