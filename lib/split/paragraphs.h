#pragma once

#include <string_view>
#include <vector>

#include "anchoralign/types.h"

namespace anchoralign::detail {

// Paragraphs of a text: runs of non-blank lines separated by one or more blank
// (whitespace-only) lines. Spans cover the paragraph's lines, outer whitespace excluded.
std::vector<Span> find_paragraphs(std::string_view text);

// The display text of a span: lines wrapped inside it are joined, without a space between
// two Chinese (Han or CJK punctuation) characters or next to full-width punctuation, and with
// one space otherwise (shared punctuation such as “” … takes the script of its neighbours);
// other runs of whitespace collapse to one space; outer whitespace is trimmed.
std::string join_wrapped_lines(std::string_view text);

}  // namespace anchoralign::detail
