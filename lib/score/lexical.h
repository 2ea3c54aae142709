// Word-translation evidence: each sentence as a sparse vector over English lemmas, so a
// bead's lexical similarity is a cosine of summed rows (see lexical.cpp).
#pragma once

#include "anchoralign/types.h"
#include "lexicon/lexicon.h"
#include "score/sparse_overlap.h"

namespace anchoralign::detail {

struct LexicalRows {
  SparseRows source, target;
};

// Rows over a common column space: English lemmas for English sentences, the lemmas a
// Chinese word translates to for Chinese sentences; words with no counterpart in the
// lexicon get columns of their own, which no other side shares.
LexicalRows lexical_rows(const SplitText& source, const SplitText& target, const Lexicon& lexicon);

// Mean cosine of `samples` single-sentence pairs drawn at random (fixed seed): what the
// lexical similarity of two unrelated sentences looks like in this document pair.
double random_pair_cosine(const SparseOverlap& overlap, int n, int m, int samples = 400);

// Cosine of the summed rows of a bead, 0 when a side has no features.
double bead_cosine(const SparseOverlap& overlap, int i, int a, int j, int b);

}  // namespace anchoralign::detail
