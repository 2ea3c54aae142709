// Lexicon line formats and the clean-up of CC-CEDICT glosses.
//
// A CC-CEDICT gloss mixes translations with notes about the headword: "surname Li", "variant
// of 體|体[ti3]", "Taiwan pr. [xi4]", "CL:個|个[ge4]", "(Tw) peanut", "lit. to hold a bowl of
// water level (idiom)". Fed whole to english_lemmas() these would give lemmas like "surname",
// "variant", "lit" and pinyin syllables ("ti", "ge") that match English names by accident, so
// only the translating parts are kept. scripts/convert_cedict.py applies the same rules when
// it builds the project's TSV lexicon; keep the two in step.
//
// Tested by lexicon_test.cpp.
#include "lexicon/lexicon_formats.h"

#include <algorithm>
#include <charconv>

#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

using std::string_view;

bool is_ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

string_view trim(string_view text, string_view characters = " ") {
  const std::size_t begin = text.find_first_not_of(characters);
  if (begin == string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(characters) - begin + 1);
}

// `text` starts with `prefix` as whole words: "see" matches "see X" but not "seem".
bool starts_with_words(string_view text, string_view prefix) {
  return text.starts_with(prefix) &&
         (text.size() == prefix.size() || !is_ascii_alpha(prefix.back()) ||
          !is_ascii_alpha(text[prefix.size()]));
}

// Notes that give no translation, whatever follows them.
bool is_note(string_view part) {
  for (const string_view prefix :
       {"surname", "used in", "CL:", "classifier for", "place name", "pr."}) {
    if (starts_with_words(part, prefix)) return true;
  }
  // "Taiwan pr. [xi4]", "also pr. [xuan4]": one word, then "pr.".
  const std::size_t space = part.find(' ');
  return space != string_view::npos && part.substr(space + 1).starts_with("pr.") &&
         part.substr(0, space).find_first_not_of(
             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") == string_view::npos;
}

// Strips one leading label ("lit.", "see also", "old variant of"); false when there is none.
bool strip_label(string_view& part) {
  for (const string_view label :
       {"see also",  "see",      "same as",  "also written", "also called", "also known as",
        "abbr. for", "abbr. to", "abbr.",    "lit.",         "fig.",        "i.e.",
        "e.g.",      "esp.",     "cf.",      "coll.",        "arch.",       "onomat.",
        "a.k.a.",    "aka",      "refers to"}) {
    if (starts_with_words(part, label)) {
      part = trim(part.substr(label.size()));
      return true;
    }
  }
  // "variant of X" after at most three words: "old", "erhua", "nonstandard simplified".
  const std::size_t variant = part.find("variant of");
  if (variant == string_view::npos || !starts_with_words(part.substr(variant), "variant of")) {
    return false;
  }
  const string_view before = part.substr(0, variant);
  if (before.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ- ") !=
          string_view::npos ||
      std::count(before.begin(), before.end(), ' ') > 3) {
    return false;
  }
  part = trim(part.substr(variant + 10));
  return true;
}

// The gloss without (remarks), [pin1 yin1], Chinese characters and "|".
std::string strip_remarks(string_view gloss) {
  std::string result;
  int parentheses = 0;
  bool in_brackets = false;
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < gloss.size(); pos += length) {
    const char32_t c = decode_utf8(gloss, pos, &length);
    if (c == '(') ++parentheses;
    if (c == '[') in_brackets = true;
    const bool skip = parentheses > 0 || in_brackets || c == ')' || c == ']' || c == '|' ||
                      is_han(c) || is_cjk_punctuation(c);
    if (c == ')' && parentheses > 0) --parentheses;
    if (c == ']') in_brackets = false;
    if (!skip) result.append(gloss.substr(pos, length));
  }
  return result;
}

// Runs of spaces collapsed, and spaces and , ; : trimmed from both ends.
std::string tidy(string_view part) {
  std::string result;
  for (const char c : trim(part, " ,;:")) {
    if (c == ' ' && !result.empty() && result.back() == ' ') continue;
    result += c;
  }
  return std::string(trim(result, " ,;:"));
}

