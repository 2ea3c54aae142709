// Reading and decoding input files: the one place where raw bytes become Document text, so
// every later stage can rely on valid UTF-8 with '\n' line ends.
//
// With encoding "auto" the decision goes, first match wins:
//   1. a byte-order mark: UTF-8, UTF-16LE/BE or UTF-32LE/BE;
//   2. NUL bytes: UTF-16 without a BOM when every NUL sits at the same parity of offset, at
//      least half the code units hold one, and the bytes decode cleanly; else binary;
//   3. well-formed UTF-8 (so pure ASCII), or UTF-8 with at most one ill-formed sequence per ten
//      well-formed multi-byte ones (a damaged UTF-8 file; GB18030 text has more bad than good);
//   4. ICU charset detection: GB18030 or Big5 when ICU's confidence is at least 60 and 20
//      ahead of the other, and the whole file decodes in it (Big5-HKSCS as Big5's fallback);
//   5. otherwise an InputError listing ICU's guesses. Latin encodings are only guessed, never
//      chosen: ICU rates two Big5 characters as ISO-8859-1 with confidence 98.
// Short Chinese texts (up to 10 characters) never reach confidence 60 in ICU, so they are
// refused rather than risk GB18030/Big5 mojibake. Error offsets are bytes of the original file
// (BOM included) and lines are counted in the text decoded up to the error.
// Tested by text_test.cpp.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "clean/markup.h"
#include "text/charset.h"

namespace anchoralign {
namespace {

using namespace std::string_view_literals;
using detail::Charset;
using detail::CharsetGuess;
using detail::Decoded;
using detail::kNoOffset;

constexpr int kMinConfidence = 60;  // ICU confidence, out of 100, to accept GB18030 or Big5
constexpr int kMinLead = 20;        // ...and its lead over the other of the two

constexpr std::string_view kUtf8Advice =
    "repair the file, pass --on-invalid replace to decode bad bytes as U+FFFD, or give its "
    "encoding with --encoding NAME (iconv -f NAME -t UTF-8 converts it)";

// What the decoding produced, and the name of the encoding it used.
struct Decoding {
  std::string text;
  std::string encoding;
};

struct Bom {
  std::string_view bytes;
  const char* encoding;
};

// UTF-32LE first: FF FE 00 00 is its BOM, not a UTF-16LE BOM and U+0000.
constexpr Bom kBoms[] = {{"\xFF\xFE\0\0"sv, "UTF-32LE"},
                         {"\0\0\xFE\xFF"sv, "UTF-32BE"},
                         {"\xEF\xBB\xBF"sv, "UTF-8"},
                         {"\xFF\xFE"sv, "UTF-16LE"},
                         {"\xFE\xFF"sv, "UTF-16BE"}};

const Bom* find_bom(std::string_view bytes) {
  for (const Bom& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) return &bom;
  }
  return nullptr;
}

// Length of the UTF-8 sequence at bytes[pos] and whether it is well formed (Unicode 15, table
// 3-7: stray continuation bytes, overlong forms, surrogates, code points above U+10FFFF and
// sequences cut short are not). An ill-formed sequence is as long as its maximal subpart, at
// least 1: what one U+FFFD replaces, as in ICU and the WHATWG decoder.
std::size_t sequence_length(std::string_view bytes, std::size_t pos, bool* valid) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const unsigned char lead = byte(pos);
  *valid = true;
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    *valid = false;
    return 1;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (pos + i >= bytes.size() || byte(pos + i) < low || byte(pos + i) > high) {
      *valid = false;
      return i;
    }
    low = 0x80, high = 0xBF;
  }
  return length;
}

// What one pass over the bytes learns about them as UTF-8.
struct Utf8Scan {
  std::size_t first_invalid = kNoOffset, first_nul = kNoOffset;
  std::size_t invalid = 0;    // ill-formed sequences (maximal subparts)
  std::size_t multibyte = 0;  // well-formed sequences of 2 to 4 bytes
  std::size_t chars = 0;      // both, and ASCII bytes
  std::size_t nuls_at_even = 0, nuls_at_odd = 0;
};

