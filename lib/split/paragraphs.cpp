// Paragraphs and the display text of wrapped lines.
// Tested by split_test.cpp.
#include "split/paragraphs.h"

#include <string>

#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

enum class Side { kChinese, kOther, kNeutral };

// Punctuation that Chinese and English share (curly quotes, ellipsis, dashes, ASCII quotes):
// it says nothing about which script a line break sits in.
bool is_shared_punctuation(char32_t c) {
  return (c >= 0x2010 && c <= 0x201F) || c == 0x2026 || c == 0x22EF || c == '"' || c == '\'';
}

Side side_of(char32_t c) {
  if (is_shared_punctuation(c)) return Side::kNeutral;
  return is_han(c) || is_cjk_punctuation(c) ? Side::kChinese : Side::kOther;
}

// The script on the left of text[end] (or right of text[begin]), looking past a few shared
// punctuation marks: 好。”⏎她 joins like 。⏎她, but Hello.”⏎“Yes like .⏎Y.
Side left_side(std::string_view text, std::size_t end) {
  for (int i = 0; i < 8 && end > 0; ++i) {
    end = previous_char_start(text, end);
    std::size_t length = 0;
    const Side side = side_of(decode_utf8(text, end, &length));
    if (side != Side::kNeutral) return side;
  }
  return Side::kNeutral;
}

Side right_side(std::string_view text, std::size_t begin) {
  std::size_t length = 0;
  for (int i = 0; i < 8 && begin < text.size(); ++i, begin += length) {
    const Side side = side_of(decode_utf8(text, begin, &length));
    if (side != Side::kNeutral) return side;
  }
  return Side::kNeutral;
}

// Whether a line break between text[..left_end) and text[right_begin..) disappears: between
// Chinese on both sides (shared punctuation taking the side of its neighbours), and next to
// full-width punctuation, which carries its own spacing.
bool joins_without_space(std::string_view text, std::size_t left_end, std::size_t right_begin) {
  std::size_t length = 0;
  const char32_t before = decode_utf8(text, previous_char_start(text, left_end), &length);
  const char32_t after = decode_utf8(text, right_begin, &length);
  if (is_cjk_punctuation(before) || is_cjk_punctuation(after)) return true;
  const Side left = left_side(text, left_end), right = right_side(text, right_begin);
  if (left == Side::kOther || right == Side::kOther) return false;
  return left == Side::kChinese || right == Side::kChinese;
}

}  // namespace

std::vector<Span> find_paragraphs(std::string_view text) {
  std::vector<Span> paragraphs;
  bool open = false;
  Span current;
  for (std::size_t line_begin = 0; line_begin <= text.size();) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::size_t begin = line_begin, end = line_end;
    trim_spaces(text, &begin, &end);
    if (begin < end) {
      if (!open) current.begin = begin;
      current.end = end;
      open = true;
    } else if (open) {
      paragraphs.push_back(current);
      open = false;
    }
    line_begin = line_end + 1;
  }
  if (open) paragraphs.push_back(current);
  return paragraphs;
}

std::string join_wrapped_lines(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  trim_spaces(text, &begin, &end);
  std::string result;
  result.reserve(end - begin);
  for (std::size_t pos = begin; pos < end;) {
    std::size_t length = space_length_at(text, pos);
    if (length == 0) {
      decode_utf8(text, pos, &length);
      result.append(text.substr(pos, length));
      pos += length;
      continue;
    }
    // A run of whitespace: one space, or nothing when it wraps a Chinese line.
    const std::size_t run_begin = pos;
    bool has_line_break = false;
    while (pos < end) {
      const char32_t c = decode_utf8(text, pos, &length);
      if (!is_space(c)) break;
      has_line_break = has_line_break || is_line_break(c);
      pos += length;
    }
    if (!has_line_break || !joins_without_space(text, run_begin, pos)) result += ' ';
  }
  return result;
}

}  // namespace anchoralign::detail
