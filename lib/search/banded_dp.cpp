// Banded dynamic programming over monotonic beads (Gale & Church 1993; Moore 2002).
//
// Boundaries (i, j) mean "the first i source and j target sentences are aligned". A bead of
// type a-b moves from (i, j) to (i + a, j + b) at cost C(i, a, j, b) (a negative
// log-probability from BeadCosts). The best alignment minimises the summed cost:
//
//   V(0, 0) = 0,   V(i, j) = min over types a-b of V(i - a, j - b) + C(i - a, a, j - b, b).
//
// Only boundaries inside a band are visited: for each i, target boundaries lo[i]..hi[i].
// The first band follows the diagonal from (0, 0) to (n, m); when the best path comes close
// to an edge of the band (an edge that is not the edge of the whole matrix), the band is
// doubled in width and re-centred on that path (Moore's iterative widening), so documents
// whose translation drifts from the diagonal still get their best path. Time is
// O(n x band width x bead types), linear in the length of the documents; the Viterbi pass
// keeps one byte per cell (the best bead type into it) and the costs of the last few rows
// only, so a band of millions of cells takes megabytes.
//
// Confidence: with the costs read as negative log-weights at temperature T, the
// forward-backward algorithm gives each bead of the best path its posterior probability:
// exp(alpha(i, j) - C / T + beta(i + a, j + b) - alpha(n, m)). It runs once, in a narrow
// band around the final best path: the exp/log work is the costliest part of the search,
// and alignments far from the best path carry no noticeable probability mass.
// Forward and backward values are stored as floats relative to a per-row offset, so
// they keep their precision on documents with 100k sentences.
//
// Tested by search_test.cpp.
#include "search/banded_dp.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>

namespace anchoralign::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint8_t kNoBack = 0xff;

// Cell storage for a band: row i holds target boundaries lo[i]..hi[i].
class BandGrid {
 public:
  explicit BandGrid(const Band& band) : band_(band), row_start_(band.lo.size() + 1, 0) {
    for (std::size_t i = 0; i < band.lo.size(); ++i) {
      row_start_[i + 1] = row_start_[i] + static_cast<std::size_t>(band.hi[i] - band.lo[i] + 1);
    }
  }
  bool contains(int i, int j) const {
    return i >= 0 && i < rows() && j >= band_.lo[i] && j <= band_.hi[i];
  }
  std::size_t at(int i, int j) const {
    return row_start_[i] + static_cast<std::size_t>(j - band_.lo[i]);
  }
  std::size_t size() const { return row_start_.back(); }
  int rows() const { return static_cast<int>(band_.lo.size()); }
  int lo(int i) const { return band_.lo[i]; }
  int hi(int i) const { return band_.hi[i]; }

 private:
  const Band& band_;
  std::vector<std::size_t> row_start_;
};

double log_add(double x, double y) {
  if (x == -kInf) return y;
  if (y == -kInf) return x;
  const double top = std::max(x, y);
  return top + std::log1p(std::exp(-std::abs(x - y)));
}

// Log-domain values stored as float offsets from one double per row.
class RowRelative {
 public:
  RowRelative(const BandGrid& grid)
      : grid_(grid), value_(grid.size(), -kInf), offset_(grid.rows(), 0) {}
  double get(int i, int j) const {
    const float v = value_[grid_.at(i, j)];
    return v == -std::numeric_limits<float>::infinity() ? -kInf : offset_[i] + v;
  }
  // Stores a finished row; `row` holds the exact values of row i in band order.
  void set_row(int i, const std::vector<double>& row) {
    double top = -kInf;
    for (double v : row) top = std::max(top, v);
    offset_[i] = top == -kInf ? 0 : top;
    for (std::size_t k = 0; k < row.size(); ++k) {
      value_[grid_.at(i, grid_.lo(i)) + k] = row[k] == -kInf
                                                 ? -std::numeric_limits<float>::infinity()
                                                 : static_cast<float>(row[k] - offset_[i]);
    }
  }

 private:
  const BandGrid& grid_;
  std::vector<float> value_;
  std::vector<double> offset_;
};

