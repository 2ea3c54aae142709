// ICU at the door: decoding bytes in any ICU encoding to UTF-8, and guessing the encoding of
// bytes that are not UTF-8. Every position reported is a byte offset into the original file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace anchoralign::detail {

inline constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

// An encoding name resolved through ICU's alias table.
struct Charset {
  std::string icu_name;  // the converter to open
  std::string display;   // its standard name, for messages and Document::encoding
  bool utf8 = false;     // UTF-8 itself: decoded without ICU
  int unit_size = 1;     // 2 for UTF-16, 4 for UTF-32: there NUL bytes belong to characters
};

// Resolves an encoding name as ICU does (case and punctuation do not matter). GBK, GB2312 and
// their aliases resolve to GB18030, which decodes every file they decode, and more.
// Throws OptionError when ICU knows no such encoding.
Charset resolve_charset(const std::string& name);

// The result of decoding: UTF-8 text and the first invalid sequence, if any.
struct Decoded {
  std::string text;  // invalid sequences as U+FFFD when replacing; else the text before the first
  std::size_t invalid_offset = kNoOffset;  // byte offset into the file of the first one
  std::size_t invalid_line = 0;            // its 1-based line (when not replacing)
};

// Decodes file[begin, end) (begin skips a BOM) with `charset`; without `replace` it stops at
// the first invalid sequence. Throws InputError naming `name` when ICU fails otherwise.
Decoded decode_with_icu(std::string_view file, std::size_t begin, const Charset& charset,
                        bool replace, const std::string& name);

// ICU's confidence, in [0, 100], that bytes are in an encoding.
struct CharsetGuess {
  std::string name;
  int confidence = 0;
};

// ICU's charset detection on the first 64 KiB of bytes; best guesses first.
std::vector<CharsetGuess> guess_charsets(std::string_view bytes);

// 1 + the number of line ends (LF, CRLF, lone CR) in text: the line at its end.
std::size_t line_at_end(std::string_view text);

}  // namespace anchoralign::detail
