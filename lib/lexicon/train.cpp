// Learning Chinese word -> English lemma translations from sentence pairs.
//
// Units. The Chinese side is segmented exactly as the aligner will segment it: by longest
// match on the headwords of the segmentation lexicon (normally the default CC-CEDICT), or,
// with none, into single characters. Either way every learned headword is a unit the
// aligner's segmenter produces, and adding the trained lexicon to the segmentation lexicon
// leaves the segmentation unchanged. Bigrams were rejected for that reason: a learned bigram
// becomes a headword, and greedy longest match then cuts ABC into AB|C, hiding a learned BC,
// while overlapping bigrams counted every character twice in training. The English side is
// english_lemmas(), the tokens the scorer compares.
//
// Model. IBM Model 1 (Brown et al. 1993) with a NULL word, trained by EM in both directions:
//   E-step, for each pair (S, T) and each target word t:
//       count(t, s) += t(t|s) / (t(t|NULL) + sum over s' in S of t(t|s'))   for s in S + NULL
//   M-step: t(t|s) = count(t, s) / sum over t' of count(t', s).
// Model 1 alone explains rare source words with whatever they co-occur with ("garbage
// collection"); requiring both directions to agree, weight = sqrt(t(en|zh) t(zh|en)), removes
// most of that, as the intersection of directional alignments does in phrase-based MT.
//
// Candidates. The t-tables are Eigen sparse matrices over the candidate pairs only: a Chinese
// word and an English lemma sharing at least min_cooccurrence sentence pairs, more often than
// chance, with Dunning's (1993) log-likelihood ratio G2 >= min_association (10.83: p < 0.001).
// The test drops what the words' frequencies explain: 的 meets every lemma, and on small
// corpora Model 1 gave it (and other frequent words) arbitrary rare lemmas.
//
// Cost. The co-occurrence counts are a sparse product of the two pair-by-word incidence
// matrices, computed in blocks of English lemmas and pruned block by block, so memory follows
// what is kept. Finding the cells of the table that may explain each target token takes
// |S| binary searches; they are found once and kept (up to a budget of cells), so that each
// EM iteration walks arrays. Everything is linear in the corpus for sentences of bounded
// length: 100k synthetic pairs train in about 10 s of CPU and 250 MB.
//
// Tested by lexicon_train_test.cpp.
#include "lexicon/train.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "anchoralign/error.h"
#include "pipeline/out_of_range.h"
#include "text/normalize.h"

