// Anchors: tokens whose identity survives translation (numbers, dates, Latin-script names,
// sentence-type punctuation), each reduced to a canonical key shared by both languages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anchoralign/types.h"

namespace anchoralign::detail {

enum class AnchorKind : std::uint8_t { kNumber, kMonth, kPercent, kLatin, kPunct };

struct Anchor {
  AnchorKind kind = AnchorKind::kNumber;
  std::string key;     // canonical: "n:300000000", "m:11", "p:21", "w:openai", "?:?"
  float weight = 1.0;  // evidence strength in (0, 1]
  friend bool operator==(const Anchor&, const Anchor&) = default;
};

// Anchors of one sentence, in text order, from its normalised text (see normalize.h).
// For Chinese, Latin tokens are the Latin-script words inside the text; for English every
// word is a candidate (the scorer keeps only keys seen on both sides of a document pair).
std::vector<Anchor> extract_anchors(std::string_view normalized, Lang lang);

}  // namespace anchoralign::detail
