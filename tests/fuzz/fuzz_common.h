// Helpers shared by the libFuzzer targets: an invariant check that crashes with a message
// (libFuzzer records any crash as a finding) and independent UTF-8 and whitespace checks,
// written here rather than taken from lib/ so that a bug there cannot hide itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/utf8.h"

namespace fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "INVARIANT BROKEN: %s\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

inline void check(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

// Strict UTF-8: shortest forms only, no surrogates, nothing above U+10FFFF.
inline bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    char32_t c = 0;
    if (b < 0x80) { ++i; continue; }
    if (b >= 0xC2 && b <= 0xDF) { n = 1; c = b & 0x1F; }
    else if (b >= 0xE0 && b <= 0xEF) { n = 2; c = b & 0x0F; }
    else if (b >= 0xF0 && b <= 0xF4) { n = 3; c = b & 0x07; }
    else return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= text.size()) return false;
      const auto t = static_cast<unsigned char>(text[i + k]);
      if ((t & 0xC0) != 0x80) return false;
      c = (c << 6) | (t & 0x3F);
    }
    if ((n == 2 && c < 0x800) || (n == 3 && (c < 0x10000 || c > 0x10FFFF))) return false;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    i += n + 1;
  }
  return true;
}

// The text without its whitespace characters (the library's notion of whitespace).
inline std::string without_spaces(std::string_view text) {
  std::string result;
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += length) {
    const char32_t c = anchoralign::detail::decode_utf8(text, pos, &length);
    if (length == 0) length = 1;
    if (!anchoralign::detail::is_space(c)) result.append(text.substr(pos, length));
  }
  return result;
}

// Splits fuzz input into a selector byte and the rest.
struct Input {
  std::uint8_t selector = 0;
  std::string rest;
};

inline Input take_selector(const std::uint8_t* data, std::size_t size) {
  Input input;
  if (size == 0) return input;
  input.selector = data[0];
  input.rest.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  return input;
}

}  // namespace fuzz
