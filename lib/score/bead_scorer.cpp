// Bead cost = bead-type prior + length + anchors + paragraph structure, each a
// negative log-probability or a bounded bonus/penalty on that scale:
//
//   C(bead) = -log P(type) + GC(l1, l2) + A(bead) + Q(bead) + P(bead)
//
// - P(type) is the share of the bead type, counted as (Chinese, English) sentences so that
//   one table serves zh->en and en->zh.
// - GC is the Gale-Church length cost of length_model.h.
// - A compares the anchors of the two sides: with X and Y the summed weighted anchor
//   vectors of the bead's source and target sentences (Eigen sparse rows, keys restricted
//   to those occurring in both documents), dice = 2 X.Y / (|X|^2 + |Y|^2) and
//   A = -w min(1, sqrt((|X|^2 + |Y|^2) / 2)) dice: a bonus down to -w when the anchors agree.
//   Bounded, so a stray number cannot outweigh the length evidence (FIELD.md: "Chapter 1"
//   vs the wrong "1"). The scale grows with |X|, not |X|^2, so that joining two beads that
//   each match one anchor earns no more than the two beads apart. There is no penalty for
//   anchors without a partner: with one, whole documents merged pairs of beads to pair up
//   anchors the translation had moved to a neighbouring sentence (aca fell from 0.98 to
//   0.43 strict F1 when the weights were fitted on mac-dev alone, bench/loo.py).
// - Q charges quote_weight when the bead ends inside a quotation on one side only
//   (quotes.h), when both texts have quotations.
// - P charges paragraph_weight for each paragraph boundary inside the bead and for a bead
//   edge that is a paragraph boundary on one side only, when both texts have paragraphs.
//
// Tested by score_test.cpp.
#include "score/bead_scorer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <fstream>
#include <unordered_map>

#include "anchoralign/error.h"
#include "features/anchors.h"
#include "features/quotes.h"
#include "score/length_model.h"
#include "score/lexical.h"

namespace anchoralign::detail {
namespace {

// Cost of an empty (presplit blank-line) sentence riding along in a non-empty bead; empty
// sentences on their own cost nothing.
constexpr double kEmptyRider = 0.01;
constexpr double kUnseenPrior = 9.0;  // -log P for bead types the table has no count for

using AnchorLists = std::vector<std::vector<Anchor>>;

AnchorLists extract_all(const SplitText& text) {
  AnchorLists lists;
  lists.reserve(text.sentences.size());
  for (const Sentence& sentence : text.sentences) {
    lists.push_back(extract_anchors(sentence.normalized, text.lang));
  }
  return lists;
}

// Ids for the anchor keys that occur on both sides: a key seen on one side only is no
// evidence about where the other side's counterpart lies.
std::unordered_map<std::string, int> shared_keys(const AnchorLists& source, const AnchorLists& target) {
  std::unordered_map<std::string, int> in_source;
  for (const auto& list : source) {
    for (const Anchor& anchor : list) in_source.emplace(anchor.key, -1);
  }
  std::unordered_map<std::string, int> ids;
  for (const auto& list : target) {
    for (const Anchor& anchor : list) {
      if (in_source.count(anchor.key) && !ids.count(anchor.key)) {
        const int id = static_cast<int>(ids.size());
        ids.emplace(anchor.key, id);
      }
    }
  }
  return ids;
}

SideFeatures side_features(const SplitText& text) {
  const int n = static_cast<int>(text.sentences.size());
  SideFeatures side;
  side.length_prefix.assign(n + 1, 0);
  side.nonempty_prefix.assign(n + 1, 0);
  side.paragraph_start.assign(n + 1, true);
  for (int i = 0; i < n; ++i) {
    const Sentence& sentence = text.sentences[i];
    side.length_prefix[i + 1] = side.length_prefix[i] + weighted_length(sentence.text);
    side.nonempty_prefix[i + 1] = side.nonempty_prefix[i] + !sentence.text.empty();
    if (i > 0) side.paragraph_start[i] = sentence.paragraph != text.sentences[i - 1].paragraph;
  }
  return side;
}

// Sentence x shared-key rows of anchor weights (repeated keys add up).
SparseRows anchor_rows(const AnchorLists& lists, const std::unordered_map<std::string, int>& ids) {
  std::vector<Eigen::Triplet<float>> triplets;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    for (const Anchor& anchor : lists[i]) {
      auto it = ids.find(anchor.key);
      if (it != ids.end()) triplets.emplace_back(static_cast<int>(i), it->second, anchor.weight);
    }
  }
  SparseRows rows(static_cast<Eigen::Index>(lists.size()), static_cast<Eigen::Index>(ids.size()));
  rows.setFromTriplets(triplets.begin(), triplets.end());
  return rows;
}

int paragraph_count(const SplitText& text) {
  return text.sentences.empty() ? 0 : text.sentences.back().paragraph + 1;
}

}  // namespace

