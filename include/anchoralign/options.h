// Options of each stage, with validate() run at the library's entry points.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anchoralign/lexicon.h"
#include "anchoralign/types.h"

namespace anchoralign {

// What to do with bytes that are not valid in the input's encoding.
enum class InvalidBytes { kError, kReplace };  // throw InputError / decode as U+FFFD
// Markup around the text: none, Markdown, or HTML; kAuto decides by extension and content.
enum class InputFormat { kAuto, kText, kMarkdown, kHtml };

struct ReadOptions {
  // "auto": a BOM, else UTF-8 when the bytes are valid UTF-8, else ICU charset detection
  // (an InputError when unsure); otherwise an ICU converter name (GB18030, Big5, UTF-16LE...).
  std::string encoding = "auto";
  InvalidBytes on_invalid = InvalidBytes::kError;
  InputFormat format = InputFormat::kAuto;
};

struct SplitOptions {
  // Each line is one sentence; blank lines stay as empty sentences so indices are line numbers.
  bool presplit = false;
  // Language of the text; kUnknown detects it from the share of Han and Latin letters.
  Lang lang = Lang::kUnknown;
};

// A bead shape: how many source and target sentences one bead joins.
struct BeadType {
  int src = 1, tgt = 1;
  friend bool operator==(const BeadType&, const BeadType&) = default;
};

struct AlignOptions {
  // Bead shapes the search may use; each side in [0, 4], and 1-0, 0-1, 1-1 are required so
  // that every input has an alignment. k-0 and 0-k (k >= 2) let a passage left out be found
  // as one gap; the alignment returned still lists each left-out sentence as its own bead.
  std::vector<BeadType> bead_types = {{1, 0}, {0, 1}, {1, 1}, {1, 2}, {2, 1}, {2, 2},
                                      {1, 3}, {3, 1}, {1, 4}, {4, 1}, {2, 0}, {0, 2},
                                      {3, 0}, {0, 3}, {4, 0}, {0, 4}};
  // Smallest half-width of the search band, in sentences, in [4, 1000000]. The band follows
  // the best path and widens by itself when the path runs along its edge.
  int min_band = 24;
  // Use paragraph boundaries as soft anchors when both texts have more than one paragraph.
  bool use_paragraphs = true;
  // Score anchors (numbers, Latin-script names, ? !); false aligns on length alone.
  bool use_anchors = true;
  // Word translations for the lexical score; empty aligns on length and anchors alone.
  Lexicon lexicon;
  // Re-estimate the bead-type priors from a first alignment and align again.
  bool adapt_priors = true;
  // For tuning only: a file of "key = value" lines overriding the fitted scoring parameters
  // (length_variance, anchor_weight, paragraph_weight, temperature, prior.Z-E); empty: none.
  std::string params_file;
};

struct WriteOptions {
  std::string tool_version;        // written to TMX creationtoolversion
  std::int64_t creation_time = 0;  // seconds since the Unix epoch, for TMX creationdate
  double min_score = 0;            // TMX keeps beads scoring at least this, in [0, 1]
};

// Throw OptionError naming the first rule the options break.
void validate(const ReadOptions& options);
void validate(const SplitOptions& options);
void validate(const AlignOptions& options);
void validate(const WriteOptions& options);

}  // namespace anchoralign