namespace anchoralign::detail {
namespace {

// Unpruned co-occurrences per block of the co-occurrence product (about 12 bytes each).
constexpr double kBlockBudget = 1 << 21;

SparseTable incidence(const CorpusSide& side) {
  std::vector<Eigen::Triplet<float, std::int32_t>> cells;
  std::vector<std::int32_t> words;
  for (std::size_t i = 0; i < side.size(); ++i) {
    const auto sentence = side.sentence(i);
    words.assign(sentence.begin(), sentence.end());
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (const std::int32_t word : words) {
      cells.emplace_back(static_cast<std::int32_t>(i), word, 1.0f);
    }
  }
  SparseTable matrix(static_cast<std::int32_t>(side.size()), side.vocabulary.size());
  matrix.setFromTriplets(cells.begin(), cells.end());
  return matrix;
}

// The stored cell (row, column) of `table` as an index into its value array; -1 when absent.
std::ptrdiff_t find_cell(const SparseTable& table, std::int32_t row, std::int32_t column) {
  const std::int32_t* rows = table.innerIndexPtr();
  const std::int32_t* begin = rows + table.outerIndexPtr()[column];
  const std::int32_t* end = rows + table.outerIndexPtr()[column + 1];
  const std::int32_t* found = std::lower_bound(begin, end, row);
  return found != end && *found == row ? found - rows : -1;
}

// The structure of a t-table: the candidates, plus every target word in the NULL column.
SparseTable table_structure(const SparseTable& candidates) {
  std::vector<Eigen::Triplet<float, std::int32_t>> cells;
  cells.reserve(static_cast<std::size_t>(candidates.nonZeros() + candidates.rows()));
  for (std::int32_t row = 1; row < candidates.rows(); ++row) cells.emplace_back(row, 0, 1.0f);
  for (std::int32_t column = 1; column < candidates.outerSize(); ++column) {
    for (SparseTable::InnerIterator it(candidates, column); it; ++it) {
      cells.emplace_back(static_cast<std::int32_t>(it.row()), column, 1.0f);
    }
  }
  SparseTable table(candidates.rows(), candidates.cols());
  table.setFromTriplets(cells.begin(), cells.end());
  table.makeCompressed();
  return table;
}

// Sets each column of `table` to `counts` (same layout) divided by their column sum.
void normalize_columns(SparseTable& table, const std::vector<float>& counts) {
  const std::int32_t* outer = table.outerIndexPtr();
  float* values = table.valuePtr();
  for (std::int32_t column = 0; column < table.outerSize(); ++column) {
    double sum = 0;
    for (std::int32_t k = outer[column]; k < outer[column + 1]; ++k) sum += counts[k];
    if (sum <= 0) continue;  // a source word seen in no pair keeps its start values
    for (std::int32_t k = outer[column]; k < outer[column + 1]; ++k) {
      values[k] = static_cast<float>(counts[k] / sum);
    }
  }
}

// Appends the cells of `table` that may explain target word `word` in a pair with source
// words `source_words`: its NULL cell (column 0 holds every target word, in order), then one
// per source token it is a candidate of.
void append_cells(const SparseTable& table, std::int32_t word,
                  std::span<const std::int32_t> source_words, std::vector<std::int32_t>& cells) {
  cells.push_back(table.outerIndexPtr()[0] + word - 1);
  for (const std::int32_t from : source_words) {
    const std::ptrdiff_t cell = find_cell(table, word, from);
    if (cell >= 0) cells.push_back(static_cast<std::int32_t>(cell));
  }
}

// The cells of every target token of the first `pairs` pairs, found once so that the EM
// iterations only walk arrays. Candidates are few, so this is a small multiple of the corpus,
// but it stops at `budget` cells: the pairs after that are searched in every iteration.
struct Links {
  std::vector<std::int32_t> cells;
  std::vector<std::uint32_t> ends;  // token k's cells are cells[ends[k - 1], ends[k])
  std::size_t pairs = 0;
};

Links find_links(const CorpusSide& source, const CorpusSide& target, const SparseTable& table,
                 std::size_t budget) {
  Links links;
  std::size_t bound = 0;  // cells if every source word were a candidate
  for (std::size_t i = 0; i < source.size() && bound < budget; ++i) {
    bound += target.sentence(i).size() * (source.sentence(i).size() + 1);
  }
  links.cells.reserve(std::min(bound, budget));
  for (; links.pairs < source.size() && links.cells.size() < budget; ++links.pairs) {
    for (const std::int32_t word : target.sentence(links.pairs)) {
      append_cells(table, word, source.sentence(links.pairs), links.cells);
      links.ends.push_back(static_cast<std::uint32_t>(links.cells.size()));
    }
  }
  return links;
}

// Adds the posterior of each of `cells` (the cells of one target token) into *counts.
void add_posteriors(const float* values, std::span<const std::int32_t> cells,
                    std::vector<float>* counts) {
  double total = 0;
  for (const std::int32_t cell : cells) total += values[cell];
  if (total <= 0) return;
  for (const std::int32_t cell : cells) {
    (*counts)[static_cast<std::size_t>(cell)] += static_cast<float>(values[cell] / total);
  }
}

// One E-step over all pairs: adds the expected alignment counts into *counts.
void expect_counts(const CorpusSide& source, const CorpusSide& target, const SparseTable& table,
                   const Links& links, std::vector<float>* counts) {
  const float* values = table.valuePtr();
  const std::span<const std::int32_t> cells(links.cells);
  std::uint32_t begin = 0;
  for (const std::uint32_t end : links.ends) {
    add_posteriors(values, cells.subspan(begin, end - begin), counts);
    begin = end;
  }
  std::vector<std::int32_t> scratch;
  for (std::size_t i = links.pairs; i < source.size(); ++i) {
    for (const std::int32_t word : target.sentence(i)) {
      scratch.clear();
      append_cells(table, word, source.sentence(i), scratch);
      add_posteriors(values, scratch, counts);
    }
  }
}

// The learned translations of Chinese word `word`, heaviest first, by the options' limits.
std::vector<LexiconEntry> translations_of(std::int32_t word, const TrainingCorpus& corpus,
                                          const SparseTable& forward, const SparseTable& backward,
                                          const TrainOptions& options) {
  std::vector<LexiconEntry> entries;
  for (SparseTable::InnerIterator it(forward, word); it; ++it) {
    const auto lemma = static_cast<std::int32_t>(it.row());
    const double weight =
        std::sqrt(static_cast<double>(it.value()) * table_value(backward, word, lemma));
    if (weight >= options.min_weight && weight > 0) {
      entries.push_back({corpus.chinese.vocabulary.word(word),
                         corpus.english.vocabulary.word(lemma), std::min(weight, 1.0)});
    }
  }
  std::sort(entries.begin(), entries.end(), [](const LexiconEntry& a, const LexiconEntry& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.english < b.english;
  });
  if (entries.size() > static_cast<std::size_t>(options.max_translations)) {
    entries.resize(static_cast<std::size_t>(options.max_translations));
  }
  return entries;
}

std::string format_weight(double weight) {
  // Four decimals, but never "0.0000": the loader wants a weight in (0, 1].
  weight = std::clamp(weight, 0.0001, 1.0);
  char buffer[32];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, weight, std::chars_format::fixed, 4);
  return std::string(buffer, result.ptr);
}

// Where the blocks of lemmas (columns of `english`) start, each block co-occurring at most
// kBlockBudget times with Chinese words (or holding one lemma), and a last entry past the end.
// A lemma co-occurs at most (the number of distinct Chinese words of its pairs) times.
std::vector<std::int32_t> lemma_blocks(const SparseTable& chinese, const SparseTable& english) {
  const Eigen::VectorXf words_per_pair = chinese * Eigen::VectorXf::Ones(chinese.cols());
  const Eigen::VectorXf bound = english.transpose() * words_per_pair;
  std::vector<std::int32_t> starts = {0};
  double size = 0;
  for (std::int32_t lemma = 0; lemma < english.cols(); ++lemma) {
    if (size > 0 && size + bound[lemma] > kBlockBudget) {
      starts.push_back(lemma);
      size = 0;
    }
    size += bound[lemma];
  }
  starts.push_back(english.cols());
  return starts;
}

}  // namespace

