// Markup cleaning: Markdown and HTML reduced to the text a translator translated.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "anchoralign/options.h"
#include "anchoralign/types.h"

namespace anchoralign::detail {

// Removes the markup of `document` as `format` says (kAuto: by the extension of
// document.name, and for .txt or stdin by content), in place; kText leaves it unchanged.
void clean_markup(Document& document, InputFormat format);

// The format kAuto stands for: .md/.markdown are Markdown, .html/.htm/.xhtml HTML, other
// extensions text; .txt, "-" and names without an extension are judged by looks_like_*().
InputFormat detect_format(const Document& document);

// Whether a text shows clear signs of markup: a single stray '#', '*' or '<p>' is not enough.
bool looks_like_html(std::string_view text);
bool looks_like_markdown(std::string_view text);

// The prose of a Markdown or HTML text: paragraphs separated by one blank line, each
// paragraph's lines kept (wrapped lines are joined later, by the splitter), a final '\n'
// unless the result is empty. Never throws; the result is valid UTF-8 when the input is.
std::string clean_markdown(std::string_view text);
std::string clean_html(std::string_view text);

// The Markdown inline pass over one paragraph: links keep their text, images go, emphasis
// and code marks go, escapes and character references are resolved. `labels` are the
// lower-cased reference-link labels the document defines.
std::string clean_markdown_inline(std::string_view text, const std::vector<std::string>& labels);

// Decodes the character reference at text[pos] ('&'): named (&amp; &nbsp; &eacute;...) or
// numeric (&#20013; &#x4E2D;). Appends the character(s) to *out and returns the reference's
// length, or returns 0 (appending nothing) when there is no known reference there.
std::size_t decode_character_reference(std::string_view text, std::size_t pos, std::string* out);

// Paragraphs joined by blank lines, each trimmed of empty lines and of spaces at its lines'
// ends; empty paragraphs are dropped. The shape every cleaner returns.
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

}  // namespace anchoralign::detail
