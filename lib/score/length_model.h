// Length evidence: Gale & Church (1993) on a length unit close to 1:1 between Chinese and
// English (see length_model.cpp).
#pragma once

#include <string_view>

namespace anchoralign::detail {

// Length of a text in "weighted characters": 3 per Han character, 0 per whitespace, 1 per
// anything else. Chinese and English texts of the same content measure about the same.
double weighted_length(std::string_view text);

// -log of the two-sided tail probability 2 (1 - Phi(|delta|)) of a standard normal;
// normal_tail_cost() interpolates a table of exact_tail_cost() (error below 2e-4).
double exact_tail_cost(double delta);
double normal_tail_cost(double delta);

// Gale-Church cost of a source length l1 against a target length l2, where `ratio` is the
// document's target per source length and `variance` the variance per unit of mean length.
// Symmetric: length_cost(l1, l2, r, v) == length_cost(l2, l1, 1 / r, v).
double length_cost(double l1, double l2, double ratio, double variance);

// length_cost() of lengths already brought to the common unit: l1 sqrt(ratio), l2 / sqrt(ratio).
double balanced_length_cost(double source, double target, double variance);

}  // namespace anchoralign::detail
