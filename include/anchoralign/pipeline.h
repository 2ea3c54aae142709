// The library in three calls: read, split, align.
#pragma once

#include <string>

#include "anchoralign/options.h"
#include "anchoralign/types.h"

namespace anchoralign {

// Decode raw bytes in the encoding options.encoding names (BOM, CRLF or LF) into a Document
// and strip its markup (options.format); throws InputError naming `name` and the byte offset
// of the first invalid sequence (unless options.on_invalid is kReplace), or when "auto" cannot
// tell the encoding; throws OptionError for an encoding name ICU does not know.
Document decode_document(std::string bytes, const std::string& name,
                         const ReadOptions& options = {});

// Read a file ("-" reads standard input) and decode it; throws InputError when unreadable.
Document read_document(const std::string& path, const ReadOptions& options = {});

// Detect the language of a text by its share of Han and Latin letters.
Lang detect_language(const std::string& text);

// One language's share of a file holding a text and its translation (see split_mixed()).
struct MixedPart {
  Document document;   // name "FILE (zh part)" or "FILE (en part)", lang kZh or kEn
  int paragraphs = 0;  // paragraphs with letters in this part (neutral ones not counted)
  int foreign = 0;     // of those, paragraphs in the other language kept here by position
  int first_line = 0, last_line = 0;  // 1-based lines of the document the part spans
};

struct MixedParts {
  MixedPart zh, en;
  bool zh_first = true;        // the Chinese part comes first in the file
  bool interleaved = false;    // paragraphs alternate; otherwise one block per language
  int neutral_paragraphs = 0;  // paragraphs without letters (numbers, URLs), kept with neighbours
};

// Cut a document holding both languages into its Chinese and English parts: one block per
// language, cut where the fewest letters land on the wrong side, or paragraph by paragraph
// when the languages alternate; throws InputError when it holds (almost) only one language.
MixedParts split_mixed(const Document& document);

// Split a document into paragraphs and sentences, in order, losing no text.
SplitText split(const Document& document, const SplitOptions& options = {});

// Find the best monotonic alignment of two split texts; every sentence lands in one bead.
Alignment align(const SplitText& source, const SplitText& target,
                const AlignOptions& options = {});

}  // namespace anchoralign
