// Learning a bilingual lexicon from sentence pairs a user already has (translation memories,
// aligned TSV, parallel files). The result is written as a TSV lexicon and loaded like any
// other with Lexicon::load.
//
// Thread safety: every function is reentrant and keeps no state between calls; concurrent
// calls may share const inputs, including TrainOptions::segmentation.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "anchoralign/lexicon.h"

namespace anchoralign {

// One Chinese text and its English translation: a sentence, a bead or a TMX segment.
struct SentencePair {
  std::string chinese, english;
};

// The pairs of a TMX file: one per <tu> holding a Chinese <tuv> (xml:lang zh, zh-CN, zh-TW...)
// and an English one (en, en-US...); inline codes (<bpt>, <ept>, <ph>, <it>, <ut>) and their
// content are dropped. Throws InputError naming the file (file()) when it is unreadable or
// undecodable, and the line (line()) of malformed XML.
std::vector<SentencePair> read_tmx_pairs(const std::string& path);

// The pairs of a TSV file, "中文<TAB>english" or "english<TAB>中文" per line (each line's
// order found from its script); blank lines are skipped and columns after the second ignored.
// Throws InputError naming the file and line (file(), line()) of a line without a tab, or
// the file when it is unreadable.
std::vector<SentencePair> read_tsv_pairs(const std::string& path);

// Line i of `chinese_path` with line i of `english_path`; lines blank on either side are
// skipped. Throws InputError naming a file and line (file(), line()) when the line counts
// differ, or a file when it is unreadable.
std::vector<SentencePair> read_parallel_pairs(const std::string& chinese_path,
                                              const std::string& english_path);

struct TrainOptions {
  // EM iterations of IBM Model 1 in each direction, in [1, 100].
  int iterations = 5;
  // Pairs a Chinese word and an English lemma must share to be learned, in [1, 1000000].
  int min_cooccurrence = 2;
  // Dunning's log-likelihood ratio G2 a Chinese word and an English lemma must reach, and
  // they must co-occur more often than chance; in [0, 1e9], 0 off. 10.83 is p < 0.001.
  double min_association = 10.83;
  // Translations weighing less are dropped, in (0, 1].
  double min_weight = 0.1;
  // Translations kept per Chinese word, the heaviest first, in [1, 100].
  int max_translations = 3;
  // Headwords that segment the Chinese side by longest match, as the aligner segments it;
  // an empty lexicon segments into single characters.
  Lexicon segmentation;
};

// Throws OptionError naming the first field out of its range and the value given.
void validate(const TrainOptions& options);

// One learned translation.
struct LexiconEntry {
  std::string chinese;  // a word, normalised for matching (Simplified)
  std::string english;  // an English lemma
  double weight = 1;    // in (0, 1]
};

// Learns translations of Chinese words into English lemmas from `pairs` with IBM Model 1,
// run in both directions; weight = sqrt(t(en | zh) * t(zh | en)). Entries come sorted by
// Chinese word, then by weight, heaviest first; empty for no pairs. Time and memory grow
// about linearly with the number of pairs. Throws OptionError for invalid options.
std::vector<LexiconEntry> train_lexicon(const std::vector<SentencePair>& pairs,
                                        const TrainOptions& options = {});

// Writes `entries` as a TSV lexicon, "中文<TAB>english<TAB>weight" per line, after each line
// of `comment` as a '#' line; Lexicon::load reads it back. Stream errors are the caller's
// to check (out.fail()).
void write_lexicon(std::ostream& out, const std::vector<LexiconEntry>& entries,
                   const std::string& comment);

}  // namespace anchoralign
