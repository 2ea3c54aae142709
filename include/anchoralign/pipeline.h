// The library in three calls: read, split, align.
//
//   Document doc = read_document("zh.txt");               // decode (and strip markup)
//   SplitText zh = split(doc), en = split(read_document("en.txt"));
//   Alignment beads = align(zh, en, options);              // then write_tmx() etc. (io.h)
//
// Thread safety: every function here is reentrant. It reads only its arguments (and, for
// read_document, the file), keeps no state between calls and returns a new value, so any
// number of threads may call it at once, sharing const inputs and options; in particular one
// loaded Lexicon in a shared AlignOptions serves concurrent align() calls. Errors are thrown
// (error.h); nothing is printed.
#pragma once

#include <string>

#include "anchoralign/options.h"
#include "anchoralign/types.h"

namespace anchoralign {

// Decode raw bytes in the encoding options.encoding names (BOM, CRLF or LF) into a Document
// and strip its markup (options.format); throws InputError naming `name` and the byte offset
// and line of the first invalid sequence or NUL byte (also in file(), byte_offset(), line();
// invalid sequences only unless options.on_invalid is kReplace), or when "auto" cannot tell
// the encoding; throws OptionError for invalid options or an encoding name ICU does not know.
Document decode_document(std::string bytes, const std::string& name,
                         const ReadOptions& options = {});

// Read a file ("-" reads standard input) and decode it as decode_document() does; throws
// InputError naming the file when it cannot be read. Reading "-" from several threads at
// once splits standard input between them: don't.
Document read_document(const std::string& path, const ReadOptions& options = {});

// The language of a text by its share of Han and Latin letters: kZh when Han characters make
// up a clear share, kEn when Latin letters dominate, kUnknown without letters. Never throws.
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

// Split a document into paragraphs and sentences, in order, losing no text: every character
// other than whitespace lies in exactly one sentence. Throws OptionError for invalid options.
SplitText split(const Document& document, const SplitOptions& options = {});

// The best monotonic alignment of two split texts, in document order: every sentence of both
// lands in exactly one bead (empty texts give an empty or one-sided alignment), each bead
// scored with its posterior probability in [0, 1]. The same inputs give the same result on
// every run and thread. Throws OptionError for invalid options or a bad params_file.
Alignment align(const SplitText& source, const SplitText& target,
                const AlignOptions& options = {});

}  // namespace anchoralign
