// Text normalisation for matching only; the original text is kept for output.
#pragma once

#include <string>
#include <string_view>

#include "anchoralign/types.h"

namespace anchoralign::detail {

// NFKC (folds full-width letters and digits), case folding, and for Chinese
// Traditional -> Simplified conversion. Thread-safe.
std::string normalize_for_matching(std::string_view text, Lang lang);

// The characters that ICU's Traditional-Simplified (`to_simplified`) or Simplified-Traditional
// transliterator changes on their own, as a UnicodeSet pattern worked out from the
// transliterator (slow: tens of milliseconds).
std::string changed_characters_pattern(bool to_simplified);
// The built-in copy of changed_characters_pattern() for the running ICU; "" when none.
std::string builtin_changed_characters_pattern(bool to_simplified);

// ICU's Traditional-Simplified of `text`, by the transliterator normalize_for_matching()
// uses (built from ICU's rules directly) or, with `registry`, by ICU's registry. Both must
// agree; lexicon_test.cpp checks them.
std::string to_simplified(std::string_view text, bool registry = false);

// True when the Han characters of `text` are mostly Traditional-only forms.
bool looks_traditional(std::string_view text);

}  // namespace anchoralign::detail
