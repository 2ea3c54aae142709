// Options of each stage, with validate() run at the library's entry points.
//
// Thread safety: options are plain values. A const options object (its Lexicon included)
// may be shared by any number of concurrent calls; validate() only reads it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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
  // Must not be empty; a name ICU does not know throws OptionError when decoding.
  std::string encoding = "auto";
  // Invalid bytes: kError throws InputError at the first one, kReplace decodes each as U+FFFD.
  InvalidBytes on_invalid = InvalidBytes::kError;
  // Markup to strip before splitting; one of the four InputFormat values.
  InputFormat format = InputFormat::kAuto;
};

struct SplitOptions {
  // Each line is one sentence; blank lines stay as empty sentences so indices are line numbers.
  bool presplit = false;
  // Language of the text, one of the three Lang values; kUnknown detects it from the share of
  // Han and Latin letters.
  Lang lang = Lang::kUnknown;
};

// A bead shape: how many source and target sentences one bead joins.
struct BeadType {
  int src = 1, tgt = 1;
  friend bool operator==(const BeadType&, const BeadType&) = default;
};

struct AlignOptions {
  // Bead shapes the search may use, each listed once; each side in [0, 4], not 0-0, and 1-0,
  // 0-1, 1-1 are required so that every input has an alignment. k-0 and 0-k (k >= 2) let a
  // passage left out be found as one gap; the alignment returned still lists each left-out
  // sentence as its own bead.
  std::vector<BeadType> bead_types = {{1, 0}, {0, 1}, {1, 1}, {1, 2}, {2, 1}, {2, 2},
                                      {1, 3}, {3, 1}, {1, 4}, {4, 1}, {2, 0}, {0, 2},
                                      {3, 0}, {0, 3}, {4, 0}, {0, 4}};
  // Smallest half-width of the search band, in target sentences, in [4, 1000000]. The band
  // follows the best path and doubles by itself when the path runs along its edge, so a
  // small value costs accuracy only when the texts drift apart by more than it abruptly.
  int min_band = 24;
  // Use paragraph boundaries as soft anchors when both texts have more than one paragraph.
  bool use_paragraphs = true;
  // Score anchors (numbers, Latin-script names, ? !) and quotation state; false aligns on
  // length (and the lexicon, when given) alone.
  bool use_anchors = true;
  // Word translations for the lexical score; empty aligns on length and anchors alone.
  // Shared, never modified: one loaded Lexicon serves any number of concurrent align() calls.
  Lexicon lexicon;
  // Re-estimate the bead-type priors from a first alignment and align again; used only when
  // both texts have at least 20 sentences.
  bool adapt_priors = true;
  // For tuning only: a file of "key = value" lines overriding the fitted scoring parameters
  // (length_variance, anchor_weight, paragraph_weight, temperature, prior.Z-E...); empty: none.
  // Read by every align() call; a bad line throws OptionError naming the file and line.
  std::string params_file;
};

struct WriteOptions {
  // Written to TMX creationtoolversion; any text (XML-escaped).
  std::string tool_version;
  // TMX creationdate, in seconds since the Unix epoch (UTC), in [kMinCreationTime,
  // kMaxCreationTime]: the years 0000 to 9999 that the TMX date format can hold.
  std::int64_t creation_time = 0;
  // TMX keeps beads scoring at least this confidence, in [0, 1]; 0 keeps every pair.
  double min_score = 0;

  static constexpr std::int64_t kMinCreationTime = -62167219200;  // 0000-01-01T00:00:00Z
  static constexpr std::int64_t kMaxCreationTime = 253402300799;  // 9999-12-31T23:59:59Z
};

// Each throws OptionError naming the first field out of its range and the value given
// ("min_band must be in [4, 1000000], got 2"); returns when every field is valid. The
// library's entry points (decode_document, split, align, write_tmx) call them first.
// The values by the names the command line and the Python bindings use: "error" / "replace",
// "auto" / "text" / "markdown" / "html", "zh" / "en" / "auto". Each throws OptionError naming
// `option` (as the caller spells it, "--on-invalid" or "on_invalid") and the value given.
InvalidBytes parse_invalid_bytes(std::string_view name, std::string_view option);
InputFormat parse_input_format(std::string_view name, std::string_view option);
Lang parse_lang(std::string_view name, std::string_view option);

void validate(const ReadOptions& options);
void validate(const SplitOptions& options);
void validate(const AlignOptions& options);
void validate(const WriteOptions& options);

}  // namespace anchoralign