// The Viterbi pass keeps one byte per cell, the best incoming bead type; costs are kept only
// for the rows that beads can still reach back to.
std::vector<std::uint8_t> viterbi(const BandGrid& grid, const BeadCosts& costs,
                                  const SearchOptions& options) {
  const auto& types = options.bead_types;
  std::vector<std::uint8_t> back(grid.size(), kNoBack);
  int depth = 1;
  for (const BeadType& type : types) depth = std::max(depth, type.src + 1);
  std::vector<std::vector<double>> recent(static_cast<std::size_t>(depth));  // row i at i % depth
  // Where each bead type comes from in the current row: its predecessor row and band.
  struct Reach {
    const double* row = nullptr;
    int lo = 0, hi = -1;
  };
  std::vector<Reach> reach(types.size());
  for (int i = 0; i < grid.rows(); ++i) {
    std::vector<double>& row = recent[static_cast<std::size_t>(i % depth)];
    row.assign(static_cast<std::size_t>(grid.hi(i) - grid.lo(i) + 1), kInf);
    assert(i > 0 || grid.lo(0) == 0);
    if (i == 0) row[0] = 0;
    for (std::size_t t = 0; t < types.size(); ++t) {
      // Same-row predecessors are final: 0-1 beads come from smaller j, already visited.
      const int pi = i - types[t].src;
      reach[t] = pi < 0 ? Reach{}
                        : Reach{recent[static_cast<std::size_t>(pi % depth)].data(), grid.lo(pi),
                                grid.hi(pi)};
    }
    for (int j = grid.lo(i); j <= grid.hi(i); ++j) {
      double& best = row[static_cast<std::size_t>(j - grid.lo(i))];
      std::uint8_t& best_type = back[grid.at(i, j)];
      for (std::size_t t = 0; t < types.size(); ++t) {
        const int pj = j - types[t].tgt;
        if (pj < reach[t].lo || pj > reach[t].hi) continue;
        const double before = reach[t].row[pj - reach[t].lo];
        if (before == kInf) continue;
        const double total = before + costs.cost(i - types[t].src, types[t].src, pj, types[t].tgt);
        if (total < best) {
          best = total;
          best_type = static_cast<std::uint8_t>(t);
        }
      }
    }
  }
  return back;
}

void forward(const BandGrid& grid, const BeadCosts& costs, const SearchOptions& options,
             RowRelative& alpha) {
  const auto& types = options.bead_types;
  std::vector<double> alpha_row;
  for (int i = 0; i < grid.rows(); ++i) {
    alpha_row.assign(static_cast<std::size_t>(grid.hi(i) - grid.lo(i) + 1), -kInf);
    for (int j = grid.lo(i); j <= grid.hi(i); ++j) {
      double& log_sum = alpha_row[static_cast<std::size_t>(j - grid.lo(i))];
      if (i == 0 && j == 0) {
        log_sum = 0;
        continue;
      }
      for (const BeadType& type : types) {
        const int pi = i - type.src, pj = j - type.tgt;
        if (!grid.contains(pi, pj)) continue;
        // Same-row predecessors are final: 0-1 beads come from smaller j, already visited.
        const double before =
            pi == i ? alpha_row[static_cast<std::size_t>(pj - grid.lo(i))] : alpha.get(pi, pj);
        if (before == -kInf) continue;
        log_sum =
            log_add(log_sum, before - costs.cost(pi, type.src, pj, type.tgt) / options.temperature);
      }
    }
    alpha.set_row(i, alpha_row);
  }
}

void backward(const BandGrid& grid, const BeadCosts& costs, const SearchOptions& options,
              RowRelative& beta) {
  const auto& types = options.bead_types;
  const int n = grid.rows() - 1;
  std::vector<double> beta_row;
  for (int i = n; i >= 0; --i) {
    beta_row.assign(static_cast<std::size_t>(grid.hi(i) - grid.lo(i) + 1), -kInf);
    for (int j = grid.hi(i); j >= grid.lo(i); --j) {
      double& log_sum = beta_row[static_cast<std::size_t>(j - grid.lo(i))];
      if (i == n && j == grid.hi(n)) {
        log_sum = 0;
        continue;
      }
      for (const BeadType& type : types) {
        const int ni = i + type.src, nj = j + type.tgt;
        if (!grid.contains(ni, nj)) continue;
        const double after =
            ni == i ? beta_row[static_cast<std::size_t>(nj - grid.lo(i))] : beta.get(ni, nj);
        if (after == -kInf) continue;
        log_sum =
            log_add(log_sum, after - costs.cost(i, type.src, j, type.tgt) / options.temperature);
      }
    }
    beta.set_row(i, beta_row);
  }
}

