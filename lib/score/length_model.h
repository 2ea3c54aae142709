// Length evidence: Gale & Church (1993) on a length unit close to 1:1 between Chinese and
// English (see length_model.cpp).
#pragma once

#include <cmath>
#include <string_view>

namespace anchoralign::detail {

// Length of a text in "weighted characters": 3 per Han character, 0 per whitespace, 1 per
// anything else. Chinese and English texts of the same content measure about the same.
double weighted_length(std::string_view text);

// -log of the two-sided tail probability 2 (1 - Phi(|delta|)) of a standard normal;
// normal_tail_cost() (below) interpolates a table of it (error below 2e-4).
double exact_tail_cost(double delta);

// Gale-Church cost of a source length l1 against a target length l2, where `ratio` is the
// document's target per source length and `variance` the variance per unit of mean length.
// Symmetric: length_cost(l1, l2, r, v) == length_cost(l2, l1, 1 / r, v).
double length_cost(double l1, double l2, double ratio, double variance);

// The search evaluates the two functions below tens of millions of times on a long
// document, from bead_scorer.cpp: defined here so that they are inlined there.

namespace length_model_internal {
constexpr double kTableSteps = 64;  // table entries per unit of delta
constexpr int kTableSize = 40 * 64 + 2;
// exact_tail_cost(k / kTableSteps) for k < kTableSize.
const double* tail_cost_table();
}  // namespace length_model_internal

inline double normal_tail_cost(double delta) {
  using namespace length_model_internal;
  static const double* const table = tail_cost_table();
  // Multiplying by 64 is exact, as dividing by the step 1/64 was.
  const double x = std::abs(delta) * kTableSteps;
  if (!(x < kTableSize - 1)) return exact_tail_cost(delta);
  const int k = static_cast<int>(x);
  const double fraction = x - k;
  return table[k] + fraction * (table[k + 1] - table[k]);
}

// length_cost() of lengths already brought to the common unit: l1 sqrt(ratio), l2 / sqrt(ratio).
inline double balanced_length_cost(double source, double target, double variance) {
  const double mean = (source + target) / 2;
  if (mean <= 0) return 0;
  return normal_tail_cost((target - source) / std::sqrt(variance * mean));
}

}  // namespace anchoralign::detail
