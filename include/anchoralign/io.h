// Writers for an alignment of two split texts (formats: docs/formats.md). Each writes to a
// stream and is a pure function of its arguments, so the same inputs give byte-identical
// output, whatever the global or stream locale.
//
// Every writer first checks that each bead lies inside the sentence lists and throws Error
// before writing anything when one does not; write_tmx also validates its WriteOptions
// (OptionError). Stream failures are left to the caller: check out.fail() afterwards or set
// out.exceptions(). Thread safety: reentrant; concurrent calls may share inputs, each needs
// its own stream.
#pragma once

#include <ostream>
#include <string>

#include "anchoralign/options.h"
#include "anchoralign/types.h"

namespace anchoralign {

// TMX 1.4b: one translation unit per bead whose both sides hold text and whose score is at
// least options.min_score, with the score and sentence indices as <prop>s; 1-0 and 0-1 beads
// are left out (a translation memory holds pairs).
void write_tmx(std::ostream& out, const SplitText& source, const SplitText& target,
               const Alignment& alignment, const WriteOptions& options);

// One bead per line: source text, target text, score (3 decimals), tab-separated, no header;
// every bead, an empty side as an empty column; tabs and line breaks in texts become spaces.
void write_tsv(std::ostream& out, const SplitText& source, const SplitText& target,
               const Alignment& alignment);

// One compact JSON object per line and bead, every bead: {"source":[indices],
// "target":[indices],"source_text":"…","target_text":"…","score":0.873}.
void write_jsonl(std::ostream& out, const SplitText& source, const SplitText& target,
                 const Alignment& alignment);

// One bead per line, "[i,j]:[k]:score", 0-based, "[]" for an empty side; every bead. Without
// the texts it can only check that no index or count is negative or overflows (Error).
void write_ladder(std::ostream& out, const Alignment& alignment);

// Two parallel streams, one bead per line each (empty line for an empty side); every bead;
// tabs and line breaks in texts become spaces.
void write_bitext(std::ostream& source_out, std::ostream& target_out, const SplitText& source,
                  const SplitText& target, const Alignment& alignment);

// The text of a bead side, sentences [begin, begin + count), empty ones skipped: joined with
// a space, or for Chinese directly (a space only where two ASCII letters or digits would
// meet). Throws Error when the range lies outside text.sentences.
std::string join_sentences(const SplitText& text, int begin, int count);

}  // namespace anchoralign
