// Terms of a sentence: the numbers of numbers.h and the Latin-script runs of anchors.cpp,
// kept with their offsets so that a report can mark them. Keys follow anchors.cpp ("n:",
// "p:", "m:", "w:") so the two read alike; values print as integers when whole, else with
// six significant digits. A Latin run a number covers (21st, 1990s, "350 million") belongs
// to the number; numbers.h leaves names with digits (GPT-4) to the words.
//
// Tested by check_test.cpp.
#include "check/terms.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "features/numbers.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

constexpr double kSmallSpelled = 10;  // spelled numbers up to this are weak evidence

std::string format_value(double value) {
  char buffer[64];
  const double whole = std::round(value);
  char* end = buffer;
  if (std::abs(value - whole) <= 1e-9 * std::max(1.0, std::abs(value)) && std::abs(whole) < 1e18) {
    end = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(whole)).ptr;
  } else {
    end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6).ptr;
  }
  return std::string(buffer, end);
}

TermMention number_term(const NumberMention& m) {
  TermMention term;
  term.begin = m.begin;
  term.end = m.end;
  term.value = m.value;
  term.number = true;
  term.strong = !m.spelled || m.value > kSmallSpelled;
  const char* prefix = m.percent ? "p:" : m.month ? "m:" : "n:";
  term.key = prefix + format_value(m.value);
  return term;
}

// Chinese text set with spaces around digits ("1 亿", "11 月", as many writers space Latin
// and digits from Han) puts the scale or 月 one space away, where numbers.h does not look.
void extend_spaced_zh(std::string_view text, NumberMention* m) {
  if (m->spelled || m->percent || m->month) return;
  std::size_t pos = m->end, length = 0;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos == m->end || pos >= text.size()) return;
  const char32_t c = decode_utf8(text, pos, &length);
  if (c == U'月' && m->value >= 1 && m->value <= 12 && m->value == std::floor(m->value)) {
    m->month = true;
  } else if (c == U'万' || c == U'亿') {
    m->value *= c == U'万' ? 1e4 : 1e8;
    std::size_t next = 0;
    if (c == U'万' && pos + length < text.size() &&
        decode_utf8(text, pos + length, &next) == U'亿') {
      m->value *= 1e8;
      length += next;
    }
  } else {
    return;
  }
  m->end = pos + length;
}

bool is_ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }

// The w: term of the Latin run [begin, end); false for single letters.
bool latin_term(std::string_view text, std::size_t begin, std::size_t end, bool opening, Lang lang,
                TermMention* term) {
  std::string key = "w:";
  std::size_t letters = 0;
  bool upper_inside = false, capital = false, digit = false;
  for (std::size_t pos = begin, length = 0; pos < end; pos += length, ++letters) {
    const char32_t raw = decode_utf8(text, pos, &length);
    char32_t c = decode_folded(text, pos, &length);
    if (is_ascii_upper(raw) || (raw >= 0xFF21 && raw <= 0xFF3A))
      (pos == begin ? capital : upper_inside) = true;
    digit = digit || is_ascii_digit(c);
    if (c == 0x2019) c = '\'';
    if (c == 0x2010 || c == 0x2011) c = '-';
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) c += 0x20;
    append_utf8(key, c);
  }
  if (key.ends_with("'s")) {
    key.resize(key.size() - 2);
    letters -= 2;
  }
  if (letters < 2) return false;
  term->begin = begin;
  term->end = end;
  term->key = std::move(key);
  term->strong = lang != Lang::kEn || digit || upper_inside || (capital && !opening);
  return true;
}

}  // namespace

std::vector<TermMention> find_terms(std::string_view text, Lang lang) {
  std::vector<NumberMention> numbers =
      lang == Lang::kZh ? find_numbers_zh(text) : find_numbers_en(text);
  if (lang == Lang::kZh) {
    for (NumberMention& m : numbers) extend_spaced_zh(text, &m);
  }
  std::vector<TermMention> out;
  std::size_t next = 0;
  bool opening = true;  // no Latin word yet: a capital here only starts the sentence
  for (std::size_t pos = 0, length = 0; pos < text.size();) {
    for (; next < numbers.size() && numbers[next].begin <= pos; ++next) {
      out.push_back(number_term(numbers[next]));
    }
    const char32_t c = decode_folded(text, pos, &length);
    if (!is_latin_letter(c) && !is_ascii_digit(c)) {
      pos += length;
      continue;
    }
    const LatinRun run = scan_latin_run(text, pos);
    const bool covered = std::any_of(numbers.begin(), numbers.end(), [&](const NumberMention& m) {
      return m.begin < run.end && pos < m.end;
    });
    TermMention term;
    if (run.has_letter && !covered && latin_term(text, pos, run.end, opening, lang, &term)) {
      out.push_back(std::move(term));
    }
    opening = opening && !run.has_letter;
    pos = run.end;
  }
  for (; next < numbers.size(); ++next) out.push_back(number_term(numbers[next]));
  return out;
}

bool same_term(const TermMention& a, const TermMention& b) {
  if (a.number != b.number) return false;
  if (!a.number) return a.key == b.key;
  return std::abs(a.value - b.value) <= 1e-9 * std::max(1.0, std::abs(a.value));
}

}  // namespace anchoralign::detail
