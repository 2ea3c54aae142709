#include "score/sparse_overlap.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace anchoralign::detail {

SparseRows SparseBuilder::build(int rows, int column_count) const {
  assert(static_cast<int>(starts.size()) == rows + 1);
  SparseRows matrix(rows, column_count);
  matrix.resizeNonZeros(static_cast<Eigen::Index>(columns.size()));
  std::copy(starts.begin(), starts.end(), matrix.outerIndexPtr());
  std::copy(columns.begin(), columns.end(), matrix.innerIndexPtr());
  std::copy(values.begin(), values.end(), matrix.valuePtr());
  return matrix;
}

SparseOverlap::SparseOverlap(SparseRows&& source, SparseRows&& target)
    : source_(make_side(source)), target_(make_side(target)) {}

SparseOverlap::Side SparseOverlap::make_side(SparseRows& rows) {
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
  side.inverse_norm.assign(n, 0);
  for (int i = 0; i < n; ++i) {
    if (side.range_self[i][1] > 0) side.inverse_norm[i] = 1 / std::sqrt(side.range_self[i][1]);
  }
  side.rows.swap(rows);
  return side;
}

double SparseOverlap::long_self(const Side& side, int i, int a) {
  Eigen::SparseVector<float> sum(side.rows.cols());
  for (int k = i; k < i + a; ++k) sum += side.rows.row(k).transpose();
  return sum.squaredNorm();
}

namespace {

// The first position in columns[begin, end) holding `column` or more: galloping from
// `begin`, since the next match is usually near.
int seek(const int* columns, int begin, int end, int column) {
  int step = 1, low = begin, high = begin;
  while (high < end && columns[high] < column) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  return static_cast<int>(std::lower_bound(columns + low, columns + std::min(high, end), column) -
                          columns);
}

std::uint32_t column_hash(int column) {
  return (static_cast<std::uint32_t>(column) * 0x9e3779b1u) >> 12;
}

}  // namespace

const SparseOverlap::RowIndex* SparseOverlap::source_index(int p) const {
  RowIndex& index = row_index_[static_cast<std::size_t>(p & (kCacheRows - 1))];
  if (index.row == p) return &index;
  if (index.candidate != p) {
    index.candidate = p;
    return nullptr;
  }
  const SparseRows& x = source_.rows;
  const int begin = x.outerIndexPtr()[p], end = x.outerIndexPtr()[p + 1];
  std::uint32_t size = 16;
  while (size < 2u * static_cast<std::uint32_t>(end - begin)) size *= 2;
  index.row = p;
  index.mask = size - 1;
  index.columns.assign(size, -1);
  index.values.resize(size);
  for (int k = begin; k < end; ++k) {
    std::uint32_t slot = column_hash(x.innerIndexPtr()[k]) & index.mask;
    while (index.columns[slot] >= 0) slot = (slot + 1) & index.mask;
    index.columns[slot] = x.innerIndexPtr()[k];
    index.values[slot] = x.valuePtr()[k];
  }
  return &index;
}

// Every way below adds the same products as Eigen's merge of the two rows (x.y, source value
// first) in the same increasing column order, so gives the same float: a search makes a
// dot product of a Chinese sentence (whose words have several translations each) with an
// English one about ten times cheaper than the merge.
float SparseOverlap::compute_dot(int p, int q) const {
  const SparseRows& x = source_.rows;
  const SparseRows& y = target_.rows;
  int k = x.outerIndexPtr()[p], l = y.outerIndexPtr()[q];
  const int k_end = x.outerIndexPtr()[p + 1], l_end = y.outerIndexPtr()[q + 1];
  const int* const x_column = x.innerIndexPtr();
  const int* const y_column = y.innerIndexPtr();
  float dot = 0;
  const RowIndex* index =
      k_end - k >= kIndexedRow && k_end - k >= l_end - l ? source_index(p) : nullptr;
  if (index) {
    // A long source row: probe its table for each target column.
    for (; l < l_end; ++l) {
      std::uint32_t slot = column_hash(y_column[l]) & index->mask;
      while (index->columns[slot] >= 0 && index->columns[slot] != y_column[l]) {
        slot = (slot + 1) & index->mask;
      }
      if (index->columns[slot] >= 0) dot += index->values[slot] * y.valuePtr()[l];
    }
  } else if (k_end - k <= l_end - l) {
    // Walk the shorter row, search the longer one.
    for (; k < k_end; ++k) {
      l = seek(y_column, l, l_end, x_column[k]);
      if (l == l_end) break;
      if (y_column[l] == x_column[k]) dot += x.valuePtr()[k] * y.valuePtr()[l++];
    }
  } else {
    for (; l < l_end; ++l) {
      k = seek(x_column, k, k_end, y_column[l]);
      if (k == k_end) break;
      if (x_column[k] == y_column[l]) dot += x.valuePtr()[k++] * y.valuePtr()[l];
    }
  }
  return dot;
}

}  // namespace anchoralign::detail
