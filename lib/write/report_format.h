// Small formatting pieces shared by the report writers (report_text.cpp, report_json.cpp,
// report_html.cpp): escaping, fixed-point numbers, sentence ranges.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "anchoralign/check.h"

namespace anchoralign::detail {

// A JSON string literal: quotes, backslashes and control characters escaped, other UTF-8
// written as is.
std::string json_quote(std::string_view text);

// Text for HTML element content and attribute values: & < > " ' escaped, characters HTML
// forbids (C0 controls other than tab and line feed, U+FFFE, U+FFFF) replaced by U+FFFD.
std::string html_escape(std::string_view text);

// `value` with `decimals` digits after the point, locale-independent; "0" for non-finite.
std::string fixed(double value, int decimals);

// "12", "12-14" for sentences 12 to 14, "before 12" for a position.
std::string range_label(const SentenceRange& range);

// At most `limit` code points of `text`, with "…" at the end when cut.
std::string shorten(std::string_view text, std::size_t limit);

}  // namespace anchoralign::detail
