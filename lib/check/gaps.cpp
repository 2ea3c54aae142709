// Omissions and additions: runs of sentences with no counterpart on the other side.
//
// A sentence has no counterpart when its bead has nothing on the other side (1-0, 0-1), or
// when its bead joins it with others and the other side clearly does not render it. Clearly:
// it has kMinTokens tokens or more (support.h), at most half the share of them found that
// a rendered sentence of this pair shows, and a binomial test on its tokens favours "not
// rendered" by kMinLogOdds or more, the rates of rendered and unrelated sentences measured
// on the pair itself (RenderingRates). When every sentence of a bead's side fails, the bead
// is misaligned rather than a sentence dropped, and none is reported (the low score is).
// Either way, a sentence that the other side of the nearest beads around renders (a share
// halfway between the rendered rate and what chance finds in that many sentences,
// kNearbyFloor at least) has a counterpart, only one bead off: aligners misplace boundaries
// more often than translators drop sentences. Not so for a run of two or more left-out
// sentences, which a misplaced boundary does not make: on the abridged development set
// (bench/abridge.py check) trusting runs raises recall 0.785 -> 0.847 at precision
// 0.901 -> 0.891. Empty sentences (blank lines of presplit
// input) neither count nor break a run.
//
// Measured on the development corpora (mac-dev, aca) under their gold alignments: of the
// 982 sentences in gold many-to-one beads, 2 are reported; with 12 translation sentences per
// document deleted, their originals become 1-0 beads of which 85% are reported (the rest
// look rendered next door), or join the previous bead, of which a third to a half are.
//
// Severity grows with the size of the run in English-equivalent characters (a Chinese
// character counts kHanFactor): info below kTrivialSize ("***", "第一章"), an error from
// kLargeSize or two sentences, a warning between. Additions stop at warnings: translators
// add notes on purpose more often than they drop text by accident.
//
// Tested by check_test.cpp.
#include <algorithm>
#include <cmath>
#include <string>

#include "anchoralign/io.h"
#include "check/findings.h"
#include "check/support.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

constexpr int kMinTokens = 3;
constexpr double kMinLogOdds = 4;  // e^4: 55 to 1 for "not rendered"
constexpr double kNearbyFloor = 0.3;
constexpr int kNeighbours = 1;
constexpr std::size_t kTrivialSize = 15, kLargeSize = 150, kHanFactor = 3;

// One text's view of the alignment.
struct SideView {
  const SplitText& text;
  const SplitText& other;
  bool original;
  int Bead::*begin;
  int Bead::*len;
  int Bead::*other_begin;
  int Bead::*other_len;
};

struct Verdict {
  bool gap = false;
  bool unaligned = false;  // its bead has nothing on the other side
  int bead = -1;
  Support support;  // in its bead (unaligned: in the neighbourhood)
};

Support support_of(const RenderingEvidence& evidence, const SideView& side, int sentence, int begin,
                   int end) {
  return side.original ? evidence.original_in_translation(sentence, begin, end)
                       : evidence.translation_in_original(sentence, begin, end);
}

bool clearly_unrendered(const Support& support, const RenderingRates& rates) {
  return support.tokens >= kMinTokens && support.share() <= rates.rendered / 2 &&
         unrendered_log_odds(support, rates) >= kMinLogOdds;
}

// The other side's sentences of the kNeighbours nearest beads before and after bead b that
// have any, and of bead b.
std::pair<int, int> neighbourhood(const SideView& side, const Alignment& alignment, int b) {
  int first = b, last = b;
  for (int seen = 0; first > 0 && seen < kNeighbours;)
    seen += alignment[--first].*side.other_len > 0;
  const int n = static_cast<int>(alignment.size());
  for (int seen = 0; last + 1 < n && seen < kNeighbours;)
    seen += alignment[++last].*side.other_len > 0;
  return {alignment[first].*side.other_begin,
          alignment[last].*side.other_begin + alignment[last].*side.other_len};
}

