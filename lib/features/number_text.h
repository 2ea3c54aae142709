// Scanning helpers shared by numbers.cpp, numbers_zh.cpp and numbers_en.cpp; no other file
// should need them (the rest of the library uses numbers.h).
#pragma once

#include <cmath>
#include <cstddef>
#include <string_view>
#include <vector>

#include "features/numbers.h"
#include "text/utf8.h"

namespace anchoralign::detail {

// Beyond 15 digits a double loses integers; such runs are ids, not quantities.
inline constexpr int kMaxDigits = 15;
inline constexpr std::size_t kNone = std::string_view::npos;

// decode_folded, or 0 (with *length 0) at the end of the text, so scans may look past it.
inline char32_t char_at(std::string_view text, std::size_t pos, std::size_t* length) {
  if (pos >= text.size()) {
    *length = 0;
    return 0;
  }
  return decode_folded(text, pos, length);
}

inline char32_t char_at(std::string_view text, std::size_t pos) {
  std::size_t length = 0;
  return char_at(text, pos, &length);
}

inline bool is_alnum(char32_t c) { return is_ascii_digit(c) || is_latin_letter(c); }

inline bool is_month_value(double value) {
  return value >= 1 && value <= 12 && value == std::floor(value);
}

// A number in Arabic digits: its value and end; not valid when too long to be a quantity.
struct Parsed {
  double value = 0;
  std::size_t end = 0;
  bool valid = false;
};

// Digits at pos with "," thousands groups (only after 1-3 leading digits, exactly three per
// group) and a "." decimal part. The digits are consumed whole even when not valid.
Parsed parse_arabic(std::string_view text, std::size_t pos);

// 21%, 21 %: the end of the sign, or kNone.
std::size_t percent_sign(std::string_view text, std::size_t pos);

// What each language adds to the shared scan of Latin letter and digit runs.
struct AlnumScanner {
  // Extends a number in digits that has no % sign: scales (3亿, 300 million), months (11月),
  // percent words (21 percent).
  void (*extend_digits)(std::string_view text, NumberMention* m);
  // Scans a run of letters only, [begin, run_end), and returns where to go on; null when
  // words hold no numbers in this language.
  std::size_t (*scan_words)(std::string_view text, std::size_t begin, std::size_t run_end,
                            std::vector<NumberMention>& out);
};

// Appends the numbers of the scan_latin_run run at text[begin] (a Latin letter or digit) to
// out: digits, ISO dates, 21st and 1990s, and what `scanner` finds. Returns where to go on.
std::size_t scan_alnum(std::string_view text, std::size_t begin, const AlnumScanner& scanner,
                       std::vector<NumberMention>& out);

}  // namespace anchoralign::detail
