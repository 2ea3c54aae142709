// Loading and looking up bilingual lexicons.
//
// Headwords are keyed by normalize_for_matching(word, Lang::kZh), the form the Chinese text
// takes before segmentation, so Traditional headwords and Traditional text meet in the same
// Simplified key. CC-CEDICT lines add both of their columns, since ICU's conversion of the
// Traditional form and CC-CEDICT's Simplified column differ for about 1% of entries
// (噁心 stays 噁心, CC-CEDICT writes 恶心).
//
// Speed: normalising every headword with ICU costs about 0.08 s, a third of the load.
// HeadwordNormalizer skips it for headwords made only of ASCII characters and CJK unified
// ideographs c with normalize_for_matching(c) == c (checked once per character). Such a
// string is its own normal form:
//   - NFKC_Casefold maps it character by character (none of these characters has a
//     combining class or composes with a neighbour) and maps each character to itself: a
//     unified ideograph has no decomposition and no case, and an ASCII character that
//     NFKC_Casefold changed would not have come back as itself;
//   - so normalize_for_matching runs the Traditional-Simplified transliterator only if the
//     string holds a character that the transliterator changes on its own (normalize.cpp);
//     no character here is one, or normalize_for_matching(c) would differ from c.
// Everything else (Traditional forms, capitals, compatibility ideographs) goes through ICU.
//
// Storage: flat tables (flat_tables.h) rather than node-based maps, so that the binary cache
// (lexicon_cache.cpp) is the tables written out, and freeing a lexicon is a few frees. A
// headword's translations are one range of translations_; adding to a range that is not
// the last moves it to the end, and compact() drops the holes when a load ends.
//
// Lookups: translations() is one hash lookup. longest_match() tries the lengths at `pos`
// from the longest headword that starts with the same two characters (or a little more,
// see BoundTable) downwards, one hash lookup each, then the single character. Bounding by the first
// character alone made segmentation five times slower (common characters start idioms of seven and
// more); marking every prefix of every headword instead segments as fast but loads slower.
//
// Tested by lexicon_test.cpp.
#include "lexicon/lexicon.h"

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>

#include "anchoralign/error.h"
#include "anchoralign/types.h"
#include "lexicon/lexicon_formats.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

using std::string_view;

// normalize_for_matching(…, Lang::kZh) with a per-character shortcut (see the file comment).
// One per load() call, so it needs no locking.
class HeadwordNormalizer {
 public:
  // The normalised headword; valid until the next call.
  string_view normalize(string_view headword) {
    if (is_fixed_point(headword)) return headword;
    buffer_ = normalize_for_matching(headword, Lang::kZh);
    return buffer_;
  }

 private:
  static constexpr char32_t kLimit = 0x31350;  // past the last Han block is_han() knows

  // ASCII or a CJK unified ideograph, not a compatibility ideograph (those decompose).
  static bool is_unified_or_ascii(char32_t c) {
    return c < 0x80 || (c < kLimit && is_han(c) && !(c >= 0xF900 && c <= 0xFAFF) &&
                        !(c >= 0x2F800 && c <= 0x2FA1F));
  }

  bool is_fixed_point(string_view text) {
    std::size_t length = 0;
    for (std::size_t pos = 0; pos < text.size(); pos += length) {
      const char32_t c = decode_utf8(text, pos, &length);
      if (!is_unified_or_ascii(c) || !is_fixed_char(c, text.substr(pos, length))) return false;
    }
    return true;
  }

  bool is_fixed_char(char32_t c, string_view utf8) {
    if (fixed_.empty()) fixed_.assign(kLimit, 0);
    std::int8_t& state = fixed_[c];
    if (state == 0) state = normalize_for_matching(utf8, Lang::kZh) == utf8 ? 1 : -1;
    return state > 0;
  }

  std::vector<std::int8_t> fixed_;  // by code point: 0 unknown, 1 unchanged, -1 changed
  std::string buffer_;
};

std::string read_lexicon_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(path + ": cannot open the lexicon: " + std::strerror(errno), path);
  }
  std::string content;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    content.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw InputError(path + ": cannot read the lexicon", path);
  return content;
}

bool is_valid_utf8(string_view text) {
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += length) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      length = 1;
      continue;
    }
    if (decode_utf8(text, pos, &length) == kReplacementChar && length == 1) return false;
  }
  return true;
}