Utf8Scan scan_utf8(std::string_view bytes, std::size_t begin) {
  Utf8Scan scan;
  for (std::size_t pos = begin; pos < bytes.size(); ++scan.chars) {
    if (static_cast<unsigned char>(bytes[pos]) - 1u < 0x7Fu) {  // ASCII but NUL: most bytes
      ++pos;
      continue;
    }
    if (bytes[pos] == '\0') {
      if (scan.first_nul == kNoOffset) scan.first_nul = pos;
      ++(pos % 2 == 0 ? scan.nuls_at_even : scan.nuls_at_odd);
    }
    bool valid = true;
    const std::size_t length = sequence_length(bytes, pos, &valid);
    if (!valid) {
      if (scan.first_invalid == kNoOffset) scan.first_invalid = pos;
      ++scan.invalid;
    } else if (length > 1) {
      ++scan.multibyte;
    }
    pos += length;
  }
  return scan;
}

std::string replace_invalid_utf8(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size() + bytes.size() / 2);
  for (std::size_t pos = 0; pos < bytes.size();) {
    bool valid = true;
    const std::size_t length = sequence_length(bytes, pos, &valid);
    if (valid) {
      text.append(bytes.substr(pos, length));
    } else {
      text.append("\xEF\xBF\xBD");
    }
    pos += length;
  }
  return text;
}

// 1-based line of a byte offset in an ASCII-compatible file.
std::size_t line_of(std::string_view bytes, std::size_t offset) {
  return detail::line_at_end(bytes.substr(0, offset));
}

std::string at(std::size_t offset, std::size_t line) {
  return "byte " + std::to_string(offset) + " (line " + std::to_string(line) + ")";
}

InputError invalid_error(const std::string& name, const std::string& encoding, std::size_t offset,
                         std::size_t line, std::string_view advice) {
  return InputError(name + ": invalid " + encoding + " at " + at(offset, line) + "; " +
                        std::string(advice),
                    name, line, offset);
}

[[noreturn]] void throw_binary(const std::string& name, std::size_t offset, std::size_t line,
                               const std::string& hint = "") {
  throw InputError(name + ": binary file (NUL byte at byte " + std::to_string(offset) + ", line " +
                   std::to_string(line) +
                   "); expected text in UTF-8, UTF-16 with a byte-order mark, GB18030 or Big5" +
                       hint,
                   name, line, offset);
}

// UTF-8 after a BOM of `begin` bytes: the bytes themselves, checked or repaired.
Decoding take_utf8(std::string bytes, std::size_t begin, const Utf8Scan& scan,
                   const std::string& name, InvalidBytes on_invalid) {
  if (scan.first_nul != kNoOffset) {
    throw_binary(name, scan.first_nul, line_of(bytes, scan.first_nul));
  }
  if (scan.first_invalid != kNoOffset) {
    if (on_invalid == InvalidBytes::kError) {
      throw invalid_error(name, "UTF-8", scan.first_invalid, line_of(bytes, scan.first_invalid),
                          kUtf8Advice);
    }
    return {replace_invalid_utf8(std::string_view(bytes).substr(begin)), "UTF-8"};
  }
  bytes.erase(0, begin);
  return {std::move(bytes), "UTF-8"};
}

// Offset of the first code unit of `unit_size` zero bytes at or after `begin`.
std::size_t first_zero_unit(std::string_view bytes, std::size_t begin, int unit_size) {
  const auto size = static_cast<std::size_t>(unit_size);
  for (std::size_t pos = begin; pos + size <= bytes.size(); pos += size) {
    if (bytes.substr(pos, size).find_first_not_of('\0') == std::string_view::npos) return pos;
  }
  return bytes.size();
}

Decoding take_icu(std::string_view bytes, std::size_t begin, const Charset& charset,
                  const std::string& name, InvalidBytes on_invalid) {
  const bool replace = on_invalid == InvalidBytes::kReplace;
  Decoded decoded = detail::decode_with_icu(bytes, begin, charset, replace, name);
  if (decoded.invalid_offset != kNoOffset && !replace) {
    throw invalid_error(name, charset.display, decoded.invalid_offset, decoded.invalid_line,
                        "check the file's encoding, or pass --on-invalid replace to decode bad "
                        "bytes as U+FFFD");
  }
  const std::size_t nul = decoded.text.find('\0');
  if (nul != std::string::npos) {
    throw_binary(name, first_zero_unit(bytes, begin, charset.unit_size),
                 detail::line_at_end(std::string_view(decoded.text).substr(0, nul)));
  }
  return {std::move(decoded.text), charset.display};
}

