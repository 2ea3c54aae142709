// Numbers in English text, reduced to their values: number words and the words that scale or
// qualify digits. Digits themselves are read in numbers.cpp.
//
// Anchors built from these mentions are matched across languages by value, and a false
// match costs more than a missed one, so the rules err on the side of silence:
// - Digits with scale words (300 million, 1.5 billion), number-word phrases (one hundred and
//   five, twenty-one, a thousand), ordinals (twenty-first, third), decades (the eighties, like
//   八十年代), percentages (21 percent, one per cent) and month names.
// - "may", "march" and abbreviations (Sept.) are months only next to a number (May 5, 5 May).
// - A lone "one" or "first" is no count (the pronoun, the adverb; their partner, a lone 一,
//   gives nothing either), nor are "a second" and ranges like "eight or nine", "a day or
//   two" (like 七八, which gives nothing).
// Every Latin word of the text is looked up, so the word tables are hashed at compile time.
//
// Tested by features_test.cpp.
#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "features/number_text.h"
#include "features/numbers.h"

namespace anchoralign::detail {
namespace {

using std::size_t;
using std::string_view;

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
    {"ninetieth", 90, kTens, true},      {"nineties", 90, kTens, true},
    {"ninety", 90, kTens, false},        {"ninth", 9, kUnit, true},
    {"one", 1, kUnit, false},            {"second", 2, kUnit, true},
    {"seven", 7, kUnit, false},          {"seventeen", 17, kTeen, false},
    {"seventeenth", 17, kTeen, true},    {"seventh", 7, kUnit, true},
    {"seventies", 70, kTens, true},      {"seventieth", 70, kTens, true},
    {"seventy", 70, kTens, false},       {"six", 6, kUnit, false},
    {"sixteen", 16, kTeen, false},       {"sixteenth", 16, kTeen, true},
    {"sixth", 6, kUnit, true},           {"sixties", 60, kTens, true},
    {"sixtieth", 60, kTens, true},       {"sixty", 60, kTens, false},
    {"ten", 10, kTeen, false},           {"tenth", 10, kTeen, true},
    {"third", 3, kUnit, true},           {"thirteen", 13, kTeen, false},
    {"thirteenth", 13, kTeen, true},     {"thirtieth", 30, kTens, true},
    {"thirties", 30, kTens, true},       {"thirty", 30, kTens, false},
    {"thousand", 1000, kScale, false},   {"thousandth", 1000, kScale, true},
    {"three", 3, kUnit, false},          {"trillion", 1e12, kScale, false},
    {"twelfth", 12, kTeen, true},        {"twelve", 12, kTeen, false},
    {"twentieth", 20, kTens, true},      {"twenties", 20, kTens, true},
    {"twenty", 20, kTens, false},        {"two", 2, kUnit, false},
    {"zero", 0, kUnit, false},
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

// After a number in digits without a % sign: 300 million; 21 percent.
void extend_digits_en(string_view text, NumberMention* m) {
  apply_scale_words(text, m);
  const size_t words = percent_words(text, m->end);
  m->percent = words != kNone;
  if (m->percent) m->end = words;
}

constexpr AlnumScanner kScannerEn = {extend_digits_en, scan_words_en};

}  // namespace

std::vector<NumberMention> find_numbers_en(string_view text) {
  std::vector<NumberMention> out;
  for (size_t pos = 0, length = 0; pos < text.size();) {
    const char32_t c = decode_folded(text, pos, &length);
    pos = is_alnum(c) ? scan_alnum(text, pos, kScannerEn, out) : pos + length;
  }
  return out;
}

}  // namespace anchoralign::detail
