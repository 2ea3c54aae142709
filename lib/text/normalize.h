// Text normalisation for matching only; the original text is kept for output.
#pragma once

#include <string>
#include <string_view>

#include "anchoralign/types.h"

namespace anchoralign::detail {

// NFKC (folds full-width letters and digits), case folding, and for Chinese
// Traditional -> Simplified conversion. Thread-safe.
std::string normalize_for_matching(std::string_view text, Lang lang);

// True when the Han characters of `text` are mostly Traditional-only forms.
bool looks_traditional(std::string_view text);

}  // namespace anchoralign::detail