std::int32_t Vocabulary::id(std::string_view word) {
  if (const auto it = ids_.find(word); it != ids_.end()) return it->second;
  const std::int32_t id = size();
  words_.emplace_back(word);
  ids_.emplace(std::string(word), id);
  return id;
}

void CorpusSide::add(const std::vector<std::string_view>& words) {
  for (const std::string_view word : words) tokens.push_back(vocabulary.id(word));
  ends.push_back(tokens.size());
}

TrainingCorpus tokenize_pairs(const std::vector<SentencePair>& pairs, const Lexicon& segmentation) {
  TrainingCorpus corpus;
  std::vector<std::string_view> english_views;
  for (const SentencePair& pair : pairs) {
    const std::string chinese = normalize_for_matching(pair.chinese, Lang::kZh);
    const std::vector<std::string_view> words = segment_chinese(chinese, segmentation);
    if (words.empty()) continue;
    const std::vector<std::string> lemmas =
        english_lemmas(normalize_for_matching(pair.english, Lang::kEn));
    if (lemmas.empty()) continue;
    english_views.assign(lemmas.begin(), lemmas.end());
    corpus.chinese.add(words);
    corpus.english.add(english_views);
  }
  return corpus;
}

double log_likelihood_ratio(double both, double first, double second, double total) {
  const double observed[4] = {both, first - both, second - both, total - first - second + both};
  const double expected[4] = {first * second / total, first * (total - second) / total,
                              (total - first) * second / total,
                              (total - first) * (total - second) / total};
  double sum = 0;
  for (int k = 0; k < 4; ++k) {
    if (observed[k] > 0 && expected[k] > 0)
      sum += observed[k] * std::log(observed[k] / expected[k]);
  }
  return 2 * sum;
}

SparseTable candidate_pairs(const TrainingCorpus& corpus, int min_count, double min_association) {
  const SparseTable chinese = incidence(corpus.chinese);
  const SparseTable english = incidence(corpus.english);
  const SparseTable chinese_by_pair = chinese.transpose();
  // Pairs holding each word: the margins of the association test.
  const Eigen::VectorXf chinese_pairs = chinese_by_pair * Eigen::VectorXf::Ones(chinese.rows());
  const Eigen::VectorXf english_pairs = english.transpose() * Eigen::VectorXf::Ones(english.rows());
  const double total = static_cast<double>(corpus.chinese.size());
  std::vector<Eigen::Triplet<float, std::int32_t>> kept;
  const std::vector<std::int32_t> blocks = lemma_blocks(chinese, english);
  for (std::size_t b = 0; b + 1 < blocks.size(); ++b) {
    const std::int32_t first = blocks[b];
    // Chinese words x this block of lemmas; transposed below to lemmas x words.
    SparseTable block = chinese_by_pair * english.middleCols(first, blocks[b + 1] - first);
    block.prune([&](std::int32_t word, std::int32_t column, float both) {
      if (both < static_cast<float>(min_count)) return false;
      if (min_association <= 0) return true;
      const double word_pairs = chinese_pairs[word], lemma_pairs = english_pairs[first + column];
      // Only positive association: more shared pairs than chance would give.
      return both * total > word_pairs * lemma_pairs &&
             log_likelihood_ratio(both, word_pairs, lemma_pairs, total) >= min_association;
    });
    for (std::int32_t column = 0; column < block.outerSize(); ++column) {
      for (SparseTable::InnerIterator it(block, column); it; ++it) {
        kept.emplace_back(first + column, static_cast<std::int32_t>(it.row()), it.value());
      }
    }
  }
  SparseTable table(english.cols(), chinese.cols());
  table.setFromTriplets(kept.begin(), kept.end());
  return table;
}