// Whether the beads next to bead b render the sentence after all: the bead boundary is
// then misplaced, and the sentence has a counterpart.
bool rendered_nearby(const RenderingEvidence& evidence, const SideView& side,
                     const Alignment& alignment, int b, int sentence, const RenderingRates& rates,
                     Support* support) {
  const auto [begin, end] = neighbourhood(side, alignment, b);
  *support = support_of(evidence, side, sentence, begin, end);
  // Halfway between rendered and what chance finds in that many unrelated sentences.
  const double chance = 1 - std::pow(1 - rates.chance, std::max(1, end - begin));
  const double floor = std::max(kNearbyFloor, (rates.rendered + chance) / 2);
  return support->tokens >= kMinTokens && support->share() >= floor;
}

// Whether bead b exists and holds sentences of this side with none of the other.
bool left_out(const SideView& side, const Alignment& alignment, int b) {
  return b >= 0 && b < static_cast<int>(alignment.size()) && alignment[b].*side.len > 0 &&
         alignment[b].*side.other_len == 0;
}

// The verdicts on the sentences of one side of bead b.
void judge_bead(const RenderingEvidence& evidence, const SideView& side, const Alignment& alignment,
                int b, const RenderingRates& rates, std::vector<Verdict>& verdicts) {
  const Bead& bead = alignment[b];
  const int first = bead.*side.begin, count = bead.*side.len;
  const int other_begin = bead.*side.other_begin, other_end = other_begin + bead.*side.other_len;
  for (int k = first; k < first + count; ++k) verdicts[k].bead = b;
  if (other_begin == other_end) {
    // A run of left-out sentences is a passage the aligner found no counterpart for; a
    // boundary it misplaced leaves one sentence out, and only that is checked next door.
    const bool in_run = count > 1 || left_out(side, alignment, b - 1) || left_out(side, alignment, b + 1);
    for (int k = first; k < first + count; ++k) {
      Support nearby;
      if (!in_run && rendered_nearby(evidence, side, alignment, b, k, rates, &nearby)) continue;
      verdicts[k] = {true, true, b, nearby};
    }
    return;
  }
  if (count < 2) return;
  std::vector<bool> unrendered;
  std::vector<Support> supports;
  for (int k = first; k < first + count; ++k) {
    supports.push_back(support_of(evidence, side, k, other_begin, other_end));
    unrendered.push_back(clearly_unrendered(supports.back(), rates));
  }
  // When no sentence of the bead is rendered, the bead is misaligned rather than one
  // sentence left out: the low score tells.
  if (std::all_of(unrendered.begin(), unrendered.end(), [](bool u) { return u; })) return;
  for (int k = 0; k < count; ++k) {
    Support nearby;
    if (!unrendered[k] || rendered_nearby(evidence, side, alignment, b, first + k, rates, &nearby))
      continue;
    verdicts[first + k] = {true, false, b, supports[k]};
  }
}

std::size_t weighted_size(const SplitText& text, int first, int count) {
  std::size_t size = 0;
  for (int i = first; i < first + count; ++i) {
    const std::string& s = text.sentences[i].text;
    for (std::size_t pos = 0, length = 0; pos < s.size(); pos += length) {
      const char32_t c = decode_utf8(s, pos, &length);
      if (!is_space(c)) size += is_han(c) ? kHanFactor : 1;
    }
  }
  return size;
}

Severity gap_severity(const SideView& side, int first, int count, int sentences) {
  const std::size_t size = weighted_size(side.text, first, count);
  if (size < kTrivialSize) return Severity::kInfo;
  if (!side.original) return Severity::kWarning;
  return size >= kLargeSize || sentences >= 2 ? Severity::kError : Severity::kWarning;
}

std::string percent(double share) {
  return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
}

std::string gap_evidence(const SideView& side, const Alignment& alignment,
                         const std::vector<Verdict>& verdicts, const RenderingRates& rates,
                         int first, int last) {
  std::string unaligned, judged;
  const char* other = side.original ? "translation" : "original";
  for (int i = first; i <= last; ++i) {
    const Verdict& v = verdicts[i];
    if (!v.gap || side.text.sentences[i].text.empty()) continue;
    const Bead& bead = alignment[v.bead];
    if (v.unaligned) {
      if (unaligned.empty()) unaligned = std::string("aligned with no ") + other + " sentence";
      continue;
    }
    using std::to_string;
    if (!judged.empty()) judged += "; ";
    judged.append("sentence ").append(to_string(i)).append(" in bead ").append(to_string(v.bead));
    judged.append(" (").append(to_string(bead.src_len)).append("-").append(to_string(bead.tgt_len));
    judged.append("): ").append(to_string(v.support.matched_tokens)).append(" of its ");
    judged.append(to_string(v.support.tokens)).append(" words found in the ").append(other);
  }
  if (!judged.empty()) {
    judged.append(" (here a rendered sentence shows about ").append(percent(rates.rendered));
    judged.append(" of its words, an unrelated one ").append(percent(rates.chance)).append(")");
  }
  if (unaligned.empty()) return judged;
  return judged.empty() ? unaligned : unaligned + "; " + judged;
}

