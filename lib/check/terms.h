// Numbers and Latin-script terms of a sentence, with where they are written, for comparing
// the two sides of a bead (check.cpp) and marking them in reports.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "anchoralign/types.h"

namespace anchoralign::detail {

struct TermMention {
  std::size_t begin = 0, end = 0;  // byte offsets into the text scanned
  std::string key;                 // "n:350000000", "p:15", "m:3", "w:openai"
  double value = 0;                // numbers: the value; 0 for words
  bool number = false;
  // Numbers: written in digits or a spelled number above ten ("one", 一, "first" are often
  // no count at all). Words: a name or term a translation would keep in Latin script: in
  // Chinese text every Latin word; in English text acronyms, CamelCase, words with digits
  // and capitalised words not opening the sentence.
  bool strong = false;
};

// Numbers (numbers.h) and Latin words of two letters or more, in text order, from display
// text (Sentence::text): width-folded and case-folded keys, possessive 's dropped.
std::vector<TermMention> find_terms(std::string_view text, Lang lang);

// Whether two keys name the same thing: equal words, or numbers of equal value whatever
// their kind (11 and 11月 and November; 15% and "15 per cent").
bool same_term(const TermMention& a, const TermMention& b);

}  // namespace anchoralign::detail
