// Normalisation for matching: ICU's NFKC_Casefold (NFKC, full case folding and removal of
// default-ignorable characters in one pass) and, for Chinese, ICU's Traditional-Simplified
// transliterator (rule-based and per phrase, e.g. 甚麼 > 什么, 「 > “).
//
// Speed: the transliterator is the slow part (a rule lookup at every character), so each
// thread builds it once, and it only runs on strings holding a character that it would
// change on its own. Those characters come from the transliterator's own source set;
// Simplified text almost never contains one, so it costs one UnicodeSet span.
// Start-up matters as much for a short document: ICU's registry of transliterators takes
// longer to load than the rest of aligning it. So the sets of changed characters are built
// in for ICU 72.1 (script_sets_icu72.h), and Traditional-Simplified is built straight from
// its rules in ICU's data (simplified_from_rules()); both fall back to the registry, and
// lexicon_test.cpp checks both against it.
// (A string whose only Traditional form sits in a phrase rule of unchanged characters, such
// as 祇有 > 只有, keeps it: 50 of ICU 72's 3,952 rules, and rare on their own.)
// The same sets, for both directions, give looks_traditional() a cheap per-character count.
// Tested by text_test.cpp.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/udata.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/uversion.h>

#include <memory>

#include "anchoralign/error.h"
#include "text/script_sets_icu72.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

constexpr const char* kToSimplified = "Traditional-Simplified";
constexpr const char* kToTraditional = "Simplified-Traditional";

// Traditional-Simplified built from its rules in ICU's data, where the root bundle of the
// translit tree holds the rules of each rule-based transliterator: the transliterator the
// registry would build (lexicon_test.cpp compares them), without first loading the registry
// of all transliterators, which takes most of the time. nullptr when the data is not laid
// out as in ICU 72 or the rules do not parse.
std::unique_ptr<icu::Transliterator> simplified_from_rules() {
  UErrorCode status = U_ZERO_ERROR;
  auto close = [](UResourceBundle* bundle) { ures_close(bundle); };
  using Bundle = std::unique_ptr<UResourceBundle, decltype(close)>;
  const Bundle root(
      ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "translit", "root", &status), close);
  const Bundle ids(ures_getByKey(root.get(), "RuleBasedTransliteratorIDs", nullptr, &status),
                   close);
  const Bundle alias(ures_getByKey(ids.get(), kToSimplified, nullptr, &status), close);
  int32_t length = 0;
  const UChar* name = ures_getStringByKey(alias.get(), "alias", &length, &status);
  if (U_FAILURE(status) || icu::UnicodeString(name, length) != icu::UnicodeString(u"Hant-Hans")) {
    return nullptr;
  }
  const Bundle entry(ures_getByKey(ids.get(), "Hant-Hans", nullptr, &status), close);
  const Bundle file(ures_getByKey(entry.get(), "file", nullptr, &status), close);
  const UChar* rules = ures_getStringByKey(file.get(), "resource", &length, &status);
  int32_t direction_length = 0;
  const UChar* direction = ures_getStringByKey(file.get(), "direction", &direction_length, &status);
  if (U_FAILURE(status) || direction_length == 0) return nullptr;
  UParseError error;
  std::unique_ptr<icu::Transliterator> result(icu::Transliterator::createFromRules(
      icu::UnicodeString(kToSimplified), icu::UnicodeString(rules, length),
      direction[0] == u'F' ? UTRANS_FORWARD : UTRANS_REVERSE, error, status));
  return U_SUCCESS(status) ? std::move(result) : nullptr;
}

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

// The built-in copy of changed_characters() for the running ICU, nullptr when there is none.
const char* builtin_pattern(bool to_simplified) {
  UVersionInfo version;
  u_getVersion(version);
  if (version[0] != kScriptSetsIcuMajor || version[1] != kScriptSetsIcuMinor) return nullptr;
  return to_simplified ? kTraditionalOnlyPattern : kSimplifiedOnlyPattern;
}

// Creating a transliterator loads ICU's whole transliterator registry, so the built-in copy
// saves most of the start-up time of a short document.
icu::UnicodeSet changed_set(bool to_simplified) {
  if (const char* pattern = builtin_pattern(to_simplified)) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet set(icu::UnicodeString::fromUTF8(pattern), status);
    if (U_SUCCESS(status)) {
      set.freeze();
      return set;
    }
  }
  return changed_characters(*create_transliterator(to_simplified ? kToSimplified : kToTraditional));
}

struct ScriptSets {
  icu::UnicodeSet traditional_only;  // changed by Traditional-Simplified
  icu::UnicodeSet simplified_only;   // changed by Simplified-Traditional
};

// Built on first use; frozen sets are safe to read from any thread.
const ScriptSets& script_sets() {
  static const ScriptSets sets{changed_set(true), changed_set(false)};
  return sets;
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string result;
  text.toUTF8String(result);
  return result;
}

// One per thread: parsing the rules again costs less than cloning a parsed transliterator,
// which copies the parsed rules.
icu::Transliterator& thread_to_simplified() {
  thread_local const std::unique_ptr<icu::Transliterator> transliterator = [] {
    std::unique_ptr<icu::Transliterator> direct = simplified_from_rules();
    return direct ? std::move(direct) : create_transliterator(kToSimplified);
  }();
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
  return to_utf8(folded);
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

namespace anchoralign::detail {

std::string changed_characters_pattern(bool to_simplified) {
  icu::UnicodeString pattern;
  changed_characters(*create_transliterator(to_simplified ? kToSimplified : kToTraditional))
      .toPattern(pattern, false);
  return to_utf8(pattern);
}

std::string builtin_changed_characters_pattern(bool to_simplified) {
  const char* pattern = builtin_pattern(to_simplified);
  return pattern ? pattern : "";
}

}  // namespace anchoralign::detail

namespace anchoralign::detail {

std::string to_simplified(std::string_view text, bool registry) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (registry) {
    create_transliterator(kToSimplified)->transliterate(unicode);
  } else {
    thread_to_simplified().transliterate(unicode);
  }
  return to_utf8(unicode);
}

}  // namespace anchoralign::detail
