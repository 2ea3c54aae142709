// Reading and decoding input files: the one place where raw bytes become Document text, so
// every later stage can rely on valid UTF-8 with '\n' line ends.
// Tested by text_test.cpp.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "clean/markup.h"

namespace anchoralign {
namespace {

// Length of the well-formed UTF-8 sequence at bytes[pos], or 0 when it is malformed:
// stray continuation bytes, overlong forms, surrogates, code points above U+10FFFF and
// sequences cut short all count (Unicode 15, table 3-7).
std::size_t valid_sequence_length(const std::string& bytes, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const unsigned char lead = byte(pos);
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
    return 0;
  }
  if (bytes.size() - pos < length) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// 1-based line of a byte offset, counting LF, CRLF and lone CR as line ends.
std::size_t line_of(const std::string& bytes, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

// Throws on the first NUL or malformed sequence; offsets are 0-based into the file.
void check_utf8(const std::string& bytes, const std::string& name) {
  for (std::size_t pos = 0; pos < bytes.size();) {
    if (bytes[pos] == '\0') {
      throw InputError(name + ": binary file (NUL byte at byte " + std::to_string(pos) + ", line " +
                       std::to_string(line_of(bytes, pos)) + "); expected a UTF-8 text file");
    }
    const std::size_t length = valid_sequence_length(bytes, pos);
    if (length == 0) {
      throw InputError(name + ": invalid UTF-8 at byte " + std::to_string(pos) + " (line " +
                       std::to_string(line_of(bytes, pos)) +
                       "); convert the file to UTF-8, e.g. iconv -f GB18030 -t UTF-8");
    }
    pos += length;
  }
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
  if (std::ferror(file)) throw InputError(path + ": cannot read: " + std::strerror(errno));
  return bytes;
}

}  // namespace

Document decode_document(std::string bytes, const std::string& name, const ReadOptions& options) {
  validate(options);
  check_utf8(bytes, name);
  // The BOM is checked after validation so that error offsets count it like a hex dump does.
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  fold_line_ends(bytes);
  Document document;
  document.name = name;
  document.text = std::move(bytes);
  detail::clean_markup(document, options.format);
  return document;
}

Document read_document(const std::string& path, const ReadOptions& options) {
  if (path == "-") {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) throw InputError("-: cannot read standard input");
    return decode_document(std::move(bytes), path, options);
  }
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) throw InputError(path + ": cannot read: " + std::strerror(errno));
  return decode_document(read_stream(file.get(), path), path, options);
}

}  // namespace anchoralign
