// Markup cleaning: Markdown and HTML reduced to the text a translator translated.
#pragma once

#include "anchoralign/options.h"
#include "anchoralign/types.h"

namespace anchoralign::detail {

// Removes the markup of `document` as `format` says (kAuto: by the extension of
// document.name, and for .txt or stdin by content), in place; kText leaves it unchanged.
void clean_markup(Document& document, InputFormat format);

}  // namespace anchoralign::detail
