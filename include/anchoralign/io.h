// Writers for an alignment of two split texts. Each writes to a stream and is a pure function
// of its arguments, so the same inputs give byte-identical output.
#pragma once

#include <ostream>

#include "anchoralign/options.h"
#include "anchoralign/types.h"

namespace anchoralign {

// TMX 1.4b: one translation unit per bead with both sides and score >= min_score.
void write_tmx(std::ostream& out, const SplitText& source, const SplitText& target,
               const Alignment& alignment, const WriteOptions& options);

// One bead per line: source text, target text, score, tab-separated; every bead.
void write_tsv(std::ostream& out, const SplitText& source, const SplitText& target,
               const Alignment& alignment);

// One JSON object per bead: indices of both sides, their texts and the score; every bead.
void write_jsonl(std::ostream& out, const SplitText& source, const SplitText& target,
                 const Alignment& alignment);

// One bead per line, "[i,j]:[k]:score", 0-based, "[]" for an empty side; every bead.
void write_ladder(std::ostream& out, const Alignment& alignment);

// Two parallel streams, one bead per line each (empty line for an empty side); every bead.
void write_bitext(std::ostream& source_out, std::ostream& target_out, const SplitText& source,
                  const SplitText& target, const Alignment& alignment);

// The text of a bead side: sentences joined with a space for English, directly for Chinese.
std::string join_sentences(const SplitText& text, int begin, int count);

}  // namespace anchoralign
