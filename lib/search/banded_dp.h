// Banded dynamic programming over monotonic beads.
#pragma once

#include <vector>

#include "anchoralign/options.h"
#include "anchoralign/types.h"

namespace anchoralign::detail {

// The cost of joining source [src_begin, src_begin + src_len) with target
// [tgt_begin, tgt_begin + tgt_len) in one bead: a negative log-probability, lower is better.
class BeadCosts {
 public:
  virtual ~BeadCosts() = default;
  virtual double cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const = 0;
};

struct SearchOptions {
  std::vector<BeadType> bead_types;  // must contain 1-0, 0-1 and 1-1
  int min_band = 24;                 // smallest half-width of the band, in target sentences
  // Costs are divided by this before the forward-backward pass that turns them into bead
  // posteriors; larger values give less extreme confidences.
  double temperature = 1.0;
  bool score_beads = true;  // false leaves every score 0 (a first pass needs only the path)
  // Half-width of the band around the best path in which bead posteriors are computed;
  // alignments farther from the best path carry no noticeable probability mass.
  int score_band = 12;
};

// Per source boundary i (0..n), the inclusive range of target boundaries the search visits.
struct Band {
  std::vector<int> lo, hi;
};

// The diagonal band of half-width `radius` from (0, 0) to (n, m).
Band diagonal_band(int n, int m, int radius);

// A band of half-width `radius` around the boundaries a previous alignment passes through.
Band band_around(const Alignment& path, int n, int m, int radius);

// Best alignment of n source and m target sentences inside `band`, scores left 0.
// Time O(cells in band x bead types); memory one byte per cell in band.
Alignment best_path_in_band(int n, int m, const BeadCosts& costs, const SearchOptions& options,
                            const Band& band);

// Sets each bead's score to its posterior probability among all alignments inside `band`
// (forward-backward).
void score_beads(Alignment& path, int n, int m, const BeadCosts& costs,
                 const SearchOptions& options, const Band& band);

// best_path_in_band() then score_beads() in the same band.
Alignment search_in_band(int n, int m, const BeadCosts& costs, const SearchOptions& options,
                         const Band& band);

// Best alignment, widening the band around the path until the path keeps clear of its
// edges; scores are posteriors within score_band of that path. The first band follows
// `guide` (an alignment of the same texts from an earlier pass) when given, else the diagonal.
Alignment search_alignment(int n, int m, const BeadCosts& costs, const SearchOptions& options,
                           const Alignment* guide = nullptr);

}  // namespace anchoralign::detail