// NUL bytes and no BOM (step 2 of the file comment).
Decoding decode_with_nuls(const std::string& bytes, const Utf8Scan& scan, const std::string& name) {
  const std::size_t nuls = scan.nuls_at_even + scan.nuls_at_odd;
  std::string hint;
  // One stray NUL in UTF-8 text also sits at one parity: hint only when UTF-16 is likely.
  if (bytes.size() % 2 == 0 && (scan.nuls_at_even == 0 || scan.nuls_at_odd == 0) &&
      (nuls * 4 >= bytes.size() || scan.invalid > 0)) {
    const Charset charset =
        detail::resolve_charset(scan.nuls_at_even == 0 ? "UTF-16LE" : "UTF-16BE");
    hint = "; if it is " + charset.display + " without a byte-order mark, pass --encoding " +
           charset.display;
    if (nuls * 4 >= bytes.size()) {
      Decoded decoded = detail::decode_with_icu(bytes, 0, charset, false, name);
      if (decoded.invalid_offset == kNoOffset && decoded.text.find('\0') == std::string::npos) {
        return {std::move(decoded.text), charset.display};
      }
    }
  }
  throw_binary(name, scan.first_nul, line_of(bytes, scan.first_nul), hint);
}

bool is_chinese_charset(const std::string& name) { return name == "GB18030" || name == "Big5"; }

// ICU's best Chinese guess when it is confident and well ahead of the other; else nullptr.
const CharsetGuess* confident_chinese(const std::vector<CharsetGuess>& guesses) {
  const CharsetGuess* best = nullptr;
  for (const CharsetGuess& guess : guesses) {
    if (!is_chinese_charset(guess.name)) continue;
    if (best != nullptr) {
      return guess.confidence + kMinLead <= best->confidence ? best : nullptr;
    }
    if (guess.confidence < kMinConfidence) return nullptr;
    best = &guess;
  }
  return best;
}

// Up to three guesses for the message; ICU's UTF-16 and UTF-32 guesses only mean "no NULs seen".
std::string describe(const std::vector<CharsetGuess>& guesses) {
  std::string text;
  int listed = 0;
  for (const CharsetGuess& guess : guesses) {
    if (guess.name.starts_with("UTF-") || guess.confidence == 0 || listed == 3) continue;
    text += (listed++ == 0 ? "" : ", ") + guess.name + " (confidence " +
            std::to_string(guess.confidence) + ")";
  }
  return listed == 0 ? "none" : text;
}

InputError undetected_error(const std::string& name, std::string_view bytes, const Utf8Scan& scan,
                            const std::vector<CharsetGuess>& guesses, const std::string& failure) {
  // The best Chinese guess, else the best other one, when ICU saw any evidence (above 10).
  std::string example = "GB18030";
  for (const bool chinese : {true, false}) {
    const auto found = std::find_if(guesses.begin(), guesses.end(), [&](const auto& guess) {
      return guess.confidence > 10 && !guess.name.starts_with("UTF-") &&
             (!chinese || is_chinese_charset(guess.name));
    });
    if (found != guesses.end()) {
      example = found->name;
      break;
    }
  }
  return InputError(name + ": invalid UTF-8 at " +
                    at(scan.first_invalid, line_of(bytes, scan.first_invalid)) +
                    ", and its encoding is unclear (best guesses: " + describe(guesses) + ")" +
                        failure + "; pass --encoding NAME, e.g. --encoding " + example +
                        ", or convert the file with iconv -f NAME -t UTF-8",
                    name, line_of(bytes, scan.first_invalid), scan.first_invalid);
}

// Neither UTF-8 nor UTF-16 (steps 4 and 5 of the file comment).
Decoding decode_detected(std::string bytes, const Utf8Scan& scan, const std::string& name,
                         InvalidBytes on_invalid) {
  const std::vector<CharsetGuess> guesses = detail::guess_charsets(bytes);
  const CharsetGuess* chosen = confident_chinese(guesses);
  std::string failure;
  if (chosen != nullptr) {
    std::vector<std::string> candidates{chosen->name};
    if (chosen->name == "Big5") candidates.emplace_back("Big5-HKSCS");
    for (const std::string& candidate : candidates) {
      const Charset charset = detail::resolve_charset(candidate);
      Decoded decoded = detail::decode_with_icu(bytes, 0, charset, false, name);
      if (decoded.invalid_offset == kNoOffset) return {std::move(decoded.text), charset.display};
      if (failure.empty()) {
        failure = "; it looks like " + chosen->name + " but has an invalid sequence at " +
                  at(decoded.invalid_offset, decoded.invalid_line);
      }
    }
    if (on_invalid == InvalidBytes::kReplace) {
      return take_icu(bytes, 0, detail::resolve_charset(chosen->name), name, on_invalid);
    }
  }
  // A few stray bytes in ASCII text: the caller asked for U+FFFD rather than an error.
  if (on_invalid == InvalidBytes::kReplace && scan.invalid * 100 <= scan.chars) {
    return take_utf8(std::move(bytes), 0, scan, name, on_invalid);
  }
  throw undetected_error(name, bytes, scan, guesses, failure);
}

