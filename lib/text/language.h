#pragma once

#include <string_view>

#include "anchoralign/types.h"

namespace anchoralign::detail {

// Counts of letters by script, the evidence for language detection.
struct ScriptCounts {
  std::size_t han = 0, latin = 0;
};

ScriptCounts count_scripts(std::string_view text);

// kZh when Han characters make up a clear share of the letters, kEn when Latin letters
// dominate, kUnknown for text without letters.
Lang language_of(const ScriptCounts& counts);

}  // namespace anchoralign::detail