// The words of an English gloss. ASCII needs only the lower-casing that english_words does
// itself, since NFKC_Casefold changes nothing else in ASCII.
void gloss_words(string_view gloss, std::vector<std::string>* words) {
  const bool ascii = std::all_of(gloss.begin(), gloss.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    english_words(gloss, words);
  } else {
    english_words(normalize_for_matching(gloss, Lang::kEn), words);
  }
}

// Headwords longer than this (in bytes) are never matched in running text.
constexpr std::size_t kMaxHeadwordBytes = 0xFFFF;

// The first two code points of text[pos...] packed into one key; 0 when there are not two.
std::uint64_t start_key(string_view text, std::size_t pos) {
  std::size_t first = 0, second = 0;
  const char32_t c1 = decode_utf8(text, pos, &first);
  if (pos + first >= text.size()) return 0;
  const char32_t c2 = decode_utf8(text, pos + first, &second);
  return (static_cast<std::uint64_t>(c1) << 32) | c2;
}

InputError line_error(const std::string& path, std::size_t line, const std::string& what) {
  return InputError(path + ":" + std::to_string(line) + ": " + what, path, line);
}

}  // namespace

struct Lexicon::LoadState {
  HeadwordNormalizer normalizer;
  // Glosses repeat their words, so each word's lemma id is worked out once (-1: none).
  std::unordered_map<std::string, std::int32_t, StringHash, std::equal_to<>> word_lemmas;
  std::vector<std::string> words;
  std::vector<std::int32_t> lemmas;
};

void Lexicon::load(const std::string& path) {
  parse(read_lexicon_file(path), path);
  compact();
}

void Lexicon::parse(std::string_view content, const std::string& path) {
  // CC-CEDICT has about one headword per 50 bytes; growing the tables costs more than a guess.
  headwords_.reserve(entry_count() + content.size() / 50, content.size() / 6);
  ranges_.reserve(entry_count() + content.size() / 50);
  std::optional<LexiconFormat> format;
  LexiconLine entry;
  LoadState state;
  std::size_t line_number = 0;
  for (std::size_t begin = 0; begin < content.size();) {
    std::size_t end = content.find('\n', begin);
    if (end == std::string::npos) end = content.size();
    string_view line = content.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == string_view::npos || line.front() == '#') continue;
    if (!is_valid_utf8(line)) {
      throw line_error(path, line_number, "not UTF-8; convert the lexicon with iconv -t UTF-8");
    }
    if (!format && !(format = detect_lexicon_format(line))) {
      throw line_error(path, line_number,
                       "unknown lexicon format; expected CC-CEDICT (繁體 简体 [pin1 yin1] /gloss/), "
                       "hunalign (english @ 中文) or TSV (中文<TAB>english[<TAB>weight])");
    }
    if (const std::string error = parse_lexicon_line(*format, line, &entry); !error.empty()) {
      throw line_error(path, line_number, error);
    }
    add_line(entry, state);
  }
}

void Lexicon::add_line(const LexiconLine& entry, LoadState& state) {
  if (entry.glosses.empty()) return;  // CC-CEDICT: nothing but notes ("see X")
  state.lemmas.clear();
  for (const std::string& gloss : entry.glosses) {
    gloss_words(gloss, &state.words);
    for (std::string& word : state.words) {
      auto it = state.word_lemmas.find(word);
      if (it == state.word_lemmas.end()) {
        const std::string lemma = english_word_lemma(word);
        const std::int32_t id = lemma.empty() ? -1 : lemmas_.insert(lemma);
        it = state.word_lemmas.emplace(std::move(word), id).first;
      }
      if (it->second >= 0) state.lemmas.push_back(it->second);
    }
  }
  const std::string simplified(state.normalizer.normalize(entry.chinese));
  add_normalized(simplified, state.lemmas, entry.weight);
  if (!entry.traditional.empty() && entry.traditional != entry.chinese) {
    const string_view traditional = state.normalizer.normalize(entry.traditional);
    if (traditional != simplified) add_normalized(traditional, state.lemmas, entry.weight);
  }
}