BeadScorer::BeadScorer(const SplitText& source, const SplitText& target,
                       const AlignOptions& options, const ScoreParams& params)
    : params_(params),
      source_is_english_(source.lang == Lang::kEn && target.lang == Lang::kZh),
      use_paragraphs_(options.use_paragraphs && paragraph_count(source) > 1 &&
                      paragraph_count(target) > 1) {
  const AnchorLists source_anchors = options.use_anchors ? extract_all(source) : AnchorLists(source.sentences.size());
  const AnchorLists target_anchors = options.use_anchors ? extract_all(target) : AnchorLists(target.sentences.size());
  const auto ids = shared_keys(source_anchors, target_anchors);
  anchors_ = SparseOverlap(anchor_rows(source_anchors, ids), anchor_rows(target_anchors, ids));
  source_ = side_features(source);
  target_ = side_features(target);
  if (options.use_anchors) {
    source_.quoted = inside_quotation(source);
    target_.quoted = inside_quotation(target);
    const auto any = [](const std::vector<bool>& flags) {
      return std::find(flags.begin(), flags.end(), true) != flags.end();
    };
    use_quotes_ = any(source_.quoted) && any(target_.quoted);
  }
  if (const Lexicon* lexicon = options.lexicon.impl(); lexicon && !lexicon->empty()) {
    LexicalRows rows = lexical_rows(source, target, *lexicon);
    lexical_ = SparseOverlap(std::move(rows.source), std::move(rows.target));
    lexical_baseline_ = random_pair_cosine(lexical_, static_cast<int>(source.sentences.size()),
                                           static_cast<int>(target.sentences.size()));
    use_lexicon_ = true;
  }
  const double source_total = source_.length_prefix.back();
  const double target_total = target_.length_prefix.back();
  if (source_total > 0 && target_total > 0) ratio_ = target_total / source_total;
  // Bring both sides to the common unit of length_cost() once, not in every bead cost.
  for (double& length : source_.length_prefix) length *= std::sqrt(ratio_);
  for (double& length : target_.length_prefix) length /= std::sqrt(ratio_);
}

double BeadScorer::prior_cost(int src_len, int tgt_len) const {
  const double cost = source_is_english_ ? params_.prior[tgt_len][src_len]
                                         : params_.prior[src_len][tgt_len];
  return std::isfinite(cost) ? cost : kUnseenPrior;
}

double BeadScorer::anchor_cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const {
  if (!anchors_.source_has(src_begin, src_len) && !anchors_.target_has(tgt_begin, tgt_len)) return 0;
  const SparseOverlap::Sums sums = anchors_.bead(src_begin, src_len, tgt_begin, tgt_len);
  const double mass = sums.source_self + sums.target_self;
  const double dice = 2 * sums.cross / mass;
  return -params_.anchor_weight * std::min(1.0, std::sqrt(mass / 2)) * dice;
}

double BeadScorer::paragraph_cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const {
  if (!use_paragraphs_) return 0;
  int crossings = 0;
  for (int i = src_begin + 1; i < src_begin + src_len; ++i) crossings += source_.paragraph_start[i];
  for (int j = tgt_begin + 1; j < tgt_begin + tgt_len; ++j) crossings += target_.paragraph_start[j];
  crossings += source_.paragraph_start[src_begin + src_len] != target_.paragraph_start[tgt_begin + tgt_len];
  return params_.paragraph_weight * crossings;
}

