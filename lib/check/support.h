// How much of a sentence the other side of its bead renders, from word translations and
// anchors: the evidence for calling one sentence of a many-to-one bead untranslated.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "anchoralign/types.h"
#include "lexicon/lexicon.h"

namespace anchoralign::detail {

// Evidence of one sentence: the idf-weighted tokens that could be matched on the other side
// and those that were.
struct Support {
  double matched = 0, total = 0;  // idf weights
  int tokens = 0, matched_tokens = 0;
  double share() const { return total > 0 ? matched / total : 0; }
  Support& operator+=(const Support& other);
};

// How much of a sentence's evidence the other side shows in this document pair when it
// renders the sentence (`rendered`, from the 1-1 beads) and when it does not (`chance`,
// from sentences paired at random): literary pairs match less than technical ones.
struct RenderingRates {
  double rendered = 0.4, chance = 0.05;
};

// Log odds that a sentence with this support is not rendered rather than rendered, under a
// binomial model of its tokens: positive favours "not rendered".
double unrendered_log_odds(const Support& support, const RenderingRates& rates);

class RenderingEvidence {
 public:
  // `lexicon` may be null: numbers and Latin terms are then the only evidence. Keeps no
  // reference to the texts.
  RenderingEvidence(const SplitText& original, const SplitText& translation,
                    const Lexicon* lexicon);

  // Evidence of original sentence `sentence` found in translation sentences [begin, end).
  Support original_in_translation(int sentence, int begin, int end) const;
  // Evidence of translation sentence `sentence` found in original sentences [begin, end).
  Support translation_in_original(int sentence, int begin, int end) const;

  // The rates of the original's sentences (`original`) or the translation's, measured on
  // `alignment`.
  RenderingRates rates(const Alignment& alignment, bool original) const;

 private:
  struct Token {
    double weight = 0;
    std::vector<std::int32_t> concepts;  // any of them on the other side matches
  };
  struct SentenceEvidence {
    std::vector<Token> tokens;         // what must be matched
    std::vector<std::int32_t> offers;  // what it can match, sorted
  };
  using Side = std::vector<SentenceEvidence>;
  struct RawSentence;  // tokens before weighting

  Side build(const SplitText& text, const SplitText& other, const Lexicon* lexicon);
  void add_words(const Sentence& sentence, Lang lang, bool cross, const Lexicon* lexicon,
                 RawSentence& out);
  static Side weigh(std::vector<RawSentence>& raw);
  static Support match(const SentenceEvidence& sentence, const Side& other, int begin, int end);
  std::int32_t intern(const std::string& key);

  std::unordered_map<std::string, std::int32_t> ids_;
  std::int32_t next_id_ = 0;
  Side original_, translation_;
};

}  // namespace anchoralign::detail
