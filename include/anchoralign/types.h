// Value types that flow through the pipeline:
// Document -> SplitText (sentences) -> Alignment (beads) -> writers.
//
// Thread safety: plain values with no hidden sharing. A const object may be read from any
// number of threads at once (e.g. one SplitText aligned against several others); a copy is
// independent of its original.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace anchoralign {

enum class Lang { kUnknown, kZh, kEn };

// A half-open byte range [begin, end) into Document::text.
struct Span {
  std::size_t begin = 0, end = 0;
};

// A decoded input text: valid UTF-8, without BOM, line ends folded to '\n'.
struct Document {
  std::string name;  // file name for messages; "-" for standard input
  std::string text;
  Lang lang = Lang::kUnknown;  // kUnknown: detect from the script
  std::string encoding{};      // what the bytes were decoded from: "UTF-8", "GB18030", "Big5"...
};

struct Sentence {
  Span span;               // where the sentence lies in Document::text
  std::string text;        // display text: wrapped lines joined, outer whitespace trimmed
  std::string normalized;  // for matching only: NFKC, case-folded, Traditional -> Simplified
  int paragraph = 0;       // 0-based paragraph index within the document
};

// A document after splitting: its language and its sentences in order.
struct SplitText {
  std::string name;            // Document::name, for messages
  Lang lang = Lang::kUnknown;  // kZh or kEn after split(); kUnknown only for a text without letters
  bool traditional = false;    // Chinese written in Traditional characters
  std::vector<Sentence> sentences;
};

// One alignment bead: source sentences [src_begin, src_begin + src_len) correspond to
// target sentences [tgt_begin, tgt_begin + tgt_len). Either length may be 0.
struct Bead {
  int src_begin = 0, src_len = 0, tgt_begin = 0, tgt_len = 0;
  double score = 0;  // confidence in [0, 1]; higher is better
};

// Beads in document order; every sentence of both sides lies in exactly one bead.
using Alignment = std::vector<Bead>;

// "zh", "en" or "unknown"; a static string, never null.
const char* lang_name(Lang lang);

}  // namespace anchoralign
