// Rendering evidence of single sentences (support.h).
//
// Every sentence becomes a list of tokens that the other text could render, each with the
// concepts that would show it rendered, and a sorted list of the concepts it offers:
//   English, across languages: content lemmas the lexicon knows (a lemma id);
//   Chinese, across languages: words with translations (the ids of their lemmas);
//   both: numbers (by value, so 3亿 meets "300 million") and Latin-script words. A Latin
//   word in Chinese text must reappear in the English; an English one counts only when it
//   is name-like and the Chinese text keeps it in Latin somewhere, since names are often
//   transliterated (Tom Walsh, 汤姆·沃尔什).
//   Same language on both sides: lemmas or words stand for themselves.
// Each token weighs idf = log(1 + N / df) over its own text's N sentences, so the words
// every sentence has ("say", 的) decide little. A sentence's support is the weight of its
// matched tokens over the weight of all; spelled small numbers only offer, never demand.
//
// Tested by check_test.cpp.
#include "check/support.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "check/terms.h"

namespace anchoralign::detail {
namespace {

std::unordered_set<std::string> latin_keys(const SplitText& text) {
  std::unordered_set<std::string> keys;
  for (const Sentence& sentence : text.sentences) {
    for (TermMention& term : find_terms(sentence.text, text.lang)) {
      if (!term.number) keys.insert(std::move(term.key));
    }
  }
  return keys;
}

// prefix + text; appending (rather than operator+) keeps GCC 12's -Wrestrict quiet.
std::string prefixed(std::string_view prefix, std::string_view text) {
  std::string out;
  out.reserve(prefix.size() + text.size());
  out.append(prefix).append(text);
  return out;
}

const Lexicon& empty_lexicon() {
  static const Lexicon lexicon;
  return lexicon;
}

}  // namespace

Support& Support::operator+=(const Support& other) {
  matched += other.matched;
  total += other.total;
  tokens += other.tokens;
  matched_tokens += other.matched_tokens;
  return *this;
}

std::int32_t RenderingEvidence::intern(const std::string& key) {
  auto [it, fresh] = ids_.emplace(key, next_id_);
  if (fresh) ++next_id_;
  return it->second;
}

RenderingEvidence::RenderingEvidence(const SplitText& original, const SplitText& translation,
                                     const Lexicon* lexicon) {
  if (lexicon != nullptr && lexicon->empty()) lexicon = nullptr;
  next_id_ = lexicon != nullptr ? lexicon->lemma_count() : 0;
  original_ = build(original, translation, lexicon);
  translation_ = build(translation, original, lexicon);
}

struct RenderingEvidence::RawSentence {
  struct RawToken {
    std::string key;  // for document frequencies
    std::vector<std::int32_t> concepts;
  };
  std::vector<RawToken> tokens;
  std::vector<std::int32_t> offers;