void Lexicon::add(std::string_view chinese, std::string_view english_gloss, float weight) {
  if (!(weight > 0 && weight <= 1)) {
    throw InputError("lexicon weight " + std::to_string(weight) + " is not in (0, 1]");
  }
  std::vector<std::string> words;
  gloss_words(english_gloss, &words);
  std::vector<std::int32_t> lemmas;
  for (std::string& word : words) {
    const std::string lemma = english_word_lemma(std::move(word));
    if (!lemma.empty()) lemmas.push_back(lemmas_.insert(lemma));
  }
  add_normalized(normalize_for_matching(chinese, Lang::kZh), lemmas, weight);
}

void Lexicon::add_normalized(std::string_view headword, std::span<const std::int32_t> lemmas,
                             float weight) {
  if (headword.empty()) return;
  const std::int32_t count = headwords_.size();
  const std::int32_t id = headwords_.insert(headword);
  if (id == count) {
    ranges_.push_back({static_cast<std::uint32_t>(translations_.size()), 0});
    if (const std::uint64_t start = start_key(headword, 0); start != 0) {
      longest_by_start_.raise(
          start, static_cast<std::uint16_t>(std::min(headword.size(), kMaxHeadwordBytes)));
    }
  }
  Range& range = ranges_[static_cast<std::size_t>(id)];
  for (const std::int32_t lemma : lemmas) {
    const auto begin = translations_.begin() + range.first;
    const auto same = std::find_if(begin, begin + range.count,
                                   [lemma](const Translation& t) { return t.lemma == lemma; });
    if (same == begin + range.count) {
      append_translation(range, {lemma, weight});
    } else {
      same->weight = std::max(same->weight, weight);
    }
  }
}

void Lexicon::append_translation(Range& range, Translation translation) {
  if (range.first + range.count != translations_.size()) {
    // Lexicon files list a headword's readings together, so moves are rare; compact()
    // reclaims the space when a load ends.
    translations_.reserve(translations_.size() + range.count + 1);
    const auto first = static_cast<std::uint32_t>(translations_.size());
    for (std::uint32_t k = 0; k < range.count; ++k) {
      translations_.push_back(translations_[range.first + k]);
    }
    abandoned_ += range.count;
    range.first = first;
  }
  translations_.push_back(translation);
  ++range.count;
}

void Lexicon::compact() {
  if (abandoned_ == 0) return;
  std::vector<Translation> kept;
  kept.reserve(translations_.size() - abandoned_);
  for (Range& range : ranges_) {
    const auto begin = translations_.begin() + range.first;
    range.first = static_cast<std::uint32_t>(kept.size());
    kept.insert(kept.end(), begin, begin + range.count);
  }
  translations_ = std::move(kept);
  abandoned_ = 0;
}

std::size_t Lexicon::longest_match(std::string_view text, std::size_t pos) const {
  if (pos >= text.size()) return 0;
  std::size_t first = 0;
  decode_utf8(text, pos, &first);
  if (const std::size_t bound = longest_by_start_.find(start_key(text, pos)); bound > 0) {
    std::size_t end = pos + std::min(bound, text.size() - pos);
    while (end > pos && end < text.size() &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;  // back to a character boundary
    }
    for (; end > pos + first; end = previous_char_start(text, end)) {
      if (headwords_.find(text.substr(pos, end - pos)) >= 0) return end - pos;
    }
  }
  return headwords_.find(text.substr(pos, first)) >= 0 ? first : 0;
}

std::string_view Lexicon::lemma(std::int32_t id) const {
  assert(id >= 0 && id < lemma_count());
  return lemmas_.view(id);
}

void Lexicon::save(ByteWriter& out) const {
  headwords_.save(out);
  out.put(ranges_);
  out.put(translations_);
  lemmas_.save(out);
  longest_by_start_.save(out);
}

bool Lexicon::restore(ByteReader& in) {
  *this = Lexicon();
  const bool read = headwords_.restore(in) && in.get(&ranges_) && in.get(&translations_) &&
                    lemmas_.restore(in) && longest_by_start_.restore(in) && in.at_end();
  const auto lemma_count = lemmas_.size();
  const bool valid =
      read && ranges_.size() == static_cast<std::size_t>(headwords_.size()) &&
      std::all_of(ranges_.begin(), ranges_.end(),
                  [&](const Range& range) {
                    return std::uint64_t{range.first} + range.count <= translations_.size();
                  }) &&
      std::all_of(translations_.begin(), translations_.end(),
                  [&](const Translation& t) { return t.lemma >= 0 && t.lemma < lemma_count; });
  if (!valid) *this = Lexicon();
  return valid;
}

}  // namespace anchoralign::detail
