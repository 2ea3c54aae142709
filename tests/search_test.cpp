#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <tuple>

#include "search/banded_dp.h"

namespace anchoralign::detail {
namespace {

// Costs drawn once per bead from a seeded generator, so brute force and DP see the same.
class RandomCosts : public BeadCosts {
 public:
  explicit RandomCosts(unsigned seed) : rng_(seed) {}
  double cost(int i, int a, int j, int b) const override {
    auto key = std::make_tuple(i, a, j, b);
    auto it = table_.find(key);
    if (it != table_.end()) return it->second;
    std::uniform_real_distribution<double> dist(0.0, 5.0);
    return table_[key] = dist(rng_);
  }

 private:
  mutable std::mt19937 rng_;
  mutable std::map<std::tuple<int, int, int, int>, double> table_;
};

struct Enumerated {
  double best = std::numeric_limits<double>::infinity();
  double log_total = -std::numeric_limits<double>::infinity();
  std::map<std::tuple<int, int, int, int>, double> bead_log_mass;
};

// Every monotonic alignment, enumerated: the reference the DP must match.
void enumerate(int i, int j, int n, int m, const BeadCosts& costs,
               const std::vector<BeadType>& types, std::vector<Bead>& path, double cost,
               Enumerated& out) {
  if (i == n && j == m) {
    out.best = std::min(out.best, cost);
    const double log_weight = -cost;
    out.log_total = std::max(out.log_total, log_weight) +
                    std::log1p(std::exp(-std::abs(out.log_total - log_weight)));
    for (const Bead& bead : path) {
      auto key = std::make_tuple(bead.src_begin, bead.src_len, bead.tgt_begin, bead.tgt_len);
      auto [it, fresh] = out.bead_log_mass.emplace(key, log_weight);
      if (!fresh) {
        it->second = std::max(it->second, log_weight) +
                     std::log1p(std::exp(-std::abs(it->second - log_weight)));
      }
    }
    return;
  }
  for (const BeadType& type : types) {
    if (i + type.src > n || j + type.tgt > m) continue;
    path.push_back(Bead{i, type.src, j, type.tgt, 0});
    enumerate(i + type.src, j + type.tgt, n, m, costs, types, path,
              cost + costs.cost(i, type.src, j, type.tgt), out);
    path.pop_back();
  }
}

double path_cost(const Alignment& path, const BeadCosts& costs) {
  double total = 0;
  for (const Bead& bead : path) {
    total += costs.cost(bead.src_begin, bead.src_len, bead.tgt_begin, bead.tgt_len);
  }
  return total;
}

void require_covers(const Alignment& path, int n, int m) {
  int i = 0, j = 0;
  for (const Bead& bead : path) {
    REQUIRE(bead.src_begin == i);
    REQUIRE(bead.tgt_begin == j);
    REQUIRE(bead.src_len + bead.tgt_len > 0);
    i += bead.src_len;
    j += bead.tgt_len;
  }
  REQUIRE(i == n);
  REQUIRE(j == m);
}

const std::vector<BeadType> kAllTypes = {{1, 0}, {0, 1}, {1, 1}, {1, 2}, {2, 1},
                                         {2, 2}, {1, 3}, {3, 1}, {1, 4}, {4, 1}};

}  // namespace

TEST_CASE("DP finds the same best cost and posteriors as brute force", "[search]") {
  for (unsigned seed = 1; seed <= 60; ++seed) {
    const int n = static_cast<int>(seed % 6) + (seed % 7 == 0 ? 0 : 1);
    const int m = static_cast<int>((seed * 7) % 6);
    RandomCosts costs(seed);
    SearchOptions options{kAllTypes, 4, 1.0};
    Enumerated reference;
    std::vector<Bead> scratch;
    enumerate(0, 0, n, m, costs, kAllTypes, scratch, 0.0, reference);

    // A band as wide as the matrix: the DP must be exact.
    const Alignment path = search_in_band(n, m, costs, options, diagonal_band(n, m, 8));
    INFO("seed " << seed << " n " << n << " m " << m);
    require_covers(path, n, m);
    REQUIRE(path_cost(path, costs) == Approx(reference.best).epsilon(1e-9));
    for (const Bead& bead : path) {
      const auto key = std::make_tuple(bead.src_begin, bead.src_len, bead.tgt_begin, bead.tgt_len);
      const double expected = std::exp(reference.bead_log_mass.at(key) - reference.log_total);
      REQUIRE(bead.score == Approx(expected).epsilon(1e-4).margin(1e-6));
    }
  }
}

TEST_CASE("Restricted bead types are respected", "[search]") {
  const std::vector<BeadType> types = {{1, 0}, {0, 1}, {1, 1}};
  RandomCosts costs(99);
  SearchOptions options{types, 4, 1.0};
  Enumerated reference;
  std::vector<Bead> scratch;
  enumerate(0, 0, 5, 4, costs, types, scratch, 0.0, reference);
  const Alignment path = search_alignment(5, 4, costs, options);
  require_covers(path, 5, 4);
  for (const Bead& bead : path) REQUIRE(bead.src_len + bead.tgt_len <= 2);
  REQUIRE(path_cost(path, costs) == Approx(reference.best));
}

// Cheap 1-1 beads along a shifted diagonal j = i + shift, expensive everything else: the
// search must find that path even when it starts far outside the first band.
class ShiftedDiagonal : public BeadCosts {
 public:
  ShiftedDiagonal(int shift) : shift_(shift) {}
  double cost(int i, int a, int j, int b) const override {
    if (a == 1 && b == 1) return j == i + shift_ ? 0.1 : 6.0;
    if (a == 0 && b == 1 && j < shift_) return 0.5;  // the extra target sentences at the start
    return 4.0 * (a + b);
  }