namespace {

constexpr int kSupportWindow = 12;  // target sentences on each side of the path position

// Best single-sentence cosine of each row of one side against the other side's rows within
// kSupportWindow of `position[i]` (shifted by `offset`, modulo the other side's length).
std::vector<float> best_cosines(const SparseOverlap& overlap, const std::vector<int>& position,
                                int other_count, int offset, bool source_side) {
  std::vector<float> best(position.size(), 0);
  for (std::size_t i = 0; i < position.size(); ++i) {
    const int centre = (position[i] + offset) % std::max(1, other_count);
    const int row = static_cast<int>(i);
    for (int j = std::max(0, centre - kSupportWindow);
         j <= std::min(other_count - 1, centre + kSupportWindow); ++j) {
      const double cosine =
          source_side ? bead_cosine(overlap, row, 1, j, 1) : bead_cosine(overlap, j, 1, row, 1);
      best[i] = std::max(best[i], static_cast<float>(cosine));
    }
  }
  return best;
}

double median(std::vector<float> values) {
  if (values.empty()) return 0;
  auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

// Support of each sentence: its best nearby cosine scaled so that 0 is the median best cosine
// of windows half a document away (unrelated text) and 1 the median best nearby cosine;
// -1 for sentences without lexical features.
std::vector<float> support(const SparseOverlap& overlap, const std::vector<int>& position,
                           int other_count, bool source_side) {
  const std::vector<float> near = best_cosines(overlap, position, other_count, 0, source_side);
  const std::vector<float> far =
      best_cosines(overlap, position, other_count, other_count / 2, source_side);
  std::vector<float> near_with, far_with;
  for (std::size_t i = 0; i < near.size(); ++i) {
    const int row = static_cast<int>(i);
    if (source_side ? overlap.source_has(row, 1) : overlap.target_has(row, 1)) {
      near_with.push_back(near[i]);
      far_with.push_back(far[i]);
    }
  }
  const double low = median(far_with), high = median(near_with);
  std::vector<float> result(near.size(), -1);
  if (high <= low) return result;
  for (std::size_t i = 0; i < near.size(); ++i) {
    const int row = static_cast<int>(i);
    if (!(source_side ? overlap.source_has(row, 1) : overlap.target_has(row, 1))) continue;
    result[i] = static_cast<float>(std::clamp((near[i] - low) / (high - low), 0.0, 1.0));
  }
  return result;
}

}  // namespace

void BeadScorer::set_skip_support(const Alignment& path) {
  if (!use_lexicon_) return;
  std::vector<int> source_position(source_.length_prefix.size() - 1, 0);
  std::vector<int> target_position(target_.length_prefix.size() - 1, 0);
  for (const Bead& bead : path) {
    for (int i = bead.src_begin; i < bead.src_begin + bead.src_len; ++i) source_position[i] = bead.tgt_begin;
    for (int j = bead.tgt_begin; j < bead.tgt_begin + bead.tgt_len; ++j) target_position[j] = bead.src_begin;
  }
  const int n = static_cast<int>(source_position.size());
  const int m = static_cast<int>(target_position.size());
  source_support_ = support(lexical_, source_position, m, true);
  target_support_ = support(lexical_, target_position, n, false);
}

double BeadScorer::skip_cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const {
  if (src_len + tgt_len > 1) {
    // Without word translations nothing tells an omission from a loose translation: a gap
    // then costs what its sentences would cost one by one.
    if (!use_lexicon_) return (src_len + tgt_len) * prior_cost(src_len > 0, tgt_len > 0);
    return params_.gap_open + params_.gap_extend * (src_len + tgt_len);
  }
  const float support = src_len == 1 ? (source_support_.empty() ? -1 : source_support_[src_begin])
                                     : (target_support_.empty() ? -1 : target_support_[tgt_begin]);
  const double prior = prior_cost(src_len, tgt_len);
  if (support < 0) return prior;
  return std::max(params_.skip_floor, prior - params_.skip_range * (1 - support));
}

double BeadScorer::merge_cost(const SparseOverlap::Members& members, int count,
                              double other_self) const {
  // Products with inverse norms rather than a square root and a division per member: this
  // runs for every many-to-one bead of every cell.
  const double other_inverse_norm = 1 / std::sqrt(other_self);
  double cost = 0;
  for (int k = 0; k < count; ++k) {
    if (members[k].inverse_norm == 0) continue;  // no words to judge by
    const double cosine = members[k].cross * members[k].inverse_norm * other_inverse_norm;
    const double related = (cosine - lexical_baseline_) / params_.merge_scale;
    cost += params_.merge_weight * (1 - std::clamp(related, 0.0, 1.0));
  }
  return cost;
}

double BeadScorer::quote_cost(int src_end, int tgt_end) const {
  if (!use_quotes_) return 0;
  return source_.quoted[src_end] != target_.quoted[tgt_end] ? params_.quote_weight : 0;
}

// Zero for unrelated sentences (the random-pair baseline), -w for identical vectors; plus
// the merge cost of a many-to-one bead, from the same pair products.
double BeadScorer::lexical_cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const {
  if (!use_lexicon_ || src_len == 0 || tgt_len == 0) return 0;
  const int longer = std::max(src_len, tgt_len);
  const bool merged = params_.merge_weight > 0 && longer >= 2;
  SparseOverlap::Members members;
  const SparseOverlap::Sums sums =
      lexical_.bead(src_begin, src_len, tgt_begin, tgt_len, merged ? &members : nullptr);
  if (sums.source_self <= 0 || sums.target_self <= 0) {
    return params_.lexical_weight * lexical_baseline_ / (1 - lexical_baseline_);
  }
  const double cosine = sums.cross / std::sqrt(sums.source_self * sums.target_self);
  const double cost = params_.lexical_weight * (lexical_baseline_ - cosine) / (1 - lexical_baseline_);
  if (!merged) return cost;
  return cost + merge_cost(members, longer, src_len >= tgt_len ? sums.target_self : sums.source_self);
}

double BeadScorer::cost(int src_begin, int src_len, int tgt_begin, int tgt_len) const {
  const int src_nonempty = source_.nonempty_prefix[src_begin + src_len] - source_.nonempty_prefix[src_begin];
  const int tgt_nonempty = target_.nonempty_prefix[tgt_begin + tgt_len] - target_.nonempty_prefix[tgt_begin];
  const int empties = src_len + tgt_len - src_nonempty - tgt_nonempty;
  if (src_nonempty + tgt_nonempty == 0) return 0;
  const double l1 = source_.length_prefix[src_begin + src_len] - source_.length_prefix[src_begin];
  const double l2 = target_.length_prefix[tgt_begin + tgt_len] - target_.length_prefix[tgt_begin];
  // A sentence left out has no length relation to anything: its cost is its prior alone.
  const double length =
      src_nonempty && tgt_nonempty ? balanced_length_cost(l1, l2, params_.length_variance) : 0;
  const bool skip = src_len == 0 || tgt_len == 0;
  return (skip ? skip_cost(src_begin, src_len, tgt_begin, tgt_len) : prior_cost(src_len, tgt_len)) + length +
         anchor_cost(src_begin, src_len, tgt_begin, tgt_len) +
         paragraph_cost(src_begin, src_len, tgt_begin, tgt_len) +
         quote_cost(src_begin + src_len, tgt_begin + tgt_len) +
         lexical_cost(src_begin, src_len, tgt_begin, tgt_len) + kEmptyRider * empties;
}

ScoreParams default_score_params() {
  ScoreParams params{};
  // Fitted by grid search on ../shared/corpora (mean strict F1 of mac-dev and aca, see
  // docs/accuracy.md and bench/tune.py); checked leave-one-document-out by bench/loo.py.
  params.length_variance = 9.0;
  params.anchor_weight = 8.0;
  params.lexical_weight = 24.0;
  params.paragraph_weight = 5.0;
  params.quote_weight = 2.5;
  params.skip_floor = 1.0;
  params.skip_range = 1.0;
  // Skip and gap costs: chosen with bench/abridge.py (synthetic abridged translations) under
  // the constraint of losing at most 0.005 strict F1 on the faithful corpora (bench/tune.py).
  params.gap_open = 6.0;
  params.gap_extend = 0.5;
  // Same tool and constraint (bench/tune.py merge_weight=0.5,1,1.5 merge_scale=0.1,0.15,0.25):
  // abridged-set omission recall 0.764 -> 0.839, faithful strict F1 mac-dev +0.001, aca -0.002.
  params.merge_weight = 1.0;
  params.merge_scale = 0.1;
  // Posterior temperatures calibrated with bench/reliability.py on both corpora: with them,
  // the beads scoring 0.9-0.95 are 93.5% exactly right (85.5% at temperature 1 with the
  // lexicon, whose larger costs make the posteriors overconfident).
  params.temperature = 1.0;
  params.lexical_temperature = 1.5;
  for (auto& row : params.prior) row.fill(INFINITY);
  // Bead-type shares of the gold alignments of ../shared/corpora, counted as
  // (Chinese, English) sentences, each corpus weighted equally: mac-dev (literary) and aca
  // (academic). Produced by bench/fit_priors.py.
  const std::vector<std::tuple<int, int, double>> shares = {
      {1, 1, 0.7613}, {1, 2, 0.1279}, {2, 1, 0.0393}, {1, 3, 0.0296}, {1, 4, 0.0124},
      {2, 2, 0.0093}, {2, 3, 0.0054}, {1, 0, 0.0034}, {3, 1, 0.0024}, {3, 2, 0.0023},
      {0, 1, 0.0015}, {2, 4, 0.0011}, {3, 3, 0.0008}};
  for (auto [zh, en, share] : shares) params.prior[zh][en] = -std::log(share);
  return params;
}


ScoreParams load_score_params(const std::string& path, ScoreParams base) {
  std::ifstream in(path);
  if (!in) throw OptionError(path + ": cannot read the parameter file");
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    const auto equals = line.find('=');
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto trim = [](std::string text) {
      const auto first = text.find_first_not_of(" \t\r");
      const auto last = text.find_last_not_of(" \t\r");
      return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    };
    const std::string where = path + ":" + std::to_string(line_number);
    if (equals == std::string::npos) throw OptionError(where + ": expected key = value");
    const std::string key = trim(line.substr(0, equals));
    double value = 0;
    try {
      value = std::stod(trim(line.substr(equals + 1)));
    } catch (const std::exception&) {
      throw OptionError(where + ": the value of " + key + " is not a number");
    }
    int zh = 0, en = 0;
    if (key == "length_variance" && value > 0) {
      base.length_variance = value;
    } else if (key == "anchor_weight" && value >= 0) {
      base.anchor_weight = value;
    } else if (key == "lexical_weight" && value >= 0) {
      base.lexical_weight = value;
    } else if (key == "paragraph_weight" && value >= 0) {
      base.paragraph_weight = value;
    } else if (key == "quote_weight" && value >= 0) {
      base.quote_weight = value;
    } else if (key == "skip_floor" && value >= 0) {
      base.skip_floor = value;
    } else if (key == "skip_range" && value >= 0) {
      base.skip_range = value;
    } else if (key == "gap_open" && value >= 0) {
      base.gap_open = value;
    } else if (key == "gap_extend" && value >= 0) {
      base.gap_extend = value;
    } else if (key == "merge_weight" && value >= 0) {
      base.merge_weight = value;
    } else if (key == "merge_scale" && value > 0) {
      base.merge_scale = value;
    } else if (key == "temperature" && value > 0) {
      base.temperature = value;
    } else if (key == "lexical_temperature" && value > 0) {
      base.lexical_temperature = value;
    } else if (std::sscanf(key.c_str(), "prior.%d-%d", &zh, &en) == 2 && zh >= 0 && en >= 0 &&
               zh <= kMaxSide && en <= kMaxSide && value > 0 && value <= 1) {
      base.prior[zh][en] = -std::log(value);
    } else {
      throw OptionError(where + ": unknown key or value out of range: " + key);
    }
  }
  return base;
}

}  // namespace anchoralign::detail
