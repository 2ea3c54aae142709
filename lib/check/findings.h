// The stages of check(): which sentences have no counterpart (gaps.cpp) and what disagrees
// inside aligned beads (mismatch.cpp).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "anchoralign/check.h"
#include "anchoralign/types.h"

namespace anchoralign::detail {

// Throws Error unless the beads cover both texts in order, every sentence once.
void check_alignment(const SplitText& original, const SplitText& translation,
                     const Alignment& alignment);

// Sentences with no counterpart, per text: those of 1-0 and 0-1 beads, and those of
// many-to-one beads the other side does not render.
struct Gaps {
  std::vector<bool> original, translation;
};

// Omission and addition findings, one per run of sentences with no counterpart, and *gaps.
std::vector<Finding> find_gaps(const SplitText& original, const SplitText& translation,
                               const Alignment& alignment, const CheckOptions& options, Gaps* gaps);

// Number, term and low-score findings of the beads with sentences on both sides; sentences
// in `gaps` take no part.
std::vector<Finding> find_mismatches(const SplitText& original, const SplitText& translation,
                                     const Alignment& alignment, const Gaps& gaps,
                                     const CheckOptions& options);

// Code points other than whitespace: the size of a text for coverage.
std::size_t visible_characters(std::string_view text);

}  // namespace anchoralign::detail
