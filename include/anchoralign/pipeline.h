// The library in three calls: read, split, align.
#pragma once

#include <string>

#include "anchoralign/options.h"
#include "anchoralign/types.h"

namespace anchoralign {

// Decode raw bytes (UTF-8, with or without BOM; CRLF or LF) into a Document; throws
// InputError naming `name` and the byte offset of the first invalid sequence.
Document decode_document(std::string bytes, const std::string& name);

// Read a file ("-" reads standard input) and decode it; throws InputError when unreadable.
Document read_document(const std::string& path);

// Detect the language of a text by its share of Han and Latin letters.
Lang detect_language(const std::string& text);

// Split a document into paragraphs and sentences, in order, losing no text.
SplitText split(const Document& document, const SplitOptions& options = {});

// Find the best monotonic alignment of two split texts; every sentence lands in one bead.
Alignment align(const SplitText& source, const SplitText& target,
                const AlignOptions& options = {});

}  // namespace anchoralign
