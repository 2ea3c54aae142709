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

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

namespace anchoralign::detail {
namespace {

// Columns past the lexicon's lemmas, for tokens the lexicon cannot translate, numbered in
// the order the tokens first appear (source side first).
class LocalColumns {
 public:
  explicit LocalColumns(std::int32_t first) : first_(first) {}
  std::int32_t operator()(std::string_view key) { return first_ + keys_.insert(key); }
  std::int32_t end() const { return first_ + keys_.size(); }

 private:
  std::int32_t first_;
  StringTable keys_;
};

// The tokens of one side: each sentence as token ids, stored end to end, and each distinct
// token (a word or lemma) once, with the columns it puts weight on. Tokens as ids rather
// than strings keep a document of 100k sentences within a few megabytes.
struct SideTokens {
  StringTable keys;                               // token id -> word or lemma
  std::vector<std::vector<Translation>> columns;  // by token id
  std::vector<std::int32_t> tokens;
  std::vector<std::size_t> ends;  // sentence i is tokens[ends[i - 1], ends[i])

  // Adds a token to the current sentence; `columns_of` gives the columns of a new token.
  template <typename ColumnsOf>
  void add(std::string_view key, ColumnsOf columns_of) {
    const std::int32_t count = keys.size();
    const std::int32_t id = keys.insert(key);
    if (id == count) columns.push_back(columns_of());
    tokens.push_back(id);
  }
  void end_sentence() { ends.push_back(tokens.size()); }
};

SideTokens english_tokens(const SplitText& text, const Lexicon& lexicon, LocalColumns& local) {
  SideTokens side;
  for (const Sentence& sentence : text.sentences) {
    for (const std::string& lemma : english_lemmas(sentence.normalized)) {
      side.add(lemma, [&] {
        std::int32_t id = lexicon.lemma_id(lemma);
        if (id < 0) id = local("en:" + lemma);
        return std::vector<Translation>{Translation{id, 1}};
      });
    }
    side.end_sentence();
  }
  return side;
}

// Chinese words; `translate` maps them to English lemmas, else each word is its own column.
SideTokens chinese_tokens(const SplitText& text, const Lexicon& lexicon, bool translate,
                          LocalColumns& local) {
  SideTokens side;
  for (const Sentence& sentence : text.sentences) {
    for (std::string_view word : segment_chinese(sentence.normalized, lexicon)) {
      side.add(word, [&] {
        std::vector<Translation> columns;
        if (translate) {
          const auto translations = lexicon.translations(word);
          columns.assign(translations.begin(), translations.end());
        }
        if (columns.empty()) columns.push_back({local("zh:" + std::string(word)), 1});
        return columns;
      });
    }
    side.end_sentence();
  }
  return side;
}

// How many sentences hold each token.
std::vector<int> document_frequency(const SideTokens& side) {
  std::vector<int> frequency(static_cast<std::size_t>(side.keys.size()), 0);
  std::vector<std::size_t> last(frequency.size(), SIZE_MAX);  // last sentence counted
  std::size_t begin = 0;
  for (std::size_t i = 0; i < side.ends.size(); begin = side.ends[i++]) {
    for (std::size_t k = begin; k < side.ends[i]; ++k) {
      const auto id = static_cast<std::size_t>(side.tokens[k]);
      if (last[id] != i) ++frequency[id];
      last[id] = i;
    }
  }
  return frequency;
}

// One sentence's (column, weight) entries in token order, as a sorted row: repeated columns
// are summed in token order, as Eigen's setFromTriplets() sums duplicate triplets, so the
// rows are the same floats as building the matrix from triplets.
void append_row(std::vector<std::pair<std::int32_t, float>>& entries, SparseBuilder& rows) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (std::size_t k = 0; k < entries.size();) {
    float sum = entries[k].second;
    std::size_t next = k + 1;
    for (; next < entries.size() && entries[next].first == entries[k].first; ++next) {
      sum += entries[next].second;
    }
    rows.columns.push_back(entries[k].first);
    rows.values.push_back(sum);
    k = next;
  }
  rows.starts.push_back(static_cast<int>(rows.columns.size()));
}

SparseRows to_rows(const SideTokens& side, std::int32_t column_count) {
  const std::vector<int> frequency = document_frequency(side);
  const double n = static_cast<double>(side.ends.size());
  SparseBuilder rows;
  std::vector<std::pair<std::int32_t, float>> entries;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < side.ends.size(); begin = side.ends[i++]) {
    entries.clear();
    for (std::size_t k = begin; k < side.ends[i]; ++k) {
      const auto id = static_cast<std::size_t>(side.tokens[k]);
      const double idf = std::log(1 + n / frequency[id]);
      const double spread = 1 / std::sqrt(static_cast<double>(side.columns[id].size()));
      for (const Translation& column : side.columns[id]) {
        entries.emplace_back(column.lemma, static_cast<float>(idf * spread * column.weight));
      }
    }
    append_row(entries, rows);
  }
  return rows.build(static_cast<int>(side.ends.size()), column_count);
}

}  // namespace

LexicalRows lexical_rows(const SplitText& source, const SplitText& target, const Lexicon& lexicon) {
  LocalColumns local(lexicon.lemma_count());
  const bool cross_lingual = source.lang != target.lang;
  auto tokens_of = [&](const SplitText& text) {
    return text.lang == Lang::kEn ? english_tokens(text, lexicon, local)
                                  : chinese_tokens(text, lexicon, cross_lingual, local);
  };
  const SideTokens source_tokens = tokens_of(source);
  const SideTokens target_tokens = tokens_of(target);
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
