#include "score/sparse_overlap.h"

#include <algorithm>

namespace anchoralign::detail {

SparseOverlap::SparseOverlap(SparseRows source, SparseRows target)
    : source_(make_side(std::move(source))), target_(make_side(std::move(target))) {}

SparseOverlap::Side SparseOverlap::make_side(SparseRows rows) {
  Side side;
  rows.makeCompressed();
  const int n = static_cast<int>(rows.rows());
  side.nonzero_prefix.assign(n + 1, 0);
  for (int i = 0; i < n; ++i) {
    side.nonzero_prefix[i + 1] = side.nonzero_prefix[i] + (rows.row(i).nonZeros() > 0);
  }
  side.range_self.assign(n, {});
  for (int i = 0; i < n; ++i) {
    if (side.nonzero_prefix[std::min(n, i + kMaxRange)] == side.nonzero_prefix[i]) continue;
    Eigen::SparseVector<float> sum(rows.cols());
    for (int a = 1; a <= kMaxRange && i + a <= n; ++a) {
      sum += rows.row(i + a - 1).transpose();
      side.range_self[i][a] = sum.squaredNorm();
    }
  }
  side.rows = std::move(rows);
  return side;
}

double SparseOverlap::self(const Side& side, int i, int a) {
  if (a == 0) return 0;
  if (a <= kMaxRange) return side.range_self[i][a];
  Eigen::SparseVector<float> sum(side.rows.cols());
  for (int k = i; k < i + a; ++k) sum += side.rows.row(k).transpose();
  return sum.squaredNorm();
}

double SparseOverlap::pair_dot(int p, int q) const {
  if (target_.rows.row(q).nonZeros() == 0) return 0;
  const std::uint64_t key = (static_cast<std::uint64_t>(p) << 32) | static_cast<std::uint32_t>(q);
  auto [it, fresh] = pair_cache_.try_emplace(key, 0.0f);
  if (fresh) it->second = source_.rows.row(p).dot(target_.rows.row(q));
  return it->second;
}

SparseOverlap::Sums SparseOverlap::bead(int i, int a, int j, int b) const {
  Sums sums;
  const bool source_any = source_has(i, a), target_any = target_has(j, b);
  if (source_any) sums.source_self = self(source_, i, a);
  if (target_any) sums.target_self = self(target_, j, b);
  if (!source_any || !target_any) return sums;
  for (int p = i; p < i + a; ++p) {
    if (source_.rows.row(p).nonZeros() == 0) continue;
    for (int q = j; q < j + b; ++q) sums.cross += pair_dot(p, q);
  }
  return sums;
}

}  // namespace anchoralign::detail
