// Language detection by script share.
//
// A Chinese sentence and its English translation have roughly three English letters per
// Han character (FIELD.md: 2.9-4.0 characters, spaces included), so "latin / 3" puts the two
// scripts on a common scale of content. A text is Chinese when Han characters make up at
// least a fifth of that content, i.e. han >= latin / 12. This keeps Chinese prose full of
// English names and terms ("OpenAI的Sam在博客上…", Han share well above 50%) Chinese, and
// English prose that quotes a few Chinese words (a share of a few per cent) English.
// Tested by text_test.cpp.
#include "text/language.h"

#include "anchoralign/pipeline.h"
#include "text/utf8.h"

namespace anchoralign {
namespace detail {
namespace {

// Latin letters per Han character at which a text stops counting as Chinese.
constexpr std::size_t kLatinPerHan = 12;

}  // namespace

ScriptCounts count_scripts(std::string_view text) {
  ScriptCounts counts;
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += length) {
    const char32_t c = decode_utf8(text, pos, &length);
    if (is_han(c)) {
      ++counts.han;
    } else if (is_latin_letter(c)) {
      ++counts.latin;
    }
  }
  return counts;
}

Lang language_of(const ScriptCounts& counts) {
  if (counts.han == 0 && counts.latin == 0) return Lang::kUnknown;
  return counts.han * kLatinPerHan >= counts.latin ? Lang::kZh : Lang::kEn;
}

}  // namespace detail

Lang detect_language(const std::string& text) {
  return detail::language_of(detail::count_scripts(text));
}

}  // namespace anchoralign
