// align(): features -> bead costs -> banded search, optionally twice: the second pass uses
// bead-type priors re-estimated from the first alignment of this very document pair, since
// the mix of 1-1 and 1-2 beads varies widely by genre (mac-dev: 61% 1-1, aca: 91%).
#include <algorithm>
#include <cmath>
#include <vector>

#include "anchoralign/pipeline.h"
#include "score/bead_scorer.h"
#include "search/banded_dp.h"

namespace anchoralign {
namespace {

// Mixes the bead-type counts of a first pass with the default shares; `strength` is how
// many beads the default shares count for.
detail::PriorTable adapted_prior(const Alignment& first_pass, const detail::BeadScorer& scorer,
                                 bool source_is_english, double strength) {
  double counts[detail::kMaxSide + 1][detail::kMaxSide + 1] = {};
  for (const Bead& bead : first_pass) {
    const int zh = source_is_english ? bead.tgt_len : bead.src_len;
    const int en = source_is_english ? bead.src_len : bead.tgt_len;
    counts[zh][en] += 1;
  }
  const double total = static_cast<double>(first_pass.size()) + strength;
  detail::PriorTable prior = scorer.params().prior;
  for (int zh = 0; zh <= detail::kMaxSide; ++zh) {
    for (int en = 0; en <= detail::kMaxSide; ++en) {
      const double base_share = std::isfinite(prior[zh][en]) ? std::exp(-prior[zh][en]) : 0.0;
      const double share = (counts[zh][en] + strength * base_share) / total;
      if (share > 0) prior[zh][en] = -std::log(share);
    }
  }
  return prior;
}

// A k-0 or 0-k bead (a passage left out) becomes k beads of one sentence each: an omitted
// sentence corresponds to nothing, not to its omitted neighbours.
Alignment split_gaps(Alignment alignment) {
  Alignment result;
  result.reserve(alignment.size());
  for (const Bead& bead : alignment) {
    if ((bead.src_len == 0) == (bead.tgt_len == 0) || bead.src_len + bead.tgt_len == 1) {
      result.push_back(bead);
      continue;
    }
    for (int i = 0; i < bead.src_len; ++i) result.push_back({bead.src_begin + i, 1, bead.tgt_begin, 0, bead.score});
    for (int j = 0; j < bead.tgt_len; ++j) result.push_back({bead.src_begin, 0, bead.tgt_begin + j, 1, bead.score});
  }
  return result;
}

}  // namespace

Alignment align(const SplitText& source, const SplitText& target, const AlignOptions& options) {
  validate(options);
  detail::ScoreParams params = detail::default_score_params();
  if (!options.params_file.empty()) params = detail::load_score_params(options.params_file, params);
  detail::BeadScorer scorer(source, target, options, params);
  detail::SearchOptions search;
  search.bead_types = options.bead_types;
  search.min_band = options.min_band;
  search.temperature = scorer.uses_lexicon() ? params.lexical_temperature : params.temperature;
  const int n = static_cast<int>(source.sentences.size());
  const int m = static_cast<int>(target.sentences.size());
  const bool second_pass = options.adapt_priors && std::min(n, m) >= 20;
  search.score_beads = !second_pass;
  Alignment alignment = detail::search_alignment(n, m, scorer, search);
  if (second_pass) {
    const bool source_is_english = source.lang == Lang::kEn && target.lang == Lang::kZh;
    scorer.set_prior(adapted_prior(alignment, scorer, source_is_english, 50.0));
    scorer.set_skip_support(alignment);
    search.score_beads = true;
    const Alignment first_pass = std::move(alignment);
    alignment = detail::search_alignment(n, m, scorer, search, &first_pass);
  }
  return split_gaps(std::move(alignment));
}

}  // namespace anchoralign
