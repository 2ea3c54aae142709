// Numbers in Chinese and English text, reduced to their values.
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
// - Dropped as no quantity: words of a stop list when the run lies wholly inside one (十分
//   "very", 四处 "everywhere"); names and birth-order titles (王二, 罗小四, 二奶奶); idioms that
//   pair two lone numerals (七上八下, 一来二去); vague runs (几十, 十几, 数百); fractions
//   (三分之一).
// - English: digits (1,000 / 3.5), digits with scale words (300 million), number-word phrases
//   (one hundred and five, twenty-one, a thousand), ordinals (21st, twenty-first, third),
//   decades (the eighties, like 八十年代), percentages and month names; "may", "march" and
//   abbreviations are months only next to a number. A lone "one" or "first" is no count (the
//   pronoun, the adverb; their partner, a lone 一, gives nothing either), nor are "a second"
//   and ranges like "eight or nine", "a day or two".
// - Letter-digit tokens (gpt-4, mp3, covid-19) are names, not numbers; dotted digit runs
//   (1.2.3) are section or version numbers and give nothing.
// On mac-dev (literary, where these rules were tuned) about 55% of spelled Chinese numbers up
// to ten and 75% of the others find the same key in the gold-aligned English.
//
// Tested by features_test.cpp.
#include "features/numbers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