std::string parse_cedict(string_view line, LexiconLine* entry) {
  constexpr const char* kExpected =
      "expected a CC-CEDICT line: TRADITIONAL SIMPLIFIED [pin1 yin1] /gloss/gloss/";
  const std::size_t first_space = line.find(' ');
  if (first_space == 0 || first_space == string_view::npos) return kExpected;
  const std::size_t second_space = line.find(' ', first_space + 1);
  if (second_space == string_view::npos || second_space == first_space + 1) return kExpected;
  const std::size_t open = second_space + 1;
  const std::size_t close = line.find(']', open);
  if (open >= line.size() || line[open] != '[' || close == string_view::npos) return kExpected;
  const string_view glosses = trim(line.substr(close + 1));
  if (glosses.size() < 2 || glosses.front() != '/' || glosses.back() != '/') return kExpected;
  entry->traditional = line.substr(0, first_space);
  entry->chinese = line.substr(first_space + 1, second_space - first_space - 1);
  entry->weight = 1;
  entry->glosses.clear();
  std::size_t begin = 1;
  for (std::size_t slash = glosses.find('/', begin); slash != string_view::npos;
       begin = slash + 1, slash = glosses.find('/', begin)) {
    for (std::string& part : clean_cedict_gloss(glosses.substr(begin, slash - begin))) {
      entry->glosses.push_back(std::move(part));
    }
  }
  return "";
}

bool contains_han(string_view text) {
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += length) {
    if (is_han(decode_utf8(text, pos, &length))) return true;
  }
  return false;
}

std::string parse_hunalign(string_view line, LexiconLine* entry) {
  const std::size_t at = line.find(" @ ");
  if (at == string_view::npos) return "expected a hunalign dictionary line: english @ 中文";
  string_view english = trim(line.substr(0, at), " \t");
  string_view chinese = trim(line.substr(at + 3), " \t");
  // hunalign dictionaries come in both orders; the Chinese side is the one with Han.
  if (contains_han(english) && !contains_han(chinese)) std::swap(english, chinese);
  if (english.empty() || chinese.empty()) return "an empty side in 'english @ 中文'";
  entry->chinese = chinese;
  entry->traditional = {};
  entry->weight = 1;
  entry->glosses.resize(1);
  entry->glosses[0].assign(english);
  return "";
}

std::string parse_weight(string_view text, float* weight) {
  text = trim(text, " ");
  if (text.empty() || text == "1") {
    *weight = 1;
    return "";
  }
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *weight);
  if (error != std::errc() || end != text.data() + text.size()) {
    return "weight '" + std::string(text) + "' is not a number";
  }
  if (!(*weight > 0 && *weight <= 1)) {
    return "weight " + std::string(text) + " is not in (0, 1]";
  }
  return "";
}

std::string parse_tsv(string_view line, LexiconLine* entry) {
  const std::size_t tab = line.find('\t');
  if (tab == string_view::npos) return "expected 中文<TAB>english[<TAB>weight]";
  const std::size_t second_tab = line.find('\t', tab + 1);
  if (second_tab != string_view::npos && line.find('\t', second_tab + 1) != string_view::npos) {
    return "more than three tab-separated fields; expected 中文<TAB>english[<TAB>weight]";
  }
  entry->chinese = trim(line.substr(0, tab));
  entry->traditional = {};
  if (entry->chinese.empty()) return "empty Chinese word before the first tab";
  const string_view english = trim(line.substr(tab + 1, second_tab - tab - 1));
  if (english.empty()) return "empty English gloss";
  entry->glosses.resize(1);
  entry->glosses[0].assign(english);
  if (second_tab == string_view::npos) {
    entry->weight = 1;
    return "";
  }
  return parse_weight(line.substr(second_tab + 1), &entry->weight);
}

}  // namespace

std::optional<LexiconFormat> detect_lexicon_format(std::string_view line) {
  if (line.find('\t') != string_view::npos) return LexiconFormat::kTsv;
  LexiconLine entry;
  if (parse_cedict(line, &entry).empty()) return LexiconFormat::kCedict;
  if (line.find(" @ ") != string_view::npos) return LexiconFormat::kHunalign;
  return std::nullopt;
}

std::string parse_lexicon_line(LexiconFormat format, std::string_view line, LexiconLine* entry) {
  switch (format) {
    case LexiconFormat::kCedict:
      return parse_cedict(line, entry);
    case LexiconFormat::kHunalign:
      return parse_hunalign(line, entry);
    case LexiconFormat::kTsv:
      return parse_tsv(line, entry);
  }
  return "unknown lexicon format";
}

std::vector<std::string> clean_cedict_gloss(std::string_view gloss) {
  std::vector<std::string> parts;
  const std::string stripped = strip_remarks(gloss);
  std::size_t begin = 0;
  while (begin <= stripped.size()) {
    std::size_t end = stripped.find(';', begin);
    if (end == std::string::npos) end = stripped.size();
    string_view part = trim(string_view(stripped).substr(begin, end - begin));
    begin = end + 1;
    if (is_note(part)) continue;
    while (strip_label(part)) {
    }
    if (is_note(part)) continue;  // "see surname X"
    std::string cleaned = tidy(part);
    if (std::any_of(cleaned.begin(), cleaned.end(), is_ascii_alpha)) {
      parts.push_back(std::move(cleaned));
    }
  }
  return parts;
}

}  // namespace anchoralign::detail
