// The cost of a candidate bead from length, anchors, bead type and paragraph structure.
#pragma once

#include <array>
#include <string>
#include <vector>


#include "anchoralign/options.h"
#include "anchoralign/types.h"
#include "score/sparse_overlap.h"
#include "search/banded_dp.h"

namespace anchoralign::detail {

constexpr int kMaxSide = 4;

// -log P(bead type), indexed [Chinese side][English side].
using PriorTable = std::array<std::array<double, kMaxSide + 1>, kMaxSide + 1>;

struct ScoreParams {
  double length_variance;   // Gale-Church variance per unit of length
  double anchor_weight;     // largest bonus of the anchor term, [-w, 0]
  double lexical_weight;    // cost range of the word-translation term, [-w, ~0]
  double paragraph_weight;  // cost of a bead edge that crosses a paragraph boundary on one side
  double quote_weight;      // cost of a bead edge inside a quotation on one side only
  // Cost of leaving one sentence out (1-0, 0-1) in the second pass, with a lexicon:
  // skip_floor + skip_range * support, support in [0, 1] being how well the sentence's words
  // are matched by a target sentence near its first-pass position.
  double skip_floor;
  double skip_range;
  // A run of k >= 2 sentences left out together (k-0, 0-k beads): gap_open + k * gap_extend,
  // so that a long untranslated passage is cheaper per sentence than isolated skips.
  double gap_open;
  double gap_extend;
  // Many-to-one beads: each sentence of the larger side whose cosine with the other side is
  // not above the random-pair baseline by merge_scale costs up to merge_weight (linearly
  // less the more it is), so that a sentence nobody translated is left out rather than
  // hidden in a neighbour's bead.
  double merge_weight;
  double merge_scale;
  double temperature;          // cost scale for bead posteriors
  double lexical_temperature;  // the same when a lexicon is in use
  PriorTable prior;
};

// The fitted defaults (see the comment at their definition for how they were obtained).
ScoreParams default_score_params();

// Override parameters from "key = value" lines ('#' comments): length_variance,
// anchor_weight, lexical_weight, paragraph_weight, quote_weight, skip_floor, skip_range, gap_open,
// gap_extend, merge_weight, merge_scale, temperature, lexical_temperature, prior.Z-E (Z Chinese, E English sentences,
// a probability). Throws OptionError naming the file and line of a bad entry.
ScoreParams load_score_params(const std::string& path, ScoreParams base);

// Per-sentence features of one side, ready for bead costs.
struct SideFeatures {
  // Weighted length of sentences [0, i), in the common unit of balanced_length_cost().
  std::vector<double> length_prefix;
  std::vector<int> nonempty_prefix;      // non-empty sentences among [0, i)
  std::vector<bool> paragraph_start;     // boundary i starts a paragraph (0 and n included)
  std::vector<bool> quoted;              // boundary i lies inside a quotation (quotes.h)
};

class BeadScorer : public BeadCosts {
 public:
  BeadScorer(const SplitText& source, const SplitText& target, const AlignOptions& options,
             const ScoreParams& params);
  double cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const override;

  // Same scorer with other bead-type priors (a second pass re-estimates them).
  void set_prior(const PriorTable& prior) { params_.prior = prior; }
  // Prices each sentence's 1-0/0-1 bead by its lexical support near its place on `path`
  // (a first-pass alignment); without a lexicon, skips keep their prior.
  void set_skip_support(const Alignment& path);
  const ScoreParams& params() const { return params_; }
  double length_ratio() const { return ratio_; }
  bool uses_lexicon() const { return use_lexicon_; }

 private:
  double anchor_cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const;
  double paragraph_cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const;
  double quote_cost(int src_end, int tgt_end) const;
  double lexical_cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const;
  double prior_cost(int src_len, int tgt_len) const;
  double skip_cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const;
  double merge_cost(const SparseOverlap::Members& members, int count, double other_self) const;

  ScoreParams params_;
  SideFeatures source_, target_;
  SparseOverlap anchors_;  // sentence x anchor key shared by both documents
  SparseOverlap lexical_;  // sentence x English lemma (lexical.h)
  bool use_lexicon_ = false;
  double lexical_baseline_ = 0;  // mean cosine of random sentence pairs
  double ratio_ = 1;
  bool source_is_english_ = false;
  bool use_paragraphs_ = false;
  bool use_quotes_ = false;  // both sides have quotations
  // Support in [0, 1] of each sentence (set_skip_support()); -1: no evidence, use the prior.
  std::vector<float> source_support_, target_support_;
};

}  // namespace anchoralign::detail
