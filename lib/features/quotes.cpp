#include "features/quotes.h"

#include <array>
#include <string_view>

#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

enum class Family { kDouble, kSingle };
enum class Role { kNone, kOpen, kClose };

struct QuoteMark {
  int sentence = 0;
  Family family = Family::kDouble;
  Role role = Role::kOpen;
};

bool is_word_char(char32_t c) {
  return is_latin_letter(c) || is_han(c) || (c >= '0' && c <= '9');
}

// A straight quote opens after a space or opening punctuation and before a word.
bool opens_after(char32_t previous) {
  static constexpr std::u32string_view kOpeners = U"([{—–-\"“‘'";
  return previous == 0 || is_space(previous) || kOpeners.find(previous) != std::u32string_view::npos;
}

Role straight_double_role(char32_t previous, char32_t next) {
  return opens_after(previous) && next != 0 && !is_space(next) ? Role::kOpen : Role::kClose;
}

// ' and ’ are apostrophes inside words (don't, l'd) and after plurals (boys' is taken for a
// closing quote only when a single quotation is open, see quote_marks()).
Role single_role(char32_t mark, char32_t previous, char32_t next) {
  if (mark == U'‘') return Role::kOpen;
  if (opens_after(previous) && is_word_char(next) && mark == '\'') return Role::kOpen;
  if (is_word_char(next)) return Role::kNone;
  static constexpr std::u32string_view kBeforeClose = U".,!?;:—-";
  if (is_word_char(previous) || kBeforeClose.find(previous) != std::u32string_view::npos) {
    return Role::kClose;
  }
  return Role::kNone;
}

QuoteMark classify(char32_t c, char32_t previous, char32_t next, bool english) {
  switch (c) {
    case U'“': case U'「': return {0, Family::kDouble, Role::kOpen};
    case U'”': case U'」': return {0, Family::kDouble, Role::kClose};
    case U'『': return {0, Family::kSingle, Role::kOpen};
    case U'』': return {0, Family::kSingle, Role::kClose};
    case U'"': return {0, Family::kDouble, straight_double_role(previous, next)};
    case U'‘': case U'’': return {0, Family::kSingle, single_role(c, previous, next)};
    case U'\'': return {0, Family::kSingle, english ? single_role(c, previous, next) : Role::kNone};
    default: return {0, Family::kDouble, Role::kNone};
  }
}

std::vector<QuoteMark> quote_marks(const SplitText& text) {
  std::vector<QuoteMark> marks;
  const bool english = text.lang != Lang::kZh;
  for (int i = 0; i < static_cast<int>(text.sentences.size()); ++i) {
    const std::string_view sentence = text.sentences[i].text;
    char32_t previous = 0;
    for (std::size_t pos = 0, length = 0; pos < sentence.size(); pos += length) {
      const char32_t c = decode_utf8(sentence, pos, &length);
      std::size_t next_length = 0;
      const char32_t next = pos + length < sentence.size() ? decode_utf8(sentence, pos + length, &next_length) : 0;
      QuoteMark mark = classify(c, previous, next, english);
      if (mark.role != Role::kNone) {
        mark.sentence = i;
        marks.push_back(mark);
      }
      previous = c;
    }
  }
  return marks;
}

}  // namespace

std::vector<bool> inside_quotation(const SplitText& text) {
  const int n = static_cast<int>(text.sentences.size());
  std::vector<bool> inside(n + 1, false);
  const std::vector<QuoteMark> marks = quote_marks(text);
  for (const Family family : {Family::kDouble, Family::kSingle}) {
    int open = -1;  // sentence of the pending opening mark
    for (const QuoteMark& mark : marks) {
      if (mark.family != family) continue;
      if (mark.role == Role::kOpen) {
        open = mark.sentence;
      } else if (open >= 0) {
        if (mark.sentence - open <= kMaxQuotedSentences) {
          for (int b = open + 1; b <= mark.sentence; ++b) inside[b] = true;
        }
        open = -1;
      }
    }
  }
  inside[0] = inside[n] = false;
  return inside;
}

}  // namespace anchoralign::detail
