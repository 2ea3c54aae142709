#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "anchoralign/error.h"
#include "score/bead_scorer.h"
#include "score/length_model.h"
#include "score/sparse_overlap.h"
#include "text/normalize.h"

namespace anchoralign::detail {
namespace {

SplitText make_text(Lang lang, const std::vector<std::string>& sentences,
                    const std::vector<int>& paragraphs = {}) {
  SplitText text;
  text.lang = lang;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    Sentence sentence;
    sentence.text = sentences[k];
    sentence.normalized = normalize_for_matching(sentences[k], lang);
    sentence.paragraph = paragraphs.empty() ? 0 : paragraphs[k];
    text.sentences.push_back(sentence);
  }
  return text;
}

}  // namespace

TEST_CASE("Weighted length counts Han as 3, whitespace as 0, the rest as 1", "[score]") {
  REQUIRE(weighted_length("") == 0);
  REQUIRE(weighted_length("abc") == 3);
  REQUIRE(weighted_length("a b\tc\n") == 3);
  REQUIRE(weighted_length("中文") == 6);
  REQUIRE(weighted_length("中，文。") == 8);  // CJK punctuation counts 1
  REQUIRE(weighted_length("é") == 1);
  REQUIRE(weighted_length("😀") == 1);
  // A truncated sequence at the end must not read past the string.
  REQUIRE(weighted_length(std::string("a\xe4\xb8", 3)) >= 1);
}

TEST_CASE("Normal tail cost is -log of the two-sided tail", "[score]") {
  REQUIRE(normal_tail_cost(0) == Approx(0).margin(1e-12));
  REQUIRE(normal_tail_cost(1.96) == Approx(-std::log(0.05)).epsilon(1e-3));
  REQUIRE(normal_tail_cost(-1.96) == normal_tail_cost(1.96));
  // Continuous where the asymptotic form takes over, and finite far out.
  REQUIRE(normal_tail_cost(20 * std::sqrt(2.0) - 1e-9) ==
          Approx(normal_tail_cost(20 * std::sqrt(2.0) + 1e-9)).epsilon(1e-3));
  REQUIRE(std::isfinite(normal_tail_cost(1e6)));
  // The interpolated table stays close to the exact value everywhere.
  for (double delta = 0; delta < 45; delta += 0.01) {
    REQUIRE(normal_tail_cost(delta) == Approx(exact_tail_cost(delta)).margin(2e-4));
  }
}

TEST_CASE("Length cost prefers lengths in the document's ratio", "[score]") {
  REQUIRE(length_cost(100, 120, 1.2, 4) == Approx(0).margin(1e-9));
  REQUIRE(length_cost(100, 200, 1.2, 4) > length_cost(100, 140, 1.2, 4));
  REQUIRE(length_cost(100, 60, 1.2, 4) > length_cost(100, 100, 1.2, 4));
  REQUIRE(length_cost(0, 0, 1, 4) == 0);
  // Symmetric: swapping the sides with the inverse ratio gives the same cost.
  REQUIRE(length_cost(100, 150, 1.0, 4) == Approx(length_cost(150, 100, 1.0, 4)));
  REQUIRE(length_cost(100, 170, 1.3, 4) == Approx(length_cost(170, 100, 1 / 1.3, 4)));
}

TEST_CASE("Bead costs: priors by (Chinese, English) and anchors", "[score]") {
  const SplitText zh = make_text(Lang::kZh, {"他在2019年去了北京。", "天气很好。", "我们走吧。"});
  const SplitText en = make_text(Lang::kEn, {"He went to Beijing in 2019.", "The weather was fine.",
                                            "Let's go."});
  AlignOptions options;
  const ScoreParams params = default_score_params();
  BeadScorer zh_en(zh, en, options, params);
  BeadScorer en_zh(en, zh, options, params);
  // The prior is read as (Chinese, English) whichever side is the source.
  REQUIRE(zh_en.cost(1, 1, 1, 2) - en_zh.cost(1, 2, 1, 1) == Approx(0).margin(1e-9));

  // The shared year pulls sentence 0 to sentence 0 rather than to sentence 1.
  options.use_anchors = false;
  BeadScorer length_only(zh, en, options, params);
  const double with_anchor = zh_en.cost(0, 1, 0, 1) - length_only.cost(0, 1, 0, 1);
  // One shared year, nothing else: the full bonus.
  REQUIRE(with_anchor == Approx(-params.anchor_weight));
  // The year on one side only: no bonus, and no penalty either.
  REQUIRE(zh_en.cost(0, 1, 1, 1) == Approx(length_only.cost(0, 1, 1, 1)));
  // Sentences without anchors on either side are untouched.
  REQUIRE(zh_en.cost(1, 1, 1, 1) == Approx(length_only.cost(1, 1, 1, 1)));
}

TEST_CASE("Empty sentences cost nothing on their own", "[score]") {
  const SplitText zh = make_text(Lang::kZh, {"第一句。", "", "第二句。"});
  const SplitText en = make_text(Lang::kEn, {"First.", "Second."});
  BeadScorer scorer(zh, en, AlignOptions{}, default_score_params());
  REQUIRE(scorer.cost(1, 1, 1, 0) == 0);
  REQUIRE(scorer.cost(0, 1, 0, 0) > 0);
}