SparseTable train_model1(const CorpusSide& source, const CorpusSide& target,
                         const SparseTable& candidates, int iterations, std::size_t cached_cells) {
  SparseTable table = table_structure(candidates);
  // Uniform start: each source word spreads its mass evenly over its candidates.
  for (std::int32_t column = 0; column < table.outerSize(); ++column) {
    const std::int32_t begin = table.outerIndexPtr()[column];
    const std::int32_t end = table.outerIndexPtr()[column + 1];
    for (std::int32_t k = begin; k < end; ++k) {
      table.valuePtr()[k] = 1.0f / static_cast<float>(end - begin);
    }
  }
  const Links links = find_links(source, target, table, cached_cells);
  std::vector<float> counts(static_cast<std::size_t>(table.nonZeros()));
  for (int iteration = 0; iteration < iterations; ++iteration) {
    std::fill(counts.begin(), counts.end(), 0.0f);
    expect_counts(source, target, table, links, &counts);
    normalize_columns(table, counts);
  }
  return table;
}

float table_value(const SparseTable& table, std::int32_t row, std::int32_t column) {
  const std::ptrdiff_t cell = find_cell(table, row, column);
  return cell < 0 ? 0.0f : table.valuePtr()[cell];
}

}  // namespace anchoralign::detail

namespace anchoralign {

void validate(const TrainOptions& options) {
  if (options.iterations < 1 || options.iterations > 100) {
    detail::throw_out_of_range("iterations", "[1, 100]", options.iterations);
  }
  if (options.min_cooccurrence < 1 || options.min_cooccurrence > 1000000) {
    detail::throw_out_of_range("min_cooccurrence", "[1, 1000000]", options.min_cooccurrence);
  }
  if (!(options.min_association >= 0 && options.min_association <= 1e9)) {
    detail::throw_out_of_range("min_association", "[0, 1e9]", options.min_association);
  }
  if (!(options.min_weight > 0 && options.min_weight <= 1)) {
    detail::throw_out_of_range("min_weight", "(0, 1]", options.min_weight);
  }
  if (options.max_translations < 1 || options.max_translations > 100) {
    detail::throw_out_of_range("max_translations", "[1, 100]", options.max_translations);
  }
}

std::vector<LexiconEntry> train_lexicon(const std::vector<SentencePair>& pairs,
                                        const TrainOptions& options) {
  validate(options);
  static const detail::Lexicon kCharacters;  // no headwords: every Han character is a word
  const detail::Lexicon& segmentation =
      options.segmentation.impl() ? *options.segmentation.impl() : kCharacters;
  const detail::TrainingCorpus corpus = detail::tokenize_pairs(pairs, segmentation);
  const detail::SparseTable candidates =
      detail::candidate_pairs(corpus, options.min_cooccurrence, options.min_association);
  const detail::SparseTable forward =
      detail::train_model1(corpus.chinese, corpus.english, candidates, options.iterations);
  const detail::SparseTable backward =
      detail::train_model1(corpus.english, corpus.chinese,
                           detail::SparseTable(candidates.transpose()), options.iterations);
  std::vector<LexiconEntry> entries;
  for (std::int32_t word = 1; word < corpus.chinese.vocabulary.size(); ++word) {
    for (LexiconEntry& entry : detail::translations_of(word, corpus, forward, backward, options)) {
      entries.push_back(std::move(entry));
    }
  }
  std::stable_sort(
      entries.begin(), entries.end(),
      [](const LexiconEntry& a, const LexiconEntry& b) { return a.chinese < b.chinese; });
  return entries;
}

void write_lexicon(std::ostream& out, const std::vector<LexiconEntry>& entries,
                   const std::string& comment) {
  std::size_t begin = 0;
  while (begin < comment.size()) {
    std::size_t end = comment.find('\n', begin);
    if (end == std::string::npos) end = comment.size();
    out << "# " << comment.substr(begin, end - begin) << '\n';
    begin = end + 1;
  }
  for (const LexiconEntry& entry : entries) {
    out << entry.chinese << '\t' << entry.english << '\t' << detail::format_weight(entry.weight)
        << '\n';
  }
}

}  // namespace anchoralign
