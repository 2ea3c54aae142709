// Lexicon training internals: readers of decoded training files and IBM Model 1.
#pragma once

#include <Eigen/SparseCore>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "anchoralign/train.h"
#include "lexicon/lexicon.h"

namespace anchoralign::detail {

// The pairs of decoded TMX text; `name` is the file name for messages (see read_tmx_pairs).
std::vector<SentencePair> parse_tmx_pairs(std::string_view text, const std::string& name);

// The pairs of decoded TSV text (see read_tsv_pairs).
std::vector<SentencePair> parse_tsv_pairs(std::string_view text, const std::string& name);

// Line i of `chinese` with line i of `english` (see read_parallel_pairs).
std::vector<SentencePair> parse_parallel_pairs(std::string_view chinese, std::string_view english,
                                               const std::string& chinese_name,
                                               const std::string& english_name);

// Hashes std::string keys so that the map can be searched with a string_view.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// The words of one language as dense ids; id 0 is the NULL word of IBM Model 1.
class Vocabulary {
 public:
  Vocabulary() : words_(1) {}
  std::int32_t id(std::string_view word);  // adds the word when it is new
  const std::string& word(std::int32_t id) const { return words_[static_cast<std::size_t>(id)]; }
  std::int32_t size() const { return static_cast<std::int32_t>(words_.size()); }

 private:
  std::unordered_map<std::string, std::int32_t, WordHash, std::equal_to<>> ids_;
  std::vector<std::string> words_;
};

// One side of a training corpus: each sentence as word ids, stored end to end.
struct CorpusSide {
  Vocabulary vocabulary;
  std::vector<std::int32_t> tokens;
  std::vector<std::size_t> ends;  // sentence i is tokens[ends[i - 1], ends[i])

  std::size_t size() const { return ends.size(); }
  std::span<const std::int32_t> sentence(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends[i - 1];
    return std::span<const std::int32_t>(tokens).subspan(begin, ends[i] - begin);
  }
  void add(const std::vector<std::string_view>& words);
};

// Chinese words (segmented by `segmentation`) and English lemmas of each pair; pairs with
// nothing on one side are left out, since they teach nothing but the NULL word.
struct TrainingCorpus {
  CorpusSide chinese, english;
};
TrainingCorpus tokenize_pairs(const std::vector<SentencePair>& pairs, const Lexicon& segmentation);

// Rows are target words, columns source words; column-major, so a column is one source word.
using SparseTable = Eigen::SparseMatrix<float, Eigen::ColMajor, std::int32_t>;

// How many sentence pairs hold both a Chinese word (column) and an English lemma (row), for
// the pairs sharing at least `min_count` sentence pairs and positively associated with a
// log-likelihood ratio (Dunning 1993) of at least `min_association`.
SparseTable candidate_pairs(const TrainingCorpus& corpus, int min_count, double min_association);

// Dunning's G2 of a 2x2 contingency table: `both` of `total` pairs hold the two words, which
// `first` and `second` pairs hold each.
double log_likelihood_ratio(double both, double first, double second, double total);

// IBM Model 1 (Brown et al. 1993) with a NULL source word: t(target | source) after
// `iterations` EM iterations, for the target words of column s of `candidates` (target rows
// x source columns) and for every target word from NULL (column 0). Up to `cached_cells`
// table cells (4 bytes each) are kept between iterations rather than searched again.
SparseTable train_model1(const CorpusSide& source, const CorpusSide& target,
                         const SparseTable& candidates, int iterations,
                         std::size_t cached_cells = std::size_t{1} << 25);

// t(row | column); 0 when the cell is not stored.
float table_value(const SparseTable& table, std::int32_t row, std::int32_t column);

}  // namespace anchoralign::detail
