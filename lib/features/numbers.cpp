// Numbers in Chinese and English text, reduced to their values: the part both languages share.
//
// Anchors built from these mentions are matched across languages by value, and a false
// match costs more than a missed one, so the rules err on the side of silence. This file
// reads what both languages write alike; numbers_zh.cpp adds Chinese numerals and the Chinese
// words after digits (3亿, 11月), numbers_en.cpp English number words (300 million, twenty-one).
// - Arabic digits (full-width ones folded) with "," thousands groups and a "." decimal part
//   (1,000 / 3.5), percentages (21%), ISO dates (2022-11-30 gives year, month and day, as
//   2022年11月30日 does) and digits with an ordinal or plural suffix (21st, 1990s).
// - Letter-digit tokens (gpt-4, mp3, covid-19) are names, not numbers; dotted digit runs
//   (1.2.3) are section or version numbers and runs of more than 15 digits ids: both give
//   nothing.
// On mac-dev (literary; the rules were tuned there) about 55% of the numbers up to ten and
// 70-80% of the larger ones find the same key in the gold-aligned sentences of the other side.
//
// Tested by features_test.cpp.
#include "features/numbers.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "features/number_text.h"

namespace anchoralign::detail {
namespace {

using std::size_t;
using std::string_view;

bool is_joiner(char32_t c) {
  return c == '-' || c == '.' || c == '_' || c == '\'' || c == 0x2019 || c == 0x2010 || c == 0x2011;
}

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

// 1.2.3 after its first "1.2": a section or version number.
bool is_dotted_continuation(string_view text, size_t pos) {
  size_t length = 0, skip = 0;
  return char_at(text, pos, &length) == '.' && digit_at(text, pos + length, &skip) >= 0;
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

size_t scan_digits(string_view text, size_t begin, size_t run_end, const AlnumScanner& scanner,
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
  } else {
    scanner.extend_digits(text, &m);
  }
  out.push_back(m);
  return m.end;
}

}  // namespace

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

size_t percent_sign(string_view text, size_t pos) {
  size_t length = 0;
  char32_t c = char_at(text, pos, &length);
  if (c == ' ') c = char_at(text, pos += length, &length);
  return c == '%' ? pos + length : kNone;
}

size_t scan_alnum(string_view text, size_t begin, const AlnumScanner& scanner,
                  std::vector<NumberMention>& out) {
  const LatinRun run = scan_latin_run(text, begin);
  if (!run.has_letter) return scan_digits(text, begin, run.end, scanner, out);
  if (run.has_digit) {
    scan_digit_suffix(text, begin, run.end, out);
  } else if (scanner.scan_words != nullptr) {
    return scanner.scan_words(text, begin, run.end, out);
  }
  return run.end;
}

LatinRun scan_latin_run(string_view text, size_t begin) {
  LatinRun run;
  run.end = begin;
  size_t pos = begin, length = 0, segment = 0;  // segment: characters since the last joiner
  bool dotted = false, letter_last = false;
  while (pos < text.size()) {
    // ASCII letters and digits, the bulk of every run, need no decoding.
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') || (byte >= '0' && byte <= '9')) {
      letter_last = byte > '9';
      (letter_last ? run.has_letter : run.has_digit) = true;
      ++segment;
      run.end = ++pos;
      continue;
    }
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

}  // namespace anchoralign::detail
