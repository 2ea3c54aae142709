// Small UTF-8 and character-class helpers shared by the text and split stages. They work on
// byte offsets so every result stays an offset into Document::text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace anchoralign::detail {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// The code point starting at text[pos] (pos < text.size()); its byte length goes to *length.
// Document text is valid UTF-8, but these helpers also see arbitrary slices, so a malformed or
// truncated sequence decodes as U+FFFD of length 1 and callers always advance.
inline char32_t decode_utf8(std::string_view text, std::size_t pos, std::size_t* length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  *length = 1;
  if (lead < 0x80) return lead;
  std::size_t count = 0;
  char32_t cp = 0, min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    count = 1, cp = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    count = 2, cp = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    count = 3, cp = lead & 0x07, min = 0x10000;
  } else {
    return kReplacementChar;
  }
  if (text.size() - pos <= count) return kReplacementChar;
  for (std::size_t i = 1; i <= count; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return kReplacementChar;
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacementChar;
  *length = count + 1;
  return cp;
}

// Start of the code point that ends at `end` (end > 0): steps back over continuation bytes.
// Appends the UTF-8 encoding of code point c.
inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

inline std::size_t previous_char_start(std::string_view text, std::size_t end) {
  std::size_t pos = end - 1;
  for (int i = 0; i < 3 && pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80; ++i) {
    --pos;
  }
  return pos;
}

// CJK Unified Ideographs with extensions A-G, and the compatibility ideographs.
inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;
}

// ASCII letters, Latin-1 and Latin Extended letters, and full-width Latin letters.
inline bool is_latin_letter(char32_t c) {
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}

// Punctuation that only Chinese (and Japanese) text uses: the CJK symbols block (。、「」『』
// 《》【】…) and the full-width forms (！（），：；？). Curly quotes, … and — are shared with
// English and so are not in this class.
inline bool is_cjk_punctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F && c != 0x3007) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || (c >= 0xFE30 && c <= 0xFE4F);
}

// Characters ICU treats as hard line or paragraph separators.
inline bool is_line_break(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

// Unicode White_Space plus the invisible zero-width space and BOM, which only ever appear
// as formatting debris. Sentences and paragraphs are trimmed of exactly these characters.
inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || is_line_break(c) || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Byte length of the whitespace character at text[pos], or 0 when it is not whitespace.
inline std::size_t space_length_at(std::string_view text, std::size_t pos) {
  std::size_t length = 0;
  return is_space(decode_utf8(text, pos, &length)) ? length : 0;
}

// Span [begin, end) with outer whitespace removed; empty (begin == end) when all whitespace.
inline void trim_spaces(std::string_view text, std::size_t* begin, std::size_t* end) {
  while (*begin < *end) {
    const std::size_t length = space_length_at(text, *begin);
    if (length == 0) break;
    *begin += length;
  }
  while (*end > *begin) {
    const std::size_t start = previous_char_start(text, *end);
    if (start < *begin || space_length_at(text, start) != *end - start) break;
    *end = start;
  }
}

}  // namespace anchoralign::detail
