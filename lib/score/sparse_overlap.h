// Overlap of the summed sparse feature vectors of a bead's two sides (anchors, word
// translations), from per-sentence rows.
#pragma once

#include <Eigen/SparseCore>
#include <array>
#include <cstdint>
#include <vector>

namespace anchoralign::detail {

using SparseRows = Eigen::SparseMatrix<float, Eigen::RowMajor>;  // sentence x feature

// SparseRows built a row at a time, each row's columns increasing and distinct: leaner than
// a list of triplets for documents of 100k sentences.
struct SparseBuilder {
  std::vector<int> starts{0};  // row i is columns/values [starts[i], starts[i + 1])
  std::vector<int> columns;
  std::vector<float> values;

  SparseRows build(int rows, int column_count) const;
};

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
  // Takes the rows over (Eigen's sparse matrices have no move constructor, so a by-value
  // parameter would copy them).
  SparseOverlap(SparseRows&& source, SparseRows&& target);

  // Per row of a bead's longer side (the source side when a >= b): its dot product with
  // the other side's sum, and 1 / its norm (0 for a row without features).
  struct Member {
    double cross = 0, inverse_norm = 0;
  };
  using Members = std::array<Member, kMaxRange>;

  // X.Y, |X|^2 and |Y|^2 of the bead; with `members`, also each row of the longer side
  // (which must be at most kMaxRange rows) from the same pair products.
  Sums bead(int i, int a, int j, int b, Members* members = nullptr) const {
    Sums sums;
    const bool source_any = source_has(i, a), target_any = target_has(j, b);
    if (source_any) sums.source_self = self(source_, i, a);
    if (target_any) sums.target_self = self(target_, j, b);
    if (!source_any || !target_any) return sums;
    const bool source_longer = a >= b;
    if (members) {
      for (int k = 0; k < (source_longer ? a : b); ++k) {
        (*members)[k] = {0, (source_longer ? source_ : target_).inverse_norm[source_longer ? i + k : j + k]};
      }
    }
    for (int p = i; p < i + a; ++p) {
      if (row_empty(source_, p)) continue;
      for (int q = j; q < j + b; ++q) {
        const float dot = pair_dot(p, q);
        sums.cross += dot;
        if (members) (*members)[source_longer ? p - i : q - j].cross += dot;
      }
    }
    return sums;
  }
  // True when some row of the range has a feature; cheap.
  bool source_has(int i, int a) const {
    return source_.nonzero_prefix[i + a] > source_.nonzero_prefix[i];
  }
  bool target_has(int j, int b) const {
    return target_.nonzero_prefix[j + b] > target_.nonzero_prefix[j];
  }

 private:
  struct Side {
    SparseRows rows;
    std::vector<int> nonzero_prefix;                           // rows with features among [0, i)
    std::vector<std::array<float, kMaxRange + 1>> range_self;  // |sum of rows [i, i + a)|^2
    std::vector<float> inverse_norm;                           // 1 / |row i|, 0 when empty

    // Moves swap the rows, which Eigen would copy.
    Side() = default;
    Side(Side&& other) noexcept { *this = std::move(other); }
    Side& operator=(Side&& other) noexcept {
      rows.swap(other.rows);
      nonzero_prefix = std::move(other.nonzero_prefix);
      range_self = std::move(other.range_self);
      inverse_norm = std::move(other.inverse_norm);
      return *this;
    }
  };
  // One remembered row-pair dot product; source row -1 marks a free entry.
  struct PairDot {
    std::int32_t p = -1, q = 0;
    float dot = 0;
  };
  // The pair cache holds kCacheRows consecutive source rows by kCacheColumns consecutive
  // target rows (each taken modulo), enough for the rows a band search visits at once.
  static constexpr int kCacheRows = 8, kCacheColumns = 2048;
  static constexpr int kIndexedRow = 32;  // source rows this long are probed, not merged

  // A source row's columns in a small open-addressing table, so that a dot product with a
  // much shorter target row costs one probe per target column. Kept for the kCacheRows
  // source rows a band search visits at once; built on a row's second request in a row of
  // requests to its slot, so that rows asked for once are not indexed for nothing.
  struct RowIndex {
    int row = -1, candidate = -1;
    std::uint32_t mask = 0;
    std::vector<int> columns;  // -1 is free
    std::vector<float> values;
  };
  // The index of source row p, nullptr when it is not worth building yet.
  const RowIndex* source_index(int p) const;

  static Side make_side(SparseRows& rows);
  static double self(const Side& side, int i, int a) {
    if (a == 0) return 0;
    return a <= kMaxRange ? side.range_self[i][a] : long_self(side, i, a);
  }
  static double long_self(const Side& side, int i, int a);
  static bool row_empty(const Side& side, int i) {
    return side.rows.outerIndexPtr()[i + 1] == side.rows.outerIndexPtr()[i];
  }
  float pair_dot(int p, int q) const {
    if (row_empty(target_, q)) return 0;
    if (pair_cache_.empty()) pair_cache_.resize(kCacheRows * kCacheColumns);
    PairDot& entry = pair_cache_[static_cast<std::size_t>((p & (kCacheRows - 1)) * kCacheColumns +
                                                          (q & (kCacheColumns - 1)))];
    if (entry.p != p || entry.q != q) entry = {p, q, compute_dot(p, q)};
    return entry.dot;
  }
  float compute_dot(int p, int q) const;

  Side source_, target_;
  // Row-pair dot products already computed: the search asks for the same pair from every
  // bead that covers it, in the same and the next rows. Direct-mapped (a pair overwrites
  // whatever held its entry), so its size is fixed however long the documents; a pair
  // recomputed gives the same float. One SparseOverlap serves one align() call, on one
  // thread, so the cache needs no lock.
  mutable std::vector<PairDot> pair_cache_;
  mutable std::array<RowIndex, kCacheRows> row_index_;
};

}  // namespace anchoralign::detail
