// Normalisation for matching: ICU's NFKC_Casefold (NFKC, full case folding and removal of
// default-ignorable characters in one pass) and, for Chinese, ICU's Traditional-Simplified
// transliterator (rule-based and per phrase, e.g. 甚麼 > 什么, 「 > “).
//
// Speed: the transliterator is the slow part (a rule lookup at every character), so each
// thread creates it once, and it only runs on strings holding a character that it would
// change on its own. Those characters are computed once per process from the transliterator's
// own source set; Simplified text almost never contains one, so it costs one UnicodeSet span.
// (A string whose only Traditional form sits in a phrase rule of unchanged characters, such
// as 祇有 > 只有, keeps it: 50 of ICU 72's 3,952 rules, and rare on their own.)
// The same sets, for both directions, give looks_traditional() a cheap per-character count.
// Tested by text_test.cpp.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <memory>

#include "anchoralign/error.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

constexpr const char* kToSimplified = "Traditional-Simplified";
constexpr const char* kToTraditional = "Simplified-Traditional";

std::unique_ptr<icu::Transliterator> create_transliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> result(
      icu::Transliterator::createInstance(icu::UnicodeString(id), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !result) {
    throw Error(std::string("ICU transliterator ") + id + " unavailable: " + u_errorName(status));
  }
  return result;
}

// The characters a transliterator changes when they stand alone. Every phrase rule of
// Traditional-Simplified that changes something contains at least one of them.
icu::UnicodeSet changed_characters(const icu::Transliterator& transliterator) {
  icu::UnicodeSet source;
  transliterator.getSourceSet(source);
  icu::UnicodeSet changed;
  for (int32_t range = 0; range < source.getRangeCount(); ++range) {
    for (UChar32 c = source.getRangeStart(range); c <= source.getRangeEnd(range); ++c) {
      icu::UnicodeString text(c);
      transliterator.transliterate(text);
      if (text != icu::UnicodeString(c)) changed.add(c);
    }
  }
  changed.freeze();
  return changed;
}

struct ScriptSets {
  icu::UnicodeSet traditional_only;  // changed by Traditional-Simplified
  icu::UnicodeSet simplified_only;   // changed by Simplified-Traditional
};

// Built on first use; frozen sets are safe to read from any thread.
const ScriptSets& script_sets() {
  static const ScriptSets sets{changed_characters(*create_transliterator(kToSimplified)),
                               changed_characters(*create_transliterator(kToTraditional))};
  return sets;
}

icu::Transliterator& thread_to_simplified() {
  thread_local const std::unique_ptr<icu::Transliterator> transliterator =
      create_transliterator(kToSimplified);
  return *transliterator;
}

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || normalizer == nullptr) {
    throw Error(std::string("ICU NFKC_Casefold data unavailable: ") + u_errorName(status));
  }
  return *normalizer;
}

bool contains_any(const icu::UnicodeString& text, const icu::UnicodeSet& set) {
  return set.span(text.getBuffer(), text.length(), USET_SPAN_NOT_CONTAINED) < text.length();
}

}  // namespace

std::string normalize_for_matching(std::string_view text, Lang lang) {
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkc_casefold().normalize(input, status);
  if (U_FAILURE(status))
    throw Error(std::string("ICU normalisation failed: ") + u_errorName(status));
  if (lang == Lang::kZh && contains_any(folded, script_sets().traditional_only)) {
    thread_to_simplified().transliterate(folded);
  }
  std::string result;
  folded.toUTF8String(result);
  return result;
}

bool looks_traditional(std::string_view text) {
  const ScriptSets& sets = script_sets();
  std::size_t han = 0, traditional = 0, simplified = 0, length = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += length) {
    const char32_t c = decode_utf8(text, pos, &length);
    if (!is_han(c)) continue;
    ++han;
    if (sets.traditional_only.contains(static_cast<UChar32>(c))) ++traditional;
    if (sets.simplified_only.contains(static_cast<UChar32>(c))) ++simplified;
  }
  // Simplified text has almost no Traditional-only characters and Traditional text has
  // about one in five; a few shared forms (後/后, 著/着) count on both sides.
  return traditional * 20 >= han && traditional > 2 * simplified && han > 0;
}

}  // namespace anchoralign::detail
