// Anchors of a sentence and their canonical keys.
//
// Keys and weights (a weight is how far the key can be trusted to mean the same on both
// sides; the scorer keeps only keys found in both documents):
//   n:<value>  numbers (numbers.h): 1.0 in digits; spelled out 0.3 up to ten (一二三, "one"
//              and "first" are often no count at all), 0.6 above.
//   m:<1-12>   months: 11月, 十一月, November; 0.8.
//   p:<value>  percentages, instead of an n: key; 1.0.
//   w:<token>  Latin-script tokens (gpt-4, openai, u.s.), lowered, possessive 's removed,
//              single letters skipped; 1.0. In English text every word is one, since the
//              Chinese side only ever shares names, acronyms and code-like tokens.
//   ?:? !:!    question and exclamation marks, at most one each: 0.5 and 0.3.
//   q:q        a quotation mark anywhere, at most once: 0.2. ' and ’ after a letter or
//              digit are apostrophes (don't, students’), not quotes.
// Values print as integers when whole and otherwise with six significant digits, so the
// same quantity gives the same key from either language.
//
// Tested by features_test.cpp.
#include "features/anchors.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "features/numbers.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

using std::size_t;
using std::string_view;

constexpr float kSmallSpelledWeight = 0.3f;
constexpr float kSpelledWeight = 0.6f;
constexpr float kMonthWeight = 0.8f;
constexpr float kQuestionWeight = 0.5f;
constexpr float kExclamationWeight = 0.3f;
constexpr float kQuoteWeight = 0.2f;

std::string format_value(double value) {
  char buffer[32];
  const double whole = std::round(value);
  char* end = buffer;
  if (std::abs(value - whole) <= 1e-9 * std::max(1.0, std::abs(value)) && std::abs(whole) < 1e18) {
    end = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(whole)).ptr;
  } else {
    end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6).ptr;
  }
  return std::string(buffer, end);
}

Anchor number_anchor(const NumberMention& m) {
  if (m.percent) return {AnchorKind::kPercent, "p:" + format_value(m.value), 1.0f};
  if (m.month) return {AnchorKind::kMonth, "m:" + format_value(m.value), kMonthWeight};
  float weight = 1.0f;
  if (m.spelled) weight = m.value <= 10 ? kSmallSpelledWeight : kSpelledWeight;
  return {AnchorKind::kNumber, "n:" + format_value(m.value), weight};
}

// The w: anchor of the Latin run [begin, end), unless it is a single letter.
void add_latin(string_view text, size_t begin, size_t end, std::vector<Anchor>& out) {
  std::string key = "w:";
  size_t letters = 0;
  for (size_t pos = begin, length = 0; pos < end; pos += length, ++letters) {
    char32_t c = decode_folded(text, pos, &length);
    if (c == 0x2019) c = '\'';
    if (c == 0x2010 || c == 0x2011) c = '-';
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) c += 0x20;  // Latin-1 capitals in raw text
    append_utf8(key, c);
  }
  if (key.ends_with("'s")) {  // openai's = openai
    key.resize(key.size() - 2);
    letters -= 2;
  }
  if (letters >= 2) out.push_back({AnchorKind::kLatin, std::move(key), 1.0f});
}

bool is_quote(string_view text, size_t pos, char32_t c) {
  switch (c) {
    case '"':
    case 0x201C:
    case 0x201D:
    case 0x2018:
    case 0xAB:
    case 0xBB:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0x301D:
    case 0x301E:
      return true;
    case '\'':
    case 0x2019: {
      if (pos == 0) return true;
      size_t length = 0;
      const char32_t before = decode_folded(text, previous_char_start(text, pos), &length);
      return !is_latin_letter(before) && !is_ascii_digit(before);
    }
    default:
      return false;
  }
}

// Whether a number overlaps [begin, end); `next` is the first number not yet emitted, so only
// the one before it can reach back over begin.
bool overlaps_number(const std::vector<NumberMention>& numbers, size_t next, size_t begin,
                     size_t end) {
  return (next > 0 && numbers[next - 1].end > begin) ||
         (next < numbers.size() && numbers[next].begin < end);
}

Lang guess_lang(string_view text) {
  for (size_t pos = 0, length = 0; pos < text.size(); pos += length) {
    if (is_han(decode_utf8(text, pos, &length))) return Lang::kZh;
  }
  return Lang::kEn;
}

}  // namespace

std::vector<Anchor> extract_anchors(string_view text, Lang lang) {
  if (lang == Lang::kUnknown) lang = guess_lang(text);
  const std::vector<NumberMention> numbers =
      lang == Lang::kZh ? find_numbers_zh(text) : find_numbers_en(text);
  std::vector<Anchor> out;
  out.reserve(numbers.size() + 4);
  size_t next = 0;
  bool question = false, exclamation = false, quote = false;
  for (size_t pos = 0, length = 0; pos < text.size();) {
    for (; next < numbers.size() && numbers[next].begin <= pos; ++next) {
      out.push_back(number_anchor(numbers[next]));
    }
    const char32_t c = decode_folded(text, pos, &length);
    if (is_latin_letter(c) || is_ascii_digit(c)) {
      const LatinRun run = scan_latin_run(text, pos);
      if (run.has_letter && !overlaps_number(numbers, next, pos, run.end)) {
        add_latin(text, pos, run.end, out);
      }
      pos = run.end;
      continue;
    }
    if (c == '?' && !question) {
      question = true;
      out.push_back({AnchorKind::kPunct, "?:?", kQuestionWeight});
    } else if (c == '!' && !exclamation) {
      exclamation = true;
      out.push_back({AnchorKind::kPunct, "!:!", kExclamationWeight});
    } else if (!quote && is_quote(text, pos, c)) {
      quote = true;
      out.push_back({AnchorKind::kPunct, "q:q", kQuoteWeight});
    }
    pos += length;
  }
  for (; next < numbers.size(); ++next) out.push_back(number_anchor(numbers[next]));
  return out;
}

}  // namespace anchoralign::detail
