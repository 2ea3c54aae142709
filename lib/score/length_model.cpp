// Gale & Church (1993): the target length of a bead is normal around ratio x source length
// with a variance proportional to the length. We measure in weighted characters (Han 3,
// whitespace 0, other 1), where Chinese and English of the same content have a ratio near 1
// (median log-ratio 0.14 on mac-dev, -0.05 on aca), and estimate the ratio per document
// pair. Both lengths are brought to the geometric middle of the two sides' units
// (s = l1 sqrt(ratio), t = l2 / sqrt(ratio)), and the mean of both is the scale, so that
// the cost does not change when source and target swap:
//
//   delta = (t - s) / sqrt(variance x (s + t) / 2)
//   cost  = -log 2 (1 - Phi(|delta|))
//
// Tested by score_test.cpp.
#include "score/length_model.h"

#include <cmath>
#include <vector>

namespace anchoralign::detail {

double weighted_length(std::string_view text) {
  double length = 0;
  for (std::size_t k = 0; k < text.size();) {
    const auto byte = static_cast<unsigned char>(text[k]);
    const std::size_t width = byte < 0x80 ? 1 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : 4;
    if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r') {
      // whitespace carries no content
    } else if (width == 3 && k + 2 < text.size()) {
      const unsigned code = ((byte & 0x0fu) << 12) |
                            ((static_cast<unsigned char>(text[k + 1]) & 0x3fu) << 6) |
                            (static_cast<unsigned char>(text[k + 2]) & 0x3fu);
      const bool han = (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
      length += han ? 3 : 1;
    } else {
      length += 1;
    }
    k += width;
  }
  return length;
}

double exact_tail_cost(double delta) {
  const double z = std::abs(delta) / std::sqrt(2.0);
  if (z < 20) return -std::log(std::erfc(z));
  // erfc(z) ~ exp(-z^2) / (z sqrt(pi)) where it would underflow.
  return z * z + std::log(z * std::sqrt(M_PI));
}

// The search evaluates normal_tail_cost() tens of millions of times on a long document;
// erfc and log were half its time. A table with linear interpolation is within 2e-4 of the
// exact value.
const double* length_model_internal::tail_cost_table() {
  static const std::vector<double> table = [] {
    std::vector<double> values(length_model_internal::kTableSize);
    for (int k = 0; k < length_model_internal::kTableSize; ++k) {
      values[k] = exact_tail_cost(k / length_model_internal::kTableSteps);
    }
    return values;
  }();
  return table.data();
}

double length_cost(double l1, double l2, double ratio, double variance) {
  const double root = std::sqrt(ratio);
  return balanced_length_cost(l1 * root, l2 / root, variance);
}

}  // namespace anchoralign::detail
