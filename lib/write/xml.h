#pragma once

#include <string>
#include <string_view>

namespace anchoralign::detail {

// Escape text for XML element content and attribute values (& < > " '), replacing
// characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) with U+FFFD.
std::string xml_escape(std::string_view text);

// TMX date "YYYYMMDDThhmmssZ" of a Unix time in UTC.
std::string tmx_date(long long unix_seconds);

}  // namespace anchoralign::detail
