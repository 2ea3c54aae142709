// Bilingual lexicons: Chinese words -> English lemmas, for the lexical bead score.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anchoralign::detail {

// One English reading of a Chinese word.
struct Translation {
  std::int32_t lemma = 0;  // id from Lexicon::lemma_id()
  float weight = 1;        // in (0, 1]: 1 for dictionary entries, learned probabilities otherwise
};

// Chinese headwords (Simplified, normalised with normalize_for_matching) mapped to English
// lemmas (english_lemmas() of the glosses). Immutable after loading, so one Lexicon may be
// shared by many threads.
class Lexicon {
 public:
  // Adds every entry of a lexicon file, its format detected from the content: CC-CEDICT text
  // ("繁體 简体 [pin1 yin1] /gloss/gloss/"), hunalign .dic ("english @ 中文"), or TSV
  // ("中文<TAB>english[<TAB>weight]"). Traditional headwords are converted to Simplified.
  // Throws InputError naming the file and line of a malformed entry.
  void load(const std::string& path);

  // Adds one entry: a Chinese word and an English gloss (any English text; reduced to its
  // content lemmas), with a weight in (0, 1].
  void add(std::string_view chinese, std::string_view english_gloss, float weight = 1);

  // The English lemmas translating `chinese_word`, empty when it is not a headword.
  std::span<const Translation> translations(std::string_view chinese_word) const;

  // Byte length of the longest headword that starts at `pos` of `text`; 0 when none does.
  std::size_t longest_match(std::string_view text, std::size_t pos) const;

  // Id of an English lemma, -1 when the lexicon has never seen it.
  std::int32_t lemma_id(std::string_view lemma) const;
  std::int32_t lemma_count() const { return static_cast<std::int32_t>(lemmas_.size()); }
  std::size_t entry_count() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

 private:
  std::int32_t intern_lemma(std::string_view lemma);

  std::unordered_map<std::string, std::vector<Translation>> entries_;
  std::unordered_map<std::string, std::int32_t> lemma_ids_;
  std::vector<std::string> lemmas_;
  std::size_t longest_headword_ = 0;  // in bytes
};

// Content lemmas of normalised English text: words lower-cased, stopwords dropped,
// inflections reduced by a light stemmer (plurals, -ed, -ing, possessive 's), so that
// "bridges", "bridge's" and "bridge" give the same lemma.
std::vector<std::string> english_lemmas(std::string_view normalized);

// Chinese words of normalised text by longest match against the lexicon's headwords;
// characters no headword covers become one-character words. Han-only runs are segmented;
// Latin letters, digits and punctuation are skipped (the anchors cover them).
std::vector<std::string_view> segment_chinese(std::string_view normalized, const Lexicon& lexicon);

}  // namespace anchoralign::detail
