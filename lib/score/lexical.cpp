// Sentences as sparse vectors over English lemmas (FIELD.md, "an idea that joins them").
//
// An English sentence puts idf(t) on the column of each content lemma t (english_lemmas()).
// A Chinese sentence is segmented by longest match on the lexicon's headwords; a word w
// with translations T(w) puts idf(w) x weight / sqrt(|T(w)|) on each lemma of T(w), so
// every word adds about idf(w)^2 to the squared norm however many glosses it has. Words
// without translations, on either side, get a column of their own: they count in the
// norms (a sentence full of unknown words is weak evidence) but never match. idf is
// log(1 + N / df) with df the number of sentences of that side holding the token.
//
// The bead similarity is the cosine of the summed rows (SparseOverlap); the scorer turns
// it into a cost relative to the mean cosine of random sentence pairs of the same
// documents, as Vecalign normalises its embeddings' cosines (Thompson & Koehn 2019).
//
// When both texts are in the same language, both sides use that language's tokens
// directly (English lemmas, or Chinese words), so the same machinery aligns zh-zh and
// en-en pairs. Tested by score_test.cpp.
#include "score/lexical.h"

#include <cmath>
#include <string>
#include <unordered_map>

namespace anchoralign::detail {
namespace {

// One token of a sentence and the columns it puts weight on.
struct Token {
  std::string key;  // the word or lemma, for document frequencies
  std::vector<Translation> columns;
};

using SentenceTokens = std::vector<std::vector<Token>>;

// Columns past the lexicon's lemmas, for tokens the lexicon cannot translate.
class LocalColumns {
 public:
  explicit LocalColumns(std::int32_t first) : next_(first) {}
  std::int32_t operator()(const std::string& key) {
    auto [it, fresh] = ids_.emplace(key, next_);
    if (fresh) ++next_;
    return it->second;
  }
  std::int32_t end() const { return next_; }

 private:
  std::unordered_map<std::string, std::int32_t> ids_;
  std::int32_t next_;
};

SentenceTokens english_tokens(const SplitText& text, const Lexicon& lexicon, LocalColumns& local) {
  SentenceTokens sentences;
  for (const Sentence& sentence : text.sentences) {
    std::vector<Token> tokens;
    for (std::string& lemma : english_lemmas(sentence.normalized)) {
      std::int32_t id = lexicon.lemma_id(lemma);
      if (id < 0) id = local("en:" + lemma);
      tokens.push_back({std::move(lemma), {Translation{id, 1}}});
    }
    sentences.push_back(std::move(tokens));
  }
  return sentences;
}

// Chinese words; `translate` maps them to English lemmas, else each word is its own column.
SentenceTokens chinese_tokens(const SplitText& text, const Lexicon& lexicon, bool translate,
                              LocalColumns& local) {
  SentenceTokens sentences;
  for (const Sentence& sentence : text.sentences) {
    std::vector<Token> tokens;
    for (std::string_view word : segment_chinese(sentence.normalized, lexicon)) {
      Token token{std::string(word), {}};
      if (translate) {
        for (const Translation& translation : lexicon.translations(word)) token.columns.push_back(translation);
      }
      if (token.columns.empty()) token.columns.push_back({local("zh:" + token.key), 1});
      tokens.push_back(std::move(token));
    }
    sentences.push_back(std::move(tokens));
  }
  return sentences;
}

SparseRows to_rows(const SentenceTokens& sentences, std::int32_t columns) {
  std::unordered_map<std::string, int> frequency;
  for (const auto& tokens : sentences) {
    std::unordered_map<std::string, bool> seen;
    for (const Token& token : tokens) {
      if (!seen[token.key]) ++frequency[token.key];
      seen[token.key] = true;
    }
  }
  const double n = static_cast<double>(sentences.size());
  std::vector<Eigen::Triplet<float>> triplets;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    for (const Token& token : sentences[i]) {
      const double idf = std::log(1 + n / frequency[token.key]);
      const double spread = 1 / std::sqrt(static_cast<double>(token.columns.size()));
      for (const Translation& column : token.columns) {
        triplets.emplace_back(static_cast<int>(i), column.lemma,
                              static_cast<float>(idf * spread * column.weight));
      }
    }
  }
  SparseRows rows(static_cast<Eigen::Index>(sentences.size()), columns);
  rows.setFromTriplets(triplets.begin(), triplets.end());
  return rows;
}

}  // namespace

LexicalRows lexical_rows(const SplitText& source, const SplitText& target, const Lexicon& lexicon) {
  LocalColumns local(lexicon.lemma_count());
  const bool cross_lingual = source.lang != target.lang;
  auto tokens_of = [&](const SplitText& text) {
    return text.lang == Lang::kEn ? english_tokens(text, lexicon, local)
                                  : chinese_tokens(text, lexicon, cross_lingual, local);
  };
  const SentenceTokens source_tokens = tokens_of(source);
  const SentenceTokens target_tokens = tokens_of(target);
  return {to_rows(source_tokens, local.end()), to_rows(target_tokens, local.end())};
}

double bead_cosine(const SparseOverlap& overlap, int i, int a, int j, int b) {
  const SparseOverlap::Sums sums = overlap.bead(i, a, j, b);
  if (sums.source_self <= 0 || sums.target_self <= 0) return 0;
  return sums.cross / std::sqrt(sums.source_self * sums.target_self);
}

double random_pair_cosine(const SparseOverlap& overlap, int n, int m, int samples) {
  if (n == 0 || m == 0) return 0;
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;  // fixed: the same documents give the same costs
  auto next = [&state](int bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
  };
  double total = 0;
  for (int k = 0; k < samples; ++k) total += bead_cosine(overlap, next(n), 1, next(m), 1);
  return total / samples;
}

}  // namespace anchoralign::detail
