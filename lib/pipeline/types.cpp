#include "anchoralign/types.h"

namespace anchoralign {

const char* lang_name(Lang lang) {
  switch (lang) {
    case Lang::kZh: return "zh";
    case Lang::kEn: return "en";
    case Lang::kUnknown: break;
  }
  return "unknown";
}

}  // namespace anchoralign