TEST_CASE("Paragraph boundaries on one side only cost extra", "[score]") {
  const SplitText zh = make_text(Lang::kZh, {"甲。", "乙。", "丙。", "丁。"}, {0, 0, 1, 1});
  const SplitText en = make_text(Lang::kEn, {"A.", "B.", "C.", "D."}, {0, 0, 1, 1});
  AlignOptions options;
  BeadScorer scorer(zh, en, options, default_score_params());
  options.use_paragraphs = false;
  BeadScorer flat(zh, en, options, default_score_params());
  // Ends on a boundary both sides share: no extra cost.
  REQUIRE(scorer.cost(1, 1, 1, 1) == Approx(flat.cost(1, 1, 1, 1)));
  // Joins sentences across the paragraph boundary: extra cost.
  REQUIRE(scorer.cost(1, 2, 1, 2) > flat.cost(1, 2, 1, 2));
}

TEST_CASE("Parameter files override defaults and name the bad line", "[score]") {
  const std::string path = "score_test_params.txt";
  {
    std::ofstream out(path);
    out << "# tuning\nlength_variance = 6.5\nprior.1-2 = 0.25\n";
  }
  const ScoreParams params = load_score_params(path, default_score_params());
  REQUIRE(params.length_variance == 6.5);
  REQUIRE(params.prior[1][2] == Approx(-std::log(0.25)));
  {
    std::ofstream out(path);
    out << "length_variance = 3\nbogus = 1\n";
  }
  REQUIRE_THROWS_WITH(load_score_params(path, default_score_params()),
                      Catch::Contains("score_test_params.txt:2"));
  REQUIRE_THROWS_AS(load_score_params("/nonexistent/params", default_score_params()), OptionError);
  std::remove(path.c_str());
}

}  // namespace anchoralign::detail

namespace anchoralign::detail {

TEST_CASE("SparseOverlap sums match the sums of the rows", "[score]") {
  // Rows over 3 features; some rows empty.
  auto make = [](const std::vector<std::vector<float>>& dense) {
    SparseRows rows(static_cast<Eigen::Index>(dense.size()), 3);
    std::vector<Eigen::Triplet<float>> triplets;
    for (std::size_t i = 0; i < dense.size(); ++i) {
      for (int k = 0; k < 3; ++k) {
        if (dense[i][k] != 0) triplets.emplace_back(static_cast<int>(i), k, dense[i][k]);
      }
    }
    rows.setFromTriplets(triplets.begin(), triplets.end());
    return rows;
  };
  const std::vector<std::vector<float>> source = {{1, 0, 0}, {0, 0, 0}, {0, 2, 1}, {1, 1, 0}, {0, 0, 0}, {3, 0, 0}};
  const std::vector<std::vector<float>> target = {{0, 1, 0}, {1, 0, 0}, {0, 0, 0}, {0, 1, 1}, {2, 0, 0}};
  const SparseOverlap overlap(make(source), make(target));
  auto sum = [](const std::vector<std::vector<float>>& rows, int begin, int count) {
    std::array<double, 3> total{};
    for (int i = begin; i < begin + count; ++i) {
      for (int k = 0; k < 3; ++k) total[k] += rows[i][k];
    }
    return total;
  };
  for (int i = 0; i <= 6; ++i) {
    for (int a = 0; i + a <= 6 && a <= 5; ++a) {
      for (int j = 0; j <= 5; ++j) {
        for (int b = 0; j + b <= 5 && b <= 4; ++b) {
          const auto x = sum(source, i, a), y = sum(target, j, b);
          const auto sums = overlap.bead(i, a, j, b);
          INFO(i << " " << a << " " << j << " " << b);
          REQUIRE(sums.cross == Approx(x[0] * y[0] + x[1] * y[1] + x[2] * y[2]));
          REQUIRE(sums.source_self == Approx(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]));
          REQUIRE(sums.target_self == Approx(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]));
        }
      }
    }
  }
  REQUIRE_FALSE(overlap.source_has(4, 1));
  REQUIRE(overlap.source_has(4, 2));
}

TEST_CASE("Bead members: each row of the longer side against the other side's sum", "[score]") {
  // source rows: {1,0,0}, {0,0,0}, {0,2,1}; target rows: {1,1,0}, {0,0,2}
  SparseRows source(3, 3), target(2, 3);
  source.insert(0, 0) = 1;
  source.insert(2, 1) = 2;
  source.insert(2, 2) = 1;
  target.insert(0, 0) = 1;
  target.insert(0, 1) = 1;
  target.insert(1, 2) = 2;
  const SparseOverlap overlap(std::move(source), std::move(target));
  SparseOverlap::Members members;
  // Source rows 0..2 against target rows 0..1 summed = {1,1,2}.
  SparseOverlap::Sums sums = overlap.bead(0, 3, 0, 2, &members);
  CHECK(sums.cross == Approx(1 + 4));
  CHECK(members[0].cross == Approx(1));
  CHECK(members[0].inverse_norm == Approx(1));
  CHECK(members[1].cross == 0);
  CHECK(members[1].inverse_norm == 0);  // no features
  CHECK(members[2].cross == Approx(4));
  CHECK(members[2].inverse_norm == Approx(1 / std::sqrt(5.0)));
  // a < b: the target rows against source row 2 = {0,2,1}.
  sums = overlap.bead(2, 1, 0, 2, &members);
  CHECK(members[0].cross == Approx(2));
  CHECK(members[0].inverse_norm == Approx(1 / std::sqrt(2.0)));
  CHECK(members[1].cross == Approx(2));
  CHECK(members[1].inverse_norm == Approx(0.5));
  CHECK(sums.cross == Approx(members[0].cross + members[1].cross));
  // The same sums with and without members.
  CHECK(overlap.bead(0, 3, 0, 2).cross == overlap.bead(0, 3, 0, 2, &members).cross);
}

}  // namespace anchoralign::detail
