// Overlap of the summed sparse feature vectors of a bead's two sides (anchors, word
// translations), from per-sentence rows.
#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <Eigen/SparseCore>

namespace anchoralign::detail {

using SparseRows = Eigen::SparseMatrix<float, Eigen::RowMajor>;  // sentence x feature

// For a bead joining source rows [i, i + a) with target rows [j, j + b), with X and Y the
// sums of those rows: X.Y, |X|^2 and |Y|^2. X.Y is the sum of the pairwise row dot products
// and |X|^2 comes from a table of range sums precomputed for ranges up to kMaxRange rows, so
// a bead touches only its own rows. Tested by score_test.cpp.
class SparseOverlap {
 public:
  static constexpr int kMaxRange = 4;

  struct Sums {
    double cross = 0, source_self = 0, target_self = 0;
  };

  SparseOverlap() = default;
  SparseOverlap(SparseRows source, SparseRows target);

  Sums bead(int i, int a, int j, int b) const;
  // True when some row of the range has a feature; cheap.
  bool source_has(int i, int a) const { return source_.nonzero_prefix[i + a] > source_.nonzero_prefix[i]; }
  bool target_has(int j, int b) const { return target_.nonzero_prefix[j + b] > target_.nonzero_prefix[j]; }

 private:
  struct Side {
    SparseRows rows;
    std::vector<int> nonzero_prefix;                          // rows with features among [0, i)
    std::vector<std::array<float, kMaxRange + 1>> range_self;  // |sum of rows [i, i + a)|^2
  };
  static Side make_side(SparseRows rows);
  static double self(const Side& side, int i, int a);
  double pair_dot(int p, int q) const;

  Side source_, target_;
  // Row-pair dot products already computed: the search asks for the same pair from every
  // bead that covers it, in every pass. One SparseOverlap serves one align() call, on one
  // thread, so the cache needs no lock.
  mutable std::unordered_map<std::uint64_t, float> pair_cache_;
};

}  // namespace anchoralign::detail
