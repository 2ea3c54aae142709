// Quotation state at sentence boundaries: whether a boundary lies inside a quotation.
//
// A Chinese sentence that ends inside “……” is usually rendered by an English sentence that
// ends inside "……" or '……' too, so bead edges where one side is inside a quotation and the
// other is not are unlikely (FIELD.md: the quote-state check was worth 0.026 strict F1 to our
// prototype on mac-dev).
#pragma once

#include <vector>

#include "anchoralign/types.h"

namespace anchoralign::detail {

// Quotations longer than this many sentences are taken for a stray or unclosed quote mark.
constexpr int kMaxQuotedSentences = 8;

// inside[i] (0 <= i <= n) is true when the boundary before sentence i (after sentence i-1)
// lies inside a quotation: an opening mark in sentence o < i whose closing mark is in
// sentence c >= i, with c - o <= kMaxQuotedSentences. Boundaries 0 and n are never inside.
// Marks: “” 「」 for double quotes, ‘’ 『』 for single ones, and straight " and ' told apart
// from apostrophes by their neighbours (English uses ' both for quotes and for don't).
std::vector<bool> inside_quotation(const SplitText& text);

}  // namespace anchoralign::detail
