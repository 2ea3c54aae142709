#include "clean/markup.h"

namespace anchoralign::detail {

void clean_markup(Document& document, InputFormat format) {
  (void)document;
  (void)format;  // to be implemented: Markdown and HTML cleaning (issue 5)
}

}  // namespace anchoralign::detail
