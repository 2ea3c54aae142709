// Bilingual lexicons: Chinese words -> English lemmas, for the lexical bead score.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/flat_tables.h"

namespace anchoralign::detail {

struct LexiconLine;

// Hashes std::string keys so that maps can be searched with a string_view, without a copy.
// Not noexcept on purpose: libstdc++ then caches each key's hash in its node, which makes
// lookups twice as fast.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// One English reading of a Chinese word.
struct Translation {
  std::int32_t lemma = 0;  // id from Lexicon::lemma_id()
  float weight = 1;        // in (0, 1]: 1 for dictionary entries, learned probabilities otherwise
};

// Chinese headwords (Simplified, normalised with normalize_for_matching) mapped to English
// lemmas (english_lemmas() of the glosses). Immutable after loading, so one Lexicon may be
// shared by many threads. Stored in flat tables (flat_tables.h), which the lexicon cache
// writes and reads as they are.
class Lexicon {
 public:
  // Adds every entry of a lexicon file, its format detected from the content: CC-CEDICT text
  // ("繁體 简体 [pin1 yin1] /gloss/gloss/"), hunalign .dic ("english @ 中文"), or TSV
  // ("中文<TAB>english[<TAB>weight]"). Traditional headwords are converted to Simplified.
  // Throws InputError naming the file and line of a malformed entry.
  void load(const std::string& path);

  // load(path) through a binary cache in `cache_folder` (lexicon_cache.cpp): the same
  // result, read from the cache when it matches the file and the code, else parsed and the
  // cache written, silently skipping a folder that cannot be written. Only an empty Lexicon
  // uses the cache; with an empty `cache_folder`, the same as load(path). Returns true when
  // the entries came from the cache.
  bool load_cached(const std::string& path, const std::filesystem::path& cache_folder);

  // Adds one entry: a Chinese word and an English gloss (any English text; reduced to its
  // content lemmas), with a weight in (0, 1]. A gloss without content lemmas ("we", "this")
  // still makes the word a headword, with no translation, so that segmentation keeps 我们
  // and 这个 whole (这个人 is 这个|人, not 这|个人).
  void add(std::string_view chinese, std::string_view english_gloss, float weight = 1);

  // The English lemmas translating `chinese_word` (normalised), empty when it is not a
  // headword or has only function-word glosses.
  std::span<const Translation> translations(std::string_view chinese_word) const {
    const std::int32_t id = headwords_.find(chinese_word);
    if (id < 0) return {};
    const Range range = ranges_[static_cast<std::size_t>(id)];
    return std::span<const Translation>(translations_).subspan(range.first, range.count);
  }

  // Byte length of the longest headword that starts at `pos` of `text`; 0 when none does.
  std::size_t longest_match(std::string_view text, std::size_t pos) const;

  // Id of an English lemma, -1 when the lexicon has never seen it.
  std::int32_t lemma_id(std::string_view lemma) const { return lemmas_.find(lemma); }
  // The lemma with id `id` (0 <= id < lemma_count()).
  std::string_view lemma(std::int32_t id) const;
  std::int32_t lemma_count() const { return lemmas_.size(); }
  std::size_t entry_count() const { return static_cast<std::size_t>(headwords_.size()); }
  bool empty() const { return headwords_.size() == 0; }

  // The whole lexicon as flat arrays, for the cache.
  void save(ByteWriter& out) const;
  // Replaces this lexicon with what save() wrote; false (and this lexicon left empty) when
  // the bytes are not a well-formed lexicon: ids and ranges are checked, so a damaged cache
  // can give wrong translations at worst, never an out-of-bounds read.
  bool restore(ByteReader& in);

 private:
  struct LoadState;  // caches of one load() call
  struct Range {
    std::uint32_t first = 0, count = 0;  // translations_[first, first + count)
  };

  // Adds the entries of a lexicon file's content.
  void parse(std::string_view content, const std::string& path);
  // Adds the headwords of one lexicon line with the lemmas of its glosses.
  void add_line(const LexiconLine& entry, LoadState& state);
  // Adds lemmas (ids from lemmas_.insert) to a headword already normalised for matching.
  void add_normalized(std::string_view headword, std::span<const std::int32_t> lemmas,
                      float weight);
  // Appends a translation to a headword's range, moving the range to the end of
  // translations_ first when another range follows it.
  void append_translation(Range& range, Translation translation);
  // Drops the translations that moved ranges left behind.
  void compact();

  StringTable headwords_;
  std::vector<Range> ranges_;  // by headword id
  std::vector<Translation> translations_;
  std::size_t abandoned_ = 0;  // entries of translations_ that no range covers
  StringTable lemmas_;
  // At least the longest headword in bytes by its first two code points (packed): bounds
  // the lengths longest_match() tries.
  BoundTable longest_by_start_;
};

// Content lemmas of normalised English text, in text order with repeats: words lower-cased,
// stopwords dropped, inflections reduced by a light stemmer (plurals, -ed, -ing, possessive
// 's), so that "bridges", "bridge's" and "bridge" give the same lemma. Hyphenated words give
// their parts. Every lemma is its own lemma, so lemmas can be stored as text.
// english_lemmas(text) is english_word_lemma() of each of english_words(text), empties left out.
std::vector<std::string> english_lemmas(std::string_view normalized);

// The words of normalised English text, ASCII letters lower-cased, into *words (cleared
// first): runs of Latin letters with apostrophes between letters (o'clock, don't).
void english_words(std::string_view normalized, std::vector<std::string>* words);

// The lemma of one word from english_words(); empty for stopwords and one-letter words.
std::string english_word_lemma(std::string word);

// Chinese words of normalised text by longest match against the lexicon's headwords;
// characters no headword covers become one-character words. Han-only runs are segmented;
// Latin letters, digits and punctuation are skipped (the anchors cover them).
std::vector<std::string_view> segment_chinese(std::string_view normalized, const Lexicon& lexicon);

}  // namespace anchoralign::detail
