// The library in three calls: read, split, align.
#pragma once

#include <string>

#include "anchoralign/options.h"
#include "anchoralign/types.h"

namespace anchoralign {

// Decode raw bytes in the encoding options.encoding names (BOM, CRLF or LF) into a Document
// and strip its markup (options.format); throws InputError naming `name` and the byte offset
// of the first invalid sequence (unless options.on_invalid is kReplace).
Document decode_document(std::string bytes, const std::string& name,
                         const ReadOptions& options = {});

// Read a file ("-" reads standard input) and decode it; throws InputError when unreadable.
Document read_document(const std::string& path, const ReadOptions& options = {});

// Detect the language of a text by its share of Han and Latin letters.
Lang detect_language(const std::string& text);

// Split a document into paragraphs and sentences, in order, losing no text.
SplitText split(const Document& document, const SplitOptions& options = {});

// Find the best monotonic alignment of two split texts; every sentence lands in one bead.
Alignment align(const SplitText& source, const SplitText& target,
                const AlignOptions& options = {});

}  // namespace anchoralign
