// Sentence splitting with ICU's break iterator, tailored for Chinese and English.
#pragma once

#include <string_view>
#include <vector>

#include "anchoralign/types.h"

namespace anchoralign::detail {

// Sentence spans inside `paragraph` of `text`, in order, covering every non-space character
// of the paragraph exactly once (outer whitespace of each sentence excluded).
// Chinese: ends after 。！？ ?! and the closing quotes/brackets that follow, and after ……
// when a Han character or an opening quote follows (not in a stutter, 我……我); an opening
// quote after 。 starts the next sentence; ；： do not end sentences.
// English: abbreviations (Mr. Dr. U.S. e.g. Inc. St., No. before a number ...), initials
// and decimals do not end sentences; "a.m." before a capital does.
// A line break is a wrapped line, not a break, unless most lines of the paragraph end with a
// terminator (text written one sentence per line). No sentence is only a list number ("3.")
// or only punctuation. kUnknown uses the Chinese rules for a paragraph containing Han
// characters. Thread-safe.
std::vector<Span> split_sentences(std::string_view text, Span paragraph, Lang lang);

}  // namespace anchoralign::detail
