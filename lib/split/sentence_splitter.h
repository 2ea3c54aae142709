// Sentence splitting with ICU's break iterator, tailored for Chinese and English.
#pragma once

#include <string_view>
#include <vector>

#include "anchoralign/types.h"

namespace anchoralign::detail {

// Sentence spans inside `paragraph` of `text`, in order, covering every non-space character
// of the paragraph exactly once (outer whitespace of each sentence excluded).
// Chinese: ends after 。！？… ?! and the closing quotes/brackets that follow; an opening
// quote after 。 starts the next sentence; ；： do not end sentences.
// English: abbreviations (Mr. Dr. No. U.S. e.g. Inc. St. a.m. ...) and decimals do not end
// sentences. A line break is a wrapped line, not a break, unless most lines of the paragraph
// end with a terminator (text written one sentence per line). kUnknown uses the Chinese
// rules for a paragraph containing Han characters. Thread-safe.
std::vector<Span> split_sentences(std::string_view text, Span paragraph, Lang lang);

}  // namespace anchoralign::detail