Finding gap_finding(const SideView& side, const Alignment& alignment,
                    const std::vector<Verdict>& verdicts, const RenderingRates& rates, int first,
                    int last, int sentences) {
  Finding f;
  f.kind = side.original ? FindingKind::kOmission : FindingKind::kAddition;
  f.bead = verdicts[first].bead;
  const Bead& first_bead = alignment[verdicts[first].bead];
  const Bead& last_bead = alignment[verdicts[last].bead];
  const SentenceRange here{first, last - first + 1};
  const int other_begin = first_bead.*side.other_begin;
  const SentenceRange there{other_begin,
                            last_bead.*side.other_begin + last_bead.*side.other_len - other_begin};
  f.original = side.original ? here : there;
  f.translation = side.original ? there : here;
  f.original_text =
      join_sentences(side.original ? side.text : side.other, f.original.begin, f.original.count);
  f.translation_text = join_sentences(side.original ? side.other : side.text, f.translation.begin,
                                      f.translation.count);
  f.severity = gap_severity(side, first, here.count, sentences);
  f.score = first_bead.score;
  for (int i = first; i <= last; ++i) {
    if (verdicts[i].gap && !verdicts[i].unaligned) {
      f.support = f.support < 0 ? verdicts[i].support.share()
                                : std::min(f.support, verdicts[i].support.share());
    }
  }
  const std::size_t characters =
      visible_characters(side.original ? f.original_text : f.translation_text);
  f.message = std::to_string(sentences) + (sentences == 1 ? " sentence (" : " sentences (") +
              std::to_string(characters) + " characters) of the " +
              (side.original ? "original with no counterpart in the translation"
                             : "translation with no counterpart in the original");
  f.evidence = gap_evidence(side, alignment, verdicts, rates, first, last);
  return f;
}

std::vector<Finding> side_gaps(const SideView& side, const Alignment& alignment,
                               const RenderingEvidence& evidence, std::vector<bool>* flags) {
  std::vector<Verdict> verdicts(side.text.sentences.size());
  const RenderingRates rates = evidence.rates(alignment, side.original);
  for (std::size_t b = 0; b < alignment.size(); ++b) {
    judge_bead(evidence, side, alignment, static_cast<int>(b), rates, verdicts);
  }
  std::vector<Finding> findings;
  flags->assign(verdicts.size(), false);
  int first = -1, last = -1, sentences = 0;
  auto flush = [&] {
    if (first >= 0) {
      findings.push_back(gap_finding(side, alignment, verdicts, rates, first, last, sentences));
    }
    first = last = -1;
    sentences = 0;
  };
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    if (side.text.sentences[i].text.empty()) continue;
    if (!verdicts[i].gap) {
      flush();
      continue;
    }
    (*flags)[i] = true;
    if (first < 0) first = static_cast<int>(i);
    last = static_cast<int>(i);
    ++sentences;
  }
  flush();
  return findings;
}

}  // namespace

std::vector<Finding> find_gaps(const SplitText& original, const SplitText& translation,
                               const Alignment& alignment, const CheckOptions& options,
                               Gaps* gaps) {
  const RenderingEvidence evidence(original, translation, options.lexicon.impl());
  const SideView from_original{original,       translation,      true,          &Bead::src_begin,
                               &Bead::src_len, &Bead::tgt_begin, &Bead::tgt_len};
  const SideView from_translation{translation,    original,         false,         &Bead::tgt_begin,
                                  &Bead::tgt_len, &Bead::src_begin, &Bead::src_len};
  std::vector<Finding> findings = side_gaps(from_original, alignment, evidence, &gaps->original);
  std::vector<Finding> added = side_gaps(from_translation, alignment, evidence, &gaps->translation);
  findings.insert(findings.end(), added.begin(), added.end());
  return findings;
}

}  // namespace anchoralign::detail
