// Numbers in every written form, reduced to their value.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace anchoralign::detail {

// A number found in text: its value, where it is (byte offsets) and how it was written.
struct NumberMention {
  double value = 0;
  std::size_t begin = 0, end = 0;
  bool percent = false;  // 21% / 百分之二十一 / 21 percent
  bool spelled = false;  // written in words or Chinese numerals rather than digits
  bool month = false;    // 11月 / November: value is the month 1-12
};

// Value of a run of Chinese numerals: 二十一 = 21, 三亿 = 3e8, 一千零五 = 1005, 两万 = 2e4,
// 三千五 = 3500; a run without units reads digit by digit (二〇二二 = 2022, 七八 = 78: whether
// that is a number or a range is for the context to say, see find_numbers_zh). nullopt when
// the run is malformed (十七八, 五百三千) or holds anything but numerals.
std::optional<double> parse_chinese_numeral(std::string_view text);

// Numbers in Chinese text, in text order: Arabic digits (with , separators and decimals),
// Chinese numerals, digits with 万/亿 scales (3亿, 1.5万), percentages, N月 months. Lone 一,
// names (王二), idioms (七上八下) and vague runs (几十, 七八) give nothing; see numbers_zh.cpp.
std::vector<NumberMention> find_numbers_zh(std::string_view text);

// Numbers in English text, in text order: digits (1,000 / 3.5), scales (300 million, 1.5
// billion), number words (twenty-one, three hundred), ordinals (21st, third), decades (the
// eighties), percentages, month names. A lone "one" or "first" and ranges ("eight or nine")
// give nothing; see numbers_en.cpp.
std::vector<NumberMention> find_numbers_en(std::string_view text);

// Scanning helpers shared with anchors.cpp.

// The code point at text[pos] (pos < text.size()) with the full-width ASCII forms U+FF01-U+FF5E
// folded to ASCII and upper-case ASCII lowered, so raw text scans like normalised text.
inline char32_t decode_folded(std::string_view text, std::size_t pos, std::size_t* length) {
  char32_t c = decode_utf8(text, pos, length);
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
  if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  return c;
}

inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// A maximal run of Latin letters and digits joined by single internal - . _ ' ’ (gpt-4,
// don't, 3.5), plus the final dot of letter-dot abbreviations (u.s., e.g.).
struct LatinRun {
  std::size_t end = 0;
  bool has_letter = false, has_digit = false;
};

// The run starting at text[begin], a Latin letter or digit; at any other character the run is
// that character alone, with neither flag set, so callers always advance.
LatinRun scan_latin_run(std::string_view text, std::size_t begin);

}  // namespace anchoralign::detail
