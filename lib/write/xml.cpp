// XML text escaping and the TMX date format. Tested by write_test.cpp.
#include "write/xml.h"

#include <cassert>
#include <charconv>

namespace anchoralign::detail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence starting at text[i] and its code point, or 0
// when the bytes there are not one (stray continuation byte, overlong form, surrogate,
// beyond U+10FFFF, truncated). The input should be valid UTF-8; this keeps the output
// well-formed XML even when it is not.
int decode_utf8(std::string_view text, std::size_t i, char32_t& code_point) {
  const auto lead = static_cast<unsigned char>(text[i]);
  int length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, min = 0x80, code_point = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, min = 0x800, code_point = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, min = 0x10000, code_point = lead & 0x07u;
  } else {
    return 0;
  }
  if (text.size() - i < static_cast<std::size_t>(length)) return 0;
  for (int k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if ((byte & 0xC0u) != 0x80u) return 0;
    code_point = (code_point << 6) | (byte & 0x3Fu);
  }
  if (code_point < min || code_point > 0x10FFFF) return 0;
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
  return length;
}

// XML 1.0 Char production, restricted to what valid UTF-8 can still contain.
bool xml_char(char32_t c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

void append_padded(std::string& out, long long value, int width) {
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  assert(ec == std::errc());
  const auto digits = end - buffer - (value < 0 ? 1 : 0);
  if (value < 0) out += '-';
  for (auto k = digits; k < width; ++k) out += '0';
  out.append(value < 0 ? buffer + 1 : buffer, end);
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = 0;
    const int length = decode_utf8(text, i, c);
    if (length == 0) {
      out += kReplacement;  // drop one byte and resynchronise on the next
      ++i;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (xml_char(c)) {
          out.append(text.substr(i, length));
        } else {
          out += kReplacement;
        }
    }
    i += length;
  }
  return out;
}

// Days to the proleptic Gregorian calendar: Howard Hinnant's civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html). Unlike gmtime it needs no time_t
// range, no locale and no global state, and it is exact for negative days.
std::string tmx_date(long long unix_seconds) {
  constexpr long long kDay = 86400;
  long long days = unix_seconds / kDay;
  long long seconds = unix_seconds % kDay;
  if (seconds < 0) seconds += kDay, --days;  // floor division
  const long long z = days + 719468;         // days since 0000-03-01
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long day_of_era = z - era * 146097;
  const long long year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long long day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long long mp = (5 * day_of_year + 2) / 153;  // month counted from March
  const long long day = day_of_year - (153 * mp + 2) / 5 + 1;
  const long long month = mp < 10 ? mp + 3 : mp - 9;
  const long long year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);

  std::string out;
  append_padded(out, year, 4);
  append_padded(out, month, 2);
  append_padded(out, day, 2);
  out += 'T';
  append_padded(out, seconds / 3600, 2);
  append_padded(out, seconds / 60 % 60, 2);
  append_padded(out, seconds % 60, 2);
  out += 'Z';
  return out;
}

}  // namespace anchoralign::detail