namespace anchoralign::detail {
namespace {

using std::size_t;
using std::string_view;

// Beyond 15 digits a double loses integers; such runs are ids, not quantities.
constexpr int kMaxDigits = 15;
constexpr size_t kNone = std::string_view::npos;

char32_t char_at(string_view text, size_t pos, size_t* length) {
  if (pos >= text.size()) {
    *length = 0;
    return 0;
  }
  return decode_folded(text, pos, length);
}

char32_t char_at(string_view text, size_t pos) {
  size_t length = 0;
  return char_at(text, pos, &length);
}

char32_t char_before(string_view text, size_t pos) {
  return pos == 0 ? 0 : char_at(text, previous_char_start(text, pos));
}

bool starts_at(string_view text, size_t pos, string_view word) {
  return pos <= text.size() && text.substr(pos).starts_with(word);
}

bool ends_at(string_view text, size_t pos, string_view word) {
  return pos >= word.size() && text.substr(0, pos).ends_with(word);
}

bool is_alnum(char32_t c) { return is_ascii_digit(c) || is_latin_letter(c); }

bool is_joiner(char32_t c) {
  return c == '-' || c == '.' || c == '_' || c == '\'' || c == 0x2019 || c == 0x2010 || c == 0x2011;
}

// ---------------------------------------------------------------- Arabic digits

struct Parsed {
  double value = 0;
  size_t end = 0;
  bool valid = false;
};

int digit_at(string_view text, size_t pos, size_t* length) {
  const char32_t c = char_at(text, pos, length);
  return is_ascii_digit(c) ? static_cast<int>(c - '0') : -1;
}

int read_digits(string_view text, size_t* pos, double* mantissa, int limit) {
  int count = 0, digit = 0;
  size_t length = 0;
  while (count < limit && (digit = digit_at(text, *pos, &length)) >= 0) {
    *mantissa = *mantissa * 10 + digit;
    *pos += length;
    ++count;
  }
  return count;
}

// Digits at pos with "," thousands groups (only after 1-3 leading digits, exactly three per
// group) and a "." decimal part.
Parsed parse_arabic(string_view text, size_t pos) {
  double mantissa = 0;
  const int leading = read_digits(text, &pos, &mantissa, kMaxDigits + 1);
  size_t length = 0, skip = 0;
  while (leading <= 3 && char_at(text, pos, &length) == ',') {
    size_t group_end = pos + length;
    double group = 0;
    if (read_digits(text, &group_end, &group, 4) != 3) break;
    mantissa = mantissa * 1000 + group;
    pos = group_end;
  }
  int decimals = 0;
  if (char_at(text, pos, &length) == '.' && digit_at(text, pos + length, &skip) >= 0) {
    pos += length;
    decimals = read_digits(text, &pos, &mantissa, kMaxDigits + 1);
  }
  // A run too long to be a quantity is still consumed whole.
  bool valid = mantissa < 1e15 && decimals <= kMaxDigits;
  for (; digit_at(text, pos, &length) >= 0; pos += length) valid = false;
  return {mantissa / std::pow(10.0, decimals), pos, valid};
}

// 1.2.3 after its first "1.2": a section or version number.
bool is_dotted_continuation(string_view text, size_t pos) {
  size_t length = 0, skip = 0;
  return char_at(text, pos, &length) == '.' && digit_at(text, pos + length, &skip) >= 0;
}

// 21%, 21 %: the end of the sign, or kNone.
size_t percent_sign(string_view text, size_t pos) {
  size_t length = 0;
  char32_t c = char_at(text, pos, &length);
  if (c == ' ') c = char_at(text, pos += length, &length);
  return c == '%' ? pos + length : kNone;
}

bool is_month_value(double value) {
  return value >= 1 && value <= 12 && value == std::floor(value);
}

// 2022-11-30: year, month and day, as 2022年11月30日 gives them.
bool scan_iso_date(string_view text, size_t begin, size_t end, std::vector<NumberMention>& out) {
  const string_view run = text.substr(begin, end - begin);
  const size_t dash = run.find('-', 5);
  if (run.size() < 8 || run.size() > 10 || run[4] != '-' || dash == kNone || dash > 7) return false;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, dash + 1}, ends[3] = {4, dash, run.size()};
  for (int i = 0; i < 3; ++i) {
    if (ends[i] <= starts[i]) return false;
    for (size_t k = starts[i]; k < ends[i]; ++k) {
      if (run[k] < '0' || run[k] > '9') return false;
      parts[i] = parts[i] * 10 + (run[k] - '0');
    }
  }
  if (!is_month_value(parts[1]) || parts[2] < 1 || parts[2] > 31) return false;
  out.push_back({double(parts[0]), begin, begin + 4});
  out.push_back({double(parts[1]), begin + 5, begin + dash, false, false, true});
  out.push_back({double(parts[2]), begin + dash + 1, end});
  return true;
}

// 1990s, 21st, 3rd, 1990's: the digits' value; other letter-digit mixes are names.
void scan_digit_suffix(string_view text, size_t begin, size_t end,
                       std::vector<NumberMention>& out) {
  if (!is_ascii_digit(char_at(text, begin))) return;
  const Parsed number = parse_arabic(text, begin);
  if (!number.valid || number.end >= end) return;
  std::string suffix;
  for (size_t pos = number.end, length = 0; pos < end; pos += length) {
    const char32_t c = char_at(text, pos, &length);
    if (c == '\'' || c == 0x2019) continue;
    if (c > 0x7F || suffix.size() > 2) return;
    suffix += static_cast<char>(c);
  }
  if (suffix == "s" || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
    out.push_back({number.value, begin, end});
  }
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

// ---------------------------------------------------------------- English words

enum class WordKind : std::uint8_t { kUnit, kTeen, kTens, kHundred, kScale, kA, kAnd };
using enum WordKind;

struct NumberWord {
  string_view word;
  double value;
  WordKind kind;     // "ten" is a kTeen: like the teens it takes no unit after it
  bool ends_phrase;  // ordinals and decades: twenty-first, the eighties
};

// clang-format off
constexpr NumberWord kNumberWords[] = {
    {"a", 1, kA, false},                 {"and", 0, kAnd, false},
    {"billion", 1e9, kScale, false},     {"eight", 8, kUnit, false},
    {"eighteen", 18, kTeen, false},      {"eighteenth", 18, kTeen, true},
    {"eighth", 8, kUnit, true},          {"eightieth", 80, kTens, true},
    {"eighties", 80, kTens, true},       {"eighty", 80, kTens, false},
    {"eleven", 11, kTeen, false},        {"eleventh", 11, kTeen, true},
    {"fifteen", 15, kTeen, false},       {"fifteenth", 15, kTeen, true},
    {"fifth", 5, kUnit, true},           {"fifties", 50, kTens, true},
    {"fiftieth", 50, kTens, true},       {"fifty", 50, kTens, false},
    {"first", 1, kUnit, true},           {"five", 5, kUnit, false},
    {"forties", 40, kTens, true},        {"fortieth", 40, kTens, true},
    {"forty", 40, kTens, false},         {"four", 4, kUnit, false},
    {"fourteen", 14, kTeen, false},      {"fourteenth", 14, kTeen, true},
    {"fourth", 4, kUnit, true},          {"hundred", 100, kHundred, false},
    {"hundredth", 100, kHundred, true},  {"million", 1e6, kScale, false},
    {"millionth", 1e6, kScale, true},    {"nine", 9, kUnit, false},
    {"nineteen", 19, kTeen, false},      {"nineteenth", 19, kTeen, true},
    {"ninetieth", 90, kTens, true},      {"ninety", 90, kTens, false},
    {"ninth", 9, kUnit, true},           {"one", 1, kUnit, false},
    {"second", 2, kUnit, true},          {"seven", 7, kUnit, false},
    {"seventeen", 17, kTeen, false},     {"seventeenth", 17, kTeen, true},
    {"seventh", 7, kUnit, true},         {"seventies", 70, kTens, true},
    {"seventieth", 70, kTens, true},     {"seventy", 70, kTens, false},
    {"six", 6, kUnit, false},            {"sixteen", 16, kTeen, false},
    {"sixteenth", 16, kTeen, true},      {"sixth", 6, kUnit, true},
    {"sixties", 60, kTens, true},        {"sixtieth", 60, kTens, true},
    {"sixty", 60, kTens, false},         {"ten", 10, kTeen, false},
    {"tenth", 10, kTeen, true},          {"third", 3, kUnit, true},
    {"thirteen", 13, kTeen, false},      {"thirteenth", 13, kTeen, true},
    {"thirtieth", 30, kTens, true},      {"thirties", 30, kTens, true},
    {"thirty", 30, kTens, false},        {"thousand", 1000, kScale, false},
    {"thousandth", 1000, kScale, true},  {"three", 3, kUnit, false},
    {"trillion", 1e12, kScale, false},   {"twelfth", 12, kTeen, true},
    {"twelve", 12, kTeen, false},        {"twentieth", 20, kTens, true},
    {"twenties", 20, kTens, true},       {"twenty", 20, kTens, false},
    {"two", 2, kUnit, false},            {"zero", 0, kUnit, false},
};
// clang-format on

struct MonthName {
  string_view name;
  int month;
  bool needs_number;  // "may", "march" and abbreviations are months only next to a number
  bool abbreviated;
};

constexpr MonthName kMonthNames[] = {
    {"apr", 4, true, true},         {"april", 4, false, false},    {"aug", 8, true, true},
    {"august", 8, false, false},    {"dec", 12, true, true},       {"december", 12, false, false},
    {"feb", 2, true, true},         {"february", 2, false, false}, {"jan", 1, true, true},
    {"january", 1, false, false},   {"jul", 7, true, true},        {"july", 7, false, false},
    {"jun", 6, true, true},         {"june", 6, false, false},     {"mar", 3, true, true},
    {"march", 3, true, false},      {"may", 5, true, false},       {"nov", 11, true, true},
    {"november", 11, false, false}, {"oct", 10, true, true},       {"october", 10, false, false},
    {"sep", 9, true, true},         {"sept", 9, true, true},       {"september", 9, false, false},
};

// Open-addressing hash indexes over the word tables, built at compile time: every English
// word is looked up, and a miss should cost one probe.
constexpr std::uint32_t hash_word(string_view word) {
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (const char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash;
}

constexpr std::size_t kSlots = 256;

template <typename Entry, std::size_t N>
constexpr std::array<std::int16_t, kSlots> build_index(const Entry (&table)[N],
                                                       string_view Entry::*key) {
  static_assert(N < kSlots / 2);
  std::array<std::int16_t, kSlots> slots{};
  slots.fill(-1);
  for (std::size_t i = 0; i < N; ++i) {
    std::size_t slot = hash_word(table[i].*key) % kSlots;
    while (slots[slot] >= 0) slot = (slot + 1) % kSlots;
    slots[slot] = static_cast<std::int16_t>(i);
  }
  return slots;
}

template <typename Entry, std::size_t N>
const Entry* find_entry(const Entry (&table)[N], const std::array<std::int16_t, kSlots>& slots,
                        string_view Entry::*key, string_view word) {
  if (word.empty()) return nullptr;
  for (std::size_t slot = hash_word(word) % kSlots; slots[slot] >= 0; slot = (slot + 1) % kSlots) {
    if (table[slots[slot]].*key == word) return &table[slots[slot]];
  }
  return nullptr;
}

constexpr auto kNumberWordIndex = build_index(kNumberWords, &NumberWord::word);
constexpr auto kMonthIndex = build_index(kMonthNames, &MonthName::name);

const NumberWord* find_number_word(string_view word) {
  return find_entry(kNumberWords, kNumberWordIndex, &NumberWord::word, word);
}

const MonthName* find_month(string_view word) {
  return find_entry(kMonthNames, kMonthIndex, &MonthName::name, word);
}

// An ASCII word, lowered. str() is empty when the word is too long for any table or runs on
// into other letters or digits (café, one2), so it matches nothing.
struct Word {
  size_t begin = 0, end = 0;
  std::array<char, 12> letters{};
  size_t size = 0;
  bool apostrophe = false;  // one's
  string_view str() const { return {letters.data(), size}; }
  bool empty() const { return begin == end; }
};

Word read_word(string_view text, size_t pos) {
  Word word{pos, pos};
  size_t length = 0;
  bool usable = true;
  for (char32_t c; (c = char_at(text, word.end, &length)) >= 'a' && c <= 'z'; word.end += length) {
    if (word.size == word.letters.size()) usable = false;
    if (usable) word.letters[word.size++] = static_cast<char>(c);
  }
  const char32_t next = char_at(text, word.end);
  if (!usable || is_alnum(next)) word.size = 0;
  word.apostrophe = next == '\'' || next == 0x2019;
  return word;
}

// The word after `pos` across spaces and at most one hyphen (twenty-one); empty when
// anything else comes first.
Word next_word(string_view text, size_t pos) {
  size_t length = 0;
  bool hyphen = false;
  for (char32_t c; (c = char_at(text, pos, &length)) != 0; pos += length) {
    if (c == '-' && !hyphen) {
      hyphen = true;
    } else if (!is_space(c)) {
      break;
    }
  }
  return read_word(text, pos);
}

Word previous_word(string_view text, size_t pos) {
  const auto is_letter = [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  while (pos > 0 && text[pos - 1] == ' ') --pos;
  while (pos > 0 && is_letter(text[pos - 1])) --pos;
  return read_word(text, pos);
}

bool in_list(string_view word, std::initializer_list<string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// A number-word phrase: "one hundred and five" = total + current.
struct Phrase {
  double total = 0, current = 0, last_scale = 1e300;
  WordKind last = kAnd;
  bool started = false;
  int words = 0;  // value words, not counting "a" and "and"
  size_t end = 0;
  double value() const { return total + current; }
};

bool may_follow(const Phrase& p, const NumberWord& w) {
  if (!p.started) return w.kind != kAnd && w.kind != kHundred && w.kind != kScale;
  switch (w.kind) {
    case kUnit:
      return w.value != 0 &&
             (p.last == kTens || p.last == kHundred || p.last == kScale || p.last == kAnd);
    case kTeen:
    case kTens:
      return p.last == kHundred || p.last == kScale || p.last == kAnd;
    case kHundred:
      return (p.last == kUnit || p.last == kTeen || p.last == kA) && p.current > 0 &&
             p.current < 100;
    case kScale:
      return p.current > 0 && w.value < p.last_scale && p.last != kAnd;
    case kAnd:
      return p.last == kHundred || p.last == kScale;
    case kA:
      break;
  }
  return false;
}

// "a" stands for one only before hundred/thousand/...; "and" only joins smaller numbers on.
bool filler_needed(const NumberWord& filler, const NumberWord* next) {
  if (next == nullptr) return false;
  if (filler.kind == kA) return next->kind == kHundred || next->kind == kScale;
  return next->kind == kUnit || next->kind == kTeen || next->kind == kTens;
}

void apply(Phrase& p, const NumberWord& w) {
  switch (w.kind) {
    case kUnit:
    case kTeen:
    case kTens:
      p.current += w.value;
      break;
    case kA:
      p.current = 1;
      break;
    case kHundred:
      p.current *= 100;
      break;
    case kScale:
      p.total += p.current * w.value;
      p.current = 0;
      p.last_scale = w.value;
      break;
    case kAnd:
      break;
  }
  p.last = w.kind;
  p.started = true;
}

std::optional<Phrase> parse_phrase(string_view text, Word word) {
  Phrase p;
  for (; !word.empty(); word = next_word(text, word.end)) {
    const NumberWord* w = find_number_word(word.str());
    if (w == nullptr || !may_follow(p, *w)) break;
    const bool filler = w->kind == kA || w->kind == kAnd;
    if (filler && !filler_needed(*w, find_number_word(next_word(text, word.end).str()))) break;
    apply(p, *w);
    if (!filler) {
      ++p.words;
      p.end = word.end;
    }
    if (w->ends_phrase || word.apostrophe) break;  // twenty-first; one's
  }
  if (p.words == 0) return std::nullopt;
  return p;
}

// Number words that are no count. A lone "one" is mostly the pronoun or the article (no one,
// the only one, one day) and "first" an adverb (at first, first dusted down), while their
// Chinese partner, a lone 一, is never a number either; "a second", "second by second" are
// time; "a day or two", "eight or nine" are approximate, like 八九 that gives nothing.
bool is_not_a_count(string_view text, size_t begin, const Phrase& p) {
  if (previous_word(text, begin).str() == "or") return true;
  const Word after = next_word(text, p.end);
  if (after.str() == "or") {
    const NumberWord* other = find_number_word(next_word(text, after.end).str());
    if (other != nullptr && other->kind != kA && other->kind != kAnd) return true;
  }
  if (p.words != 1) return false;
  const Word word = read_word(text, begin);
  if (word.str() == "one" || word.str() == "first") return true;
  return word.str() == "second" &&
         (in_list(previous_word(text, begin).str(), {"a", "per", "split", "each", "every", "by"}) ||
          after.str() == "by");
}

// 21 percent, 21 per cent: the end of the words, or kNone.
size_t percent_words(string_view text, size_t pos) {
  const Word word = next_word(text, pos);
  if (word.str() == "percent") return word.end;
  if (word.str() != "per") return kNone;
  const Word cent = next_word(text, word.end);
  return cent.str() == "cent" ? cent.end : kNone;
}

// 300 million, 1.5 billion, 3 hundred thousand.
void apply_scale_words(string_view text, NumberMention* m) {
  double last = 0;
  for (Word word = next_word(text, m->end);; word = next_word(text, m->end)) {
    const NumberWord* w = find_number_word(word.str());
    if (w == nullptr || w->ends_phrase || (w->kind != kHundred && w->kind != kScale) ||
        w->value <= last) {
      return;
    }
    m->value *= w->value;
    last = w->value;
    m->end = word.end;
  }
}

// May 5, 5 May, May 2020: a digit follows, or a number in digits ends just before.
bool next_to_number(string_view text, size_t begin, size_t end,
                    const std::vector<NumberMention>& out) {
  size_t length = 0;
  char32_t c = 0;
  while (is_space(c = char_at(text, end, &length))) end += length;
  if (is_ascii_digit(c)) return true;
  if (out.empty() || out.back().spelled || out.back().end > begin) return false;
  return text.substr(out.back().end, begin - out.back().end).find_first_not_of(' ') == kNone;
}

size_t scan_month_en(string_view text, const Word& word, const MonthName& month,
                     std::vector<NumberMention>& out) {
  size_t end = word.end;
  if (month.abbreviated && char_at(text, end) == '.') ++end;
  if (!month.needs_number || next_to_number(text, word.begin, end, out)) {
    out.push_back({double(month.month), word.begin, end, false, true, true});
  }
  return end;
}

size_t scan_words_en(string_view text, size_t begin, size_t run_end,
                     std::vector<NumberMention>& out) {
  const Word word = read_word(text, begin);
  if (const MonthName* month = find_month(word.str())) {
    return scan_month_en(text, word, *month, out);
  }
  const std::optional<Phrase> phrase = parse_phrase(text, word);
  if (!phrase) return run_end;
  NumberMention m{phrase->value(), begin, phrase->end};
  m.spelled = true;
  const size_t sign = percent_sign(text, m.end);
  const size_t end = sign != kNone ? sign : percent_words(text, m.end);
  if (end != kNone) {
    m.percent = true;  // "one percent" is a count after all
    m.end = end;
  } else if (is_not_a_count(text, begin, *phrase)) {
    return m.end;
  }
  out.push_back(m);
  return m.end;
}

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
  return is_idiom_pair(before, char_before(text, previous_char_start(text, begin))) ||
         is_idiom_pair(after, char_at(text, run.end + length));
}

// Whether a well-formed run is a number where it stands (see the file comment).
bool accept_run(string_view text, size_t begin, const HanRun& run) {
  if (ends_at(text, begin, "第")) return !is_vague(text, begin, run.end);  // 第一, 第三第四
  if (in_stop_word(text, begin, run.end) || is_vague(text, begin, run.end) ||
      is_name_or_idiom(text, begin, run)) {
    return false;
  }
  if (run.chars == 1) {
    const HanNumeral& h = *find_han(char_at(text, begin));
    if (h.formal || h.value == 0) return false;  // 队伍, 收拾; 零星
    return h.code != U'一' || starts_at(text, run.end, "月");
  }
  if (run.has_unit) return true;
  return run.has_zero || (run.chars >= 3 && starts_at(text, run.end, "年"));
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

// ---------------------------------------------------------------- Digits in both languages

size_t scan_digits(string_view text, size_t begin, size_t run_end, bool english,
                   std::vector<NumberMention>& out) {
  if (scan_iso_date(text, begin, run_end, out)) return run_end;
  const Parsed number = parse_arabic(text, begin);
  if (!number.valid || is_dotted_continuation(text, number.end)) {
    return std::max(run_end, number.end);
  }
  NumberMention m{number.value, begin, number.end};
  if (const size_t sign = percent_sign(text, m.end); sign != kNone) {
    m.percent = true;
    m.end = sign;
  } else if (english) {
    apply_scale_words(text, &m);
    const size_t words = percent_words(text, m.end);
    m.percent = words != kNone;
    if (m.percent) m.end = words;
  } else {
    const size_t end = apply_scale(text, m.end, &m.value);
    m.month = end == m.end && starts_at(text, end, "月") && is_month_value(m.value);
    m.end = end;
  }
  out.push_back(m);
  return m.end;
}

size_t scan_alnum(string_view text, size_t begin, bool english, std::vector<NumberMention>& out) {
  const LatinRun run = scan_latin_run(text, begin);
  if (!run.has_letter) return scan_digits(text, begin, run.end, english, out);
  if (run.has_digit) {
    scan_digit_suffix(text, begin, run.end, out);
  } else if (english) {
    return scan_words_en(text, begin, run.end, out);
  }
  return run.end;
}

}  // namespace

LatinRun scan_latin_run(string_view text, size_t begin) {
  LatinRun run;
  run.end = begin;
  size_t pos = begin, length = 0, segment = 0;  // segment: characters since the last joiner
  bool dotted = false, letter_last = false;
  while (pos < text.size()) {
    const char32_t c = char_at(text, pos, &length);
    if (is_alnum(c)) {
      letter_last = !is_ascii_digit(c);
      (letter_last ? run.has_letter : run.has_digit) = true;
      ++segment;
      run.end = pos += length;
    } else if (pos > begin && is_joiner(c) && is_alnum(char_at(text, pos + length))) {
      dotted |= c == '.';
      segment = 0;
      pos += length;
    } else {
      break;
    }
  }
  if (run.end == begin) run.end = begin + std::max<size_t>(length, 1);  // not a run: step over
  if (dotted && segment == 1 && letter_last && char_at(text, run.end) == '.') ++run.end;
  return run;
}

std::vector<NumberMention> find_numbers_zh(string_view text) {
  std::vector<NumberMention> out;
  for (size_t pos = 0, length = 0; pos < text.size();) {
    const char32_t c = decode_folded(text, pos, &length);
    if (is_alnum(c)) {
      pos = scan_alnum(text, pos, false, out);
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

std::vector<NumberMention> find_numbers_en(string_view text) {
  std::vector<NumberMention> out;
  for (size_t pos = 0, length = 0; pos < text.size();) {
    const char32_t c = decode_folded(text, pos, &length);
    pos = is_alnum(c) ? scan_alnum(text, pos, true, out) : pos + length;
  }
  return out;
}

}  // namespace anchoralign::detail
