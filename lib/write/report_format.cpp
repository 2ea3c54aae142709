#include "write/report_format.h"

#include <charconv>
#include <cmath>

#include "text/utf8.h"
#include "write/xml.h"

namespace anchoralign::detail {

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::string html_escape(std::string_view text) {
  // XML's escaping covers HTML's: the same five characters, the same forbidden controls.
  return xml_escape(text);
}

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "0";
  char buffer[512];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  std::string out(buffer, result.ec == std::errc() ? result.ptr : buffer);
  if (out.starts_with('-') && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
  return out;
}

std::string range_label(const SentenceRange& range) {
  if (range.count == 0) return "before " + std::to_string(range.begin);
  if (range.count == 1) return std::to_string(range.begin);
  return std::to_string(range.begin) + "-" + std::to_string(range.begin + range.count - 1);
}

std::string shorten(std::string_view text, std::size_t limit) {
  std::size_t pos = 0, length = 0;
  for (std::size_t count = 0; pos < text.size() && count < limit; pos += length, ++count) {
    decode_utf8(text, pos, &length);
  }
  if (pos >= text.size()) return std::string(text);
  return std::string(text.substr(0, pos)) + "…";
}

}  // namespace anchoralign::detail