 private:
  int shift_;
};

TEST_CASE("The band widens until the path is clear of its edges", "[search]") {
  const int n = 2000, shift = 300;
  ShiftedDiagonal costs(shift);
  SearchOptions options{kAllTypes, 8, 1.0};
  const Alignment path = search_alignment(n, n + shift, costs, options);
  require_covers(path, n, n + shift);
  int matched = 0;
  for (const Bead& bead : path)
    matched += bead.src_len == 1 && bead.tgt_len == 1 && bead.tgt_begin == bead.src_begin + shift;
  REQUIRE(matched == n);
}

TEST_CASE("Degenerate sizes give all-skip alignments", "[search]") {
  RandomCosts costs(3);
  SearchOptions options{kAllTypes, 4, 1.0};
  REQUIRE(search_alignment(0, 0, costs, options).empty());
  const Alignment only_source = search_alignment(3, 0, costs, options);
  require_covers(only_source, 3, 0);
  for (const Bead& bead : only_source) REQUIRE(bead.score == Approx(1.0));
  require_covers(search_alignment(0, 2, costs, options), 0, 2);
  // Very unequal lengths: the band must still connect (0, 0) to (n, m).
  require_covers(search_alignment(3, 200, costs, options), 3, 200);
  require_covers(search_alignment(200, 3, costs, options), 200, 3);
}

namespace {

// Best cost over the alignments whose every boundary lies inside `band`, by enumeration.
double best_in_band(int i, int j, int n, int m, const BeadCosts& costs,
                    const std::vector<BeadType>& types, const Band& band) {
  if (i == n && j == m) return 0;
  double best = std::numeric_limits<double>::infinity();
  for (const BeadType& type : types) {
    const int ni = i + type.src, nj = j + type.tgt;
    if (ni > n || nj > m || nj < band.lo[ni] || nj > band.hi[ni]) continue;
    best = std::min(best, costs.cost(i, type.src, j, type.tgt) +
                              best_in_band(ni, nj, n, m, costs, types, band));
  }
  return best;
}

}  // namespace

TEST_CASE("The Viterbi pass finds the best path inside a narrow band", "[search]") {
  // The pass keeps the costs of the last max(src) + 1 rows only: bead types reaching back
  // one, three and four rows, and bands narrower than the matrix, check that it reads them
  // back from the right rows and band offsets.
  const std::vector<std::vector<BeadType>> type_sets = {
      {{1, 0}, {0, 1}, {1, 1}}, {{1, 0}, {0, 1}, {1, 1}, {3, 1}, {1, 2}}, kAllTypes};
  for (unsigned seed = 1; seed <= 40; ++seed) {
    const int n = 4 + static_cast<int>(seed % 5), m = 3 + static_cast<int>((seed * 5) % 6);
    const auto& types = type_sets[seed % type_sets.size()];
    const Band band = diagonal_band(n, m, 1 + static_cast<int>(seed % 2));
    RandomCosts costs(seed);
    const SearchOptions options{types, 4, 1.0};
    const Alignment path = best_path_in_band(n, m, costs, options, band);
    INFO("seed " << seed << " n " << n << " m " << m);
    require_covers(path, n, m);
    for (const Bead& bead : path) {
      REQUIRE(bead.tgt_begin >= band.lo[bead.src_begin]);
      REQUIRE(bead.tgt_begin <= band.hi[bead.src_begin]);
    }
    REQUIRE(path_cost(path, costs) ==
            Approx(best_in_band(0, 0, n, m, costs, types, band)).epsilon(1e-12));
  }
}

TEST_CASE("Diagonal bands are monotone and connected", "[search]") {
  for (auto [n, m, r] :
       {std::tuple{10, 10, 2}, {10, 1000, 3}, {1000, 10, 3}, {1, 1, 4}, {0, 5, 4}}) {
    const Band band = diagonal_band(n, m, r);
    REQUIRE(band.lo.front() == 0);
    REQUIRE(band.hi.back() == m);
    for (int i = 0; i + 1 <= n; ++i) {
      REQUIRE(band.lo[i] <= band.hi[i]);
      if (i < n) {
        REQUIRE(band.lo[i] <= band.lo[i + 1]);
        REQUIRE(band.hi[i] >= band.lo[i + 1]);
      }
    }
  }
}

}  // namespace anchoralign::detail