Decoding decode_auto(std::string bytes, const std::string& name, InvalidBytes on_invalid) {
  if (const Bom* bom = find_bom(bytes)) {
    const Charset charset = detail::resolve_charset(bom->encoding);
    if (!charset.utf8) return take_icu(bytes, bom->bytes.size(), charset, name, on_invalid);
    const Utf8Scan scan = scan_utf8(bytes, bom->bytes.size());
    return take_utf8(std::move(bytes), bom->bytes.size(), scan, name, on_invalid);
  }
  const Utf8Scan scan = scan_utf8(bytes, 0);
  if (scan.first_nul != kNoOffset) return decode_with_nuls(bytes, scan, name);
  if (scan.invalid * 10 <= scan.multibyte) {
    return take_utf8(std::move(bytes), 0, scan, name, on_invalid);
  }
  return decode_detected(std::move(bytes), scan, name, on_invalid);
}

// A BOM fits the encoding it names, and UTF-16 or UTF-32 of either byte order.
bool bom_fits(const Bom& bom, const Charset& charset) {
  return std::string_view(bom.encoding).starts_with(charset.display);
}

Decoding decode_named(std::string bytes, const std::string& name, const ReadOptions& options) {
  const Charset charset = detail::resolve_charset(options.encoding);
  const Bom* bom = find_bom(bytes);
  if (bom != nullptr && !bom_fits(*bom, charset)) {
    throw InputError(name + ": starts with a " + bom->encoding + " byte-order mark, but the " +
                         "encoding " + charset.display + " was asked for; pass --encoding auto",
                     name, 1, 0);
  }
  if (charset.utf8) {
    const std::size_t begin = bom == nullptr ? 0 : bom->bytes.size();
    const Utf8Scan scan = scan_utf8(bytes, begin);
    return take_utf8(std::move(bytes), begin, scan, name, options.on_invalid);
  }
  const std::size_t nul = bytes.find('\0');
  if (charset.unit_size == 1 && nul != std::string::npos) {
    throw_binary(name, nul, line_of(bytes, nul));
  }
  Decoding decoding = take_icu(bytes, 0, charset, name, options.on_invalid);
  // ICU keeps the BOM as U+FEFF when the name gives the byte order (UTF-16LE, GB18030).
  if (decoding.text.starts_with("\xEF\xBB\xBF")) decoding.text.erase(0, 3);
  return decoding;
}

bool is_auto(std::string_view encoding) {
  return encoding.size() == 4 && std::equal(encoding.begin(), encoding.end(), "auto",
                                            [](char a, char b) { return (a | 0x20) == b; });
}

// CRLF and lone CR become LF, in place.
void fold_line_ends(std::string& text) {
  std::size_t out = 0;
  for (std::size_t in = 0; in < text.size(); ++in) {
    if (text[in] == '\r') {
      if (in + 1 < text.size() && text[in + 1] == '\n') ++in;
      text[out++] = '\n';
    } else {
      text[out++] = text[in];
    }
  }
  text.resize(out);
}

std::string read_stream(std::FILE* file, const std::string& path) {
  std::string bytes;
  char buffer[1 << 16];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, count);
  if (std::ferror(file)) throw InputError(path + ": cannot read: " + std::strerror(errno), path);
  return bytes;
}

}  // namespace

Document decode_document(std::string bytes, const std::string& name, const ReadOptions& options) {
  validate(options);
  Decoding decoding = is_auto(options.encoding)
                          ? decode_auto(std::move(bytes), name, options.on_invalid)
                          : decode_named(std::move(bytes), name, options);
  fold_line_ends(decoding.text);
  Document document;
  document.name = name;
  document.text = std::move(decoding.text);
  document.encoding = std::move(decoding.encoding);
  detail::clean_markup(document, options.format);
  return document;
}

Document read_document(const std::string& path, const ReadOptions& options) {
  if (path == "-") {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) throw InputError("-: cannot read standard input", path);
    return decode_document(std::move(bytes), path, options);
  }
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) throw InputError(path + ": cannot read: " + std::strerror(errno), path);
  return decode_document(read_stream(file.get(), path), path, options);
}

}  // namespace anchoralign