  void add(std::string key, std::vector<std::int32_t> concepts, bool demand) {
    offers.insert(offers.end(), concepts.begin(), concepts.end());
    if (demand) tokens.push_back({std::move(key), std::move(concepts)});
  }
};

// The lemmas of an English sentence or the words of a Chinese one.
void RenderingEvidence::add_words(const Sentence& sentence, Lang lang, bool cross,
                                  const Lexicon* lexicon, RawSentence& out) {
  if (lang == Lang::kEn) {
    for (std::string& lemma : english_lemmas(sentence.normalized)) {
      if (!cross) {
        out.add(lemma, {intern(prefixed("l:", lemma))}, true);
      } else if (lexicon != nullptr && lexicon->lemma_id(lemma) >= 0) {
        out.add(lemma, {lexicon->lemma_id(lemma)}, true);
      }
    }
    return;
  }
  if (lexicon == nullptr && cross) return;
  for (std::string_view word :
       segment_chinese(sentence.normalized, lexicon ? *lexicon : empty_lexicon())) {
    std::vector<std::int32_t> concepts;
    if (!cross) {
      concepts.push_back(intern(prefixed("z:", word)));
    } else {
      for (const Translation& t : lexicon->translations(word)) concepts.push_back(t.lemma);
    }
    if (!concepts.empty()) out.add(std::string(word), std::move(concepts), true);
  }
}

RenderingEvidence::Side RenderingEvidence::build(const SplitText& text, const SplitText& other,
                                                 const Lexicon* lexicon) {
  const bool cross = text.lang != other.lang;
  const bool english_across = text.lang == Lang::kEn && cross;
  const std::unordered_set<std::string> other_latin =
      english_across ? latin_keys(other) : std::unordered_set<std::string>{};
  std::vector<RawSentence> raw(text.sentences.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const Sentence& sentence = text.sentences[i];
    add_words(sentence, text.lang, cross, lexicon, raw[i]);
    for (TermMention& term : find_terms(sentence.text, text.lang)) {
      const bool demand = term.number      ? term.strong
                          : english_across ? term.strong && other_latin.contains(term.key)
                                           : text.lang != Lang::kEn || term.strong;
      // Numbers meet by value, whatever their kind (11, 11月, November).
      const std::string concept_key =
          term.number ? prefixed("#", std::string_view(term.key).substr(2)) : term.key;
      raw[i].add(term.key, {intern(concept_key)}, demand);
    }
    std::sort(raw[i].offers.begin(), raw[i].offers.end());
  }
  return weigh(raw);
}

RenderingEvidence::Side RenderingEvidence::weigh(std::vector<RawSentence>& raw) {
  std::unordered_map<std::string, int> frequency;
  for (const RawSentence& sentence : raw) {
    std::unordered_set<std::string> seen;
    for (const auto& token : sentence.tokens) {
      if (seen.insert(token.key).second) ++frequency[token.key];
    }
  }
  const double n = static_cast<double>(raw.size());
  Side side(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    side[i].offers = std::move(raw[i].offers);
    for (auto& token : raw[i].tokens) {
      const double idf = std::log(1 + n / frequency[token.key]);
      side[i].tokens.push_back({idf, std::move(token.concepts)});
    }
  }
  return side;
}

Support RenderingEvidence::match(const SentenceEvidence& sentence, const Side& other, int begin,
                                 int end) {
  Support support;
  for (const Token& token : sentence.tokens) {
    const bool found =
        std::any_of(token.concepts.begin(), token.concepts.end(), [&](std::int32_t id) {
          for (int k = begin; k < end; ++k) {
            if (std::binary_search(other[k].offers.begin(), other[k].offers.end(), id)) return true;
          }
          return false;
        });
    support.total += token.weight;
    support.matched += found ? token.weight : 0;
    support.matched_tokens += found ? 1 : 0;
    ++support.tokens;
  }
  return support;
}

Support RenderingEvidence::original_in_translation(int sentence, int begin, int end) const {
  return match(original_[sentence], translation_, begin, end);
}

Support RenderingEvidence::translation_in_original(int sentence, int begin, int end) const {
  return match(translation_[sentence], original_, begin, end);
}

namespace {

constexpr int kMinRateTokens = 3;   // sentences with fewer tokens tell little about rates
constexpr int kMinRateSamples = 8;  // fewer 1-1 beads: keep the default rates
constexpr int kChanceSamples = 300;
constexpr int kChanceDistance = 5;  // a random pair closer than this may be a translation

double median(std::vector<double> values) {
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

}  // namespace

double unrendered_log_odds(const Support& support, const RenderingRates& rates) {
  const double n = support.tokens, k = support.share() * n;
  const double p = rates.rendered, q = rates.chance;
  return k * std::log(q / p) + (n - k) * std::log((1 - q) / (1 - p));
}

RenderingRates RenderingEvidence::rates(const Alignment& alignment, bool original) const {
  const Side& here = original ? original_ : translation_;
  auto support = [&](int sentence, int begin, int end) {
    return original ? original_in_translation(sentence, begin, end)
                    : translation_in_original(sentence, begin, end);
  };
  RenderingRates rates;
  std::vector<double> rendered;
  for (const Bead& bead : alignment) {
    if (bead.src_len != 1 || bead.tgt_len != 1) continue;
    const int sentence = original ? bead.src_begin : bead.tgt_begin;
    const int other = original ? bead.tgt_begin : bead.src_begin;
    const Support s = support(sentence, other, other + 1);
    if (s.tokens >= kMinRateTokens) rendered.push_back(s.share());
  }
  if (static_cast<int>(rendered.size()) < kMinRateSamples) return rates;
  rates.rendered = std::clamp(median(rendered), 0.2, 0.9);
  const Side& there = original ? translation_ : original_;
  const int n = static_cast<int>(here.size()), m = static_cast<int>(there.size());
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;  // fixed: the same texts give the same report
  auto next = [&state](int bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
  };
  Support chance;
  for (int k = 0; k < kChanceSamples; ++k) {
    const int i = next(n), j = next(m);
    // Far from where i's translation would lie, at the same relative position.
    if (std::abs(static_cast<long long>(i) * m / n - j) < kChanceDistance) continue;
    chance += support(i, j, j + 1);
  }
  if (chance.total > 0) rates.chance = std::clamp(chance.share(), 0.02, rates.rendered / 2);
  return rates;
}

}  // namespace anchoralign::detail