Alignment trace_back(const BandGrid& grid, const std::vector<std::uint8_t>& back,
                     const SearchOptions& options, int n, int m) {
  Alignment path;
  int i = n, j = m;
  while (i > 0 || j > 0) {
    const std::uint8_t t = back[grid.at(i, j)];
    assert(t != kNoBack);
    const BeadType type = options.bead_types[t];
    i -= type.src;
    j -= type.tgt;
    path.push_back(Bead{i, type.src, j, type.tgt, 0});
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// Makes lo and hi non-decreasing and consecutive rows overlap, so that 1-0 and 0-1 beads
// connect (0, 0) to (n, m) inside the band.
void make_connected(Band& band, int m) {
  const int rows = static_cast<int>(band.lo.size());
  band.lo.front() = 0;
  band.hi.back() = m;
  for (int i = rows - 2; i >= 0; --i) band.lo[i] = std::min(band.lo[i], band.lo[i + 1]);
  for (int i = 1; i < rows; ++i) band.hi[i] = std::max(band.hi[i], band.hi[i - 1]);
  for (int i = 0; i + 1 < rows; ++i) band.hi[i] = std::max(band.hi[i], band.lo[i + 1]);
  for (int i = 0; i < rows; ++i) {
    band.lo[i] = std::clamp(band.lo[i], 0, m);
    band.hi[i] = std::clamp(band.hi[i], band.lo[i], m);
  }
}

// True when the path passes within `margin` of a band edge that is not a matrix edge.
bool touches_edge(const Alignment& path, const Band& band, int m, int margin) {
  for (const Bead& bead : path) {
    const int i = bead.src_begin, j = bead.tgt_begin;
    if (band.lo[i] > 0 && j - band.lo[i] < margin) return true;
    if (band.hi[i] < m && band.hi[i] - j < margin) return true;
  }
  return false;
}

}  // namespace

Band diagonal_band(int n, int m, int radius) {
  Band band{std::vector<int>(n + 1), std::vector<int>(n + 1)};
  for (int i = 0; i <= n; ++i) {
    const int centre = n == 0 ? 0 : static_cast<int>((static_cast<long long>(i) * m + n / 2) / n);
    band.lo[i] = centre - radius;
    band.hi[i] = centre + radius;
  }
  make_connected(band, m);
  return band;
}

Band band_around(const Alignment& path, int n, int m, int radius) {
  Band band{std::vector<int>(n + 1, m), std::vector<int>(n + 1, 0)};
  auto cover = [&](int i, int j) {
    band.lo[i] = std::min(band.lo[i], j - radius);
    band.hi[i] = std::max(band.hi[i], j + radius);
  };
  for (const Bead& bead : path) {
    for (int k = 0; k <= bead.src_len; ++k) {
      const int j = bead.tgt_begin + (bead.src_len == 0 ? 0 : bead.tgt_len * k / bead.src_len);
      cover(bead.src_begin + k, j);
    }
    cover(bead.src_begin, bead.tgt_begin + bead.tgt_len);  // 0-1 beads widen their row
  }
  cover(n, m);
  make_connected(band, m);
  return band;
}

Alignment best_path_in_band(int n, int m, const BeadCosts& costs, const SearchOptions& options,
                            const Band& band) {
  assert(static_cast<int>(band.lo.size()) == n + 1);
  const BandGrid grid(band);
  return trace_back(grid, viterbi(grid, costs, options), options, n, m);
}

void score_beads(Alignment& path, int n, int m, const BeadCosts& costs,
                 const SearchOptions& options, const Band& band) {
  assert(static_cast<int>(band.lo.size()) == n + 1);
  const BandGrid grid(band);
  RowRelative alpha(grid), beta(grid);
  forward(grid, costs, options, alpha);
  backward(grid, costs, options, beta);
  const double log_total = alpha.get(n, m);
  for (Bead& bead : path) {
    const double bead_cost = costs.cost(bead.src_begin, bead.src_len, bead.tgt_begin, bead.tgt_len);
    const double log_posterior =
        alpha.get(bead.src_begin, bead.tgt_begin) - bead_cost / options.temperature +
        beta.get(bead.src_begin + bead.src_len, bead.tgt_begin + bead.tgt_len) - log_total;
    bead.score = std::clamp(std::exp(log_posterior), 0.0, 1.0);
  }
}

Alignment search_in_band(int n, int m, const BeadCosts& costs, const SearchOptions& options,
                         const Band& band) {
  Alignment path = best_path_in_band(n, m, costs, options, band);
  score_beads(path, n, m, costs, options, band);
  return path;
}

Alignment search_alignment(int n, int m, const BeadCosts& costs, const SearchOptions& options,
                           const Alignment* guide) {
  int radius = std::max(options.min_band, 1);
  Band band = guide ? band_around(*guide, n, m, radius) : diagonal_band(n, m, radius);
  for (;;) {
    Alignment path = best_path_in_band(n, m, costs, options, band);
    const bool whole_matrix = band.lo.back() == 0 && band.hi.front() == m;
    if (whole_matrix || !touches_edge(path, band, m, std::max(2, radius / 4))) {
      if (options.score_beads) {
        score_beads(path, n, m, costs, options, band_around(path, n, m, options.score_band));
      }
      return path;
    }
    radius *= 2;
    band = band_around(path, n, m, radius);
  }
}

}  // namespace anchoralign::detail
