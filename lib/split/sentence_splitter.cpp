// Sentence splitting: ICU's sentence break iterator (UAX #29 rules), wrapped with ICU's
// filtered builder so English abbreviations do not end sentences, then corrected where the
// rules do not fit Chinese or our input:
//  - ICU treats every line break as a hard break; inside a paragraph a line break is only a
//    wrapped line, so ICU sees a copy of the paragraph with line breaks replaced by spaces of
//    the same byte length, which keeps every offset valid. The exception is text written one
//    sentence or paragraph per line without blank lines between (most lines end with a
//    terminator): there every line break is a break, so headings do not join the next line.
//  - ICU keeps an opening quote after a terminator with the previous sentence (。“ — both are
//    Sentence_Break=Close); the break moves before the first opening mark.
//  - ICU breaks before closing marks after a space (。 ” — a typing slip); they move back
//    to the sentence they close.
//  - Breaks that are not sentence ends go: ? ! . glued to an ASCII word (URLs: s?__biz=...),
//    abbreviations (Mr. U.S. e.g., and No. before a number), initials (H. L. A. Hart), ? and !
//    followed by a lower-case word ('Why?' asked Tom; UAX #29 only does this for "."), and
//    breaks that leave a bare list number ("3." stays with the item it numbers) or a
//    segment without letters or digits ("**", a lone "……").
//  - In Chinese, an ellipsis (…… ⋯⋯) followed directly by a Han character or an opening
//    mark ends a sentence (ICU gives … no sentence role), unless it is a stutter (我……我).
// ICU runs on UTF-8 through UText, so its break positions are byte offsets; everything is
// linear in the paragraph length. Each thread builds its iterator once.
// Tested by split_test.cpp.
#include "split/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cassert>
#include <memory>
#include <string>
#include <string_view>

#include "anchoralign/error.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

// Abbreviations that never end a sentence, on top of CLDR's English list that ICU's filter
// applies. They are checked here, not given to the filter, because the filter matches any
// word ending (it would read "much." as "ch.") and cannot handle inner full stops ("U.S.").
// "etc.", "a.m." and "p.m." are left out: before a capital they end the sentence as often
// as not.
constexpr std::string_view kAbbreviations[] = {
    "Mr.",  "Mrs.", "Ms.",     "Dr.",  "Prof.", "St.",  "Inc.", "Ltd.", "Co.",  "Corp.",
    "vs.",  "Jan.", "Feb.",    "Mar.", "Apr.",  "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
    "Oct.", "Nov.", "Dec.",    "Gen.", "Col.",  "Sen.", "Rep.", "Gov.", "Jr.",  "Sr.",
    "Mt.",  "cf.",  "approx.", "U.S.", "U.K.",  "U.N.", "e.g.", "i.e."};

// Abbreviations that do not end a sentence when a number follows ("No. 10", "fig. 1.1"),
// but may otherwise ("No. I don't think so.").
constexpr std::string_view kNumberAbbreviations[] = {
    "No.",  "Nos.", "no.", "nos.", "Fig.", "Figs.", "fig.", "figs.", "Eq.",  "eq.",
    "Vol.", "vol.", "Ch.", "ch.",  "Sec.", "sec.",  "pp.",  "p.",    "Art.", "art."};

// ICU indexes text with int32_t; longer paragraphs are split in chunks of at most this size.
constexpr std::size_t kMaxChunk = std::size_t{1} << 30;

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw Error(std::string(what) + ": " + u_errorName(status));
}

std::unique_ptr<icu::BreakIterator> create_sentence_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale& english = icu::Locale::getEnglish();
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(english, status));
  check(status, "ICU sentence break iterator unavailable");
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(english, status));
  check(status, "ICU filtered break iterator unavailable");
  // CLDR lists "I." among initials; as a pronoun it often ends a sentence ("so was I.").
  builder->unsuppressBreakAfter(icu::UnicodeString("I."), status);
  status = U_ZERO_ERROR;  // not being listed is no error
  std::unique_ptr<icu::BreakIterator> filtered(
      builder->wrapIteratorWithFilter(base.release(), status));
  check(status, "ICU filtered break iterator unavailable");
  return filtered;
}

icu::BreakIterator& thread_sentence_iterator() {
  thread_local const std::unique_ptr<icu::BreakIterator> iterator = create_sentence_iterator();
  return *iterator;
}

char32_t char_at(std::string_view text, std::size_t pos) {
  std::size_t length = 0;
  return decode_utf8(text, pos, &length);
}

char32_t char_before(std::string_view text, std::size_t end) {
  return end == 0 ? 0 : char_at(text, previous_char_start(text, end));
}

bool is_opening(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

bool is_closing(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION || c == '"' || c == '\'';
}

bool is_quote_or_bracket(char32_t c) { return is_opening(c) || is_closing(c); }

bool is_ellipsis(char32_t c) { return c == 0x2026 || c == 0x22EF; }

bool is_ascii_letter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// The end of text[0, b) without its trailing whitespace.
std::size_t skip_spaces_back(std::string_view text, std::size_t b) {
  while (b > 0 && space_length_at(text, previous_char_start(text, b)) > 0) {
    b = previous_char_start(text, b);
  }
  return b;
}

// Breaks ICU finds in text[0, size), as offsets, 0 and size excluded.
void add_icu_breaks(std::string_view text, std::vector<std::size_t>& breaks) {
  std::string copy(text);
  for (std::size_t pos = 0, length = 0; pos < copy.size(); pos += length) {
    if (is_line_break(decode_utf8(copy, pos, &length))) copy.replace(pos, length, length, ' ');
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, copy.data(), static_cast<int64_t>(copy.size()), &status);
  const std::unique_ptr<UText, UText* (*)(UText*)> owner(utext, &utext_close);
  check(status, "ICU cannot open text");
  icu::BreakIterator& iterator = thread_sentence_iterator();
  iterator.setText(utext, status);
  check(status, "ICU cannot iterate text");
  for (int32_t b = iterator.first(); b != icu::BreakIterator::DONE; b = iterator.next()) {
    if (b > 0 && static_cast<std::size_t>(b) < copy.size()) breaks.push_back(b);
  }
  // The iterator keeps a shallow clone of the UText; point it away from `copy`.
  iterator.setText(icu::UnicodeString());
}

// ICU puts the break after "terminator closers* spaces*"; an opening quote or bracket in
// those closers begins the next sentence instead.
std::size_t move_before_opening(std::string_view text, std::size_t b) {
  std::size_t run = skip_spaces_back(text, b);
  std::size_t first_opening = b;
  while (run > 0 && is_quote_or_bracket(char_before(text, run))) {
    run = previous_char_start(text, run);
    if (is_opening(char_at(text, run))) first_opening = run;
  }
  return first_opening;
}

// A break before spaces and closing marks (Pe, Pf) moves past them: "好。 ”她说" ends after ”.
std::size_t move_past_closing(std::string_view text, std::size_t b) {
  std::size_t pos = b, length = 0;
  while (pos < text.size() && (length = space_length_at(text, pos)) > 0) pos += length;
  const std::size_t closing_begin = pos;
  while (pos < text.size()) {
    const int8_t type = u_charType(static_cast<UChar32>(decode_utf8(text, pos, &length)));
    if (type != U_END_PUNCTUATION && type != U_FINAL_PUNCTUATION) break;
    pos += length;
  }
  return pos == closing_begin ? b : pos;
}

// ? ! . followed directly by an ASCII word character is a URL, file name or code (s?__biz=),
// and ![ a Markdown image, not the end of a sentence.
bool is_glued_ascii(std::string_view text, std::size_t b) {
  const char32_t before = char_before(text, b), after = char_at(text, b);
  const bool word = (after >= '0' && after <= '9') || is_ascii_letter(after) || after == '_' ||
                    after == '=' || after == '&' || after == '/' || after == '%';
  return ((before == '?' || before == '!' || before == '.') && word) ||
         (before == '!' && after == '[');
}

// A break after an abbreviation (and spaces) that starts a word: "Mr. Smith", "U.S. Army",
// and "No. 10" but not "No. I".
bool follows_abbreviation(std::string_view text, std::size_t b) {
  const std::size_t end = skip_spaces_back(text, b);
  const auto ends_with_word = [&](std::string_view abbreviation) {
    if (!text.substr(0, end).ends_with(abbreviation)) return false;
    const char32_t before = char_before(text, end - abbreviation.size());
    return !is_ascii_letter(before) && before != '.';
  };
  if (std::any_of(std::begin(kAbbreviations), std::end(kAbbreviations), ends_with_word)) {
    return true;
  }
  const char32_t next = b < text.size() ? char_at(text, b) : 0;
  return next >= '0' && next <= '9' &&
         std::any_of(std::begin(kNumberAbbreviations), std::end(kNumberAbbreviations),
                     ends_with_word);
}

// A capital standing alone before the full stop is an initial: "James J. Gibson", "J.M.库切";
// but not the pronoun "I".
bool follows_initial(std::string_view text, std::size_t b) {
  const std::size_t end = skip_spaces_back(text, b);
  if (end < 2 || text[end - 1] != '.' || text[end - 2] < 'A' || text[end - 2] > 'Z' ||
      text[end - 2] == 'I') {
    return false;
  }
  const char32_t before = char_before(text, end - 2);
  return before == 0 || before == '.' || before == '(' || is_space(before) || is_han(before) ||
         is_cjk_punctuation(before);
}

// ? or ! then closing marks and spaces, then a lower-case letter: '"Why?" asked Tom'.
bool continues_in_lower_case(std::string_view text, std::size_t b) {
  if (b >= text.size() || !u_islower(static_cast<UChar32>(char_at(text, b)))) return false;
  std::size_t end = skip_spaces_back(text, b);
  while (end > 0 && is_closing(char_before(text, end))) end = previous_char_start(text, end);
  const char32_t c = char_before(text, end);
  return c == '?' || c == '!' || c == U'？' || c == U'！';
}

bool is_false_break(std::string_view text, std::size_t b) {
  return b == 0 || b >= text.size() || is_glued_ascii(text, b) || follows_abbreviation(text, b) ||
         follows_initial(text, b) || continues_in_lower_case(text, b);
}

// "3." or "01." alone: a list or heading number.
bool is_number_label(std::string_view segment) {
  std::size_t digits = 0;
  while (digits < segment.size() && segment[digits] >= '0' && segment[digits] <= '9') ++digits;
  const std::string_view rest = segment.substr(digits);
  return digits >= 1 && digits <= 3 && (rest == "." || rest == "．");
}

bool has_letter_or_digit(std::string_view text) {
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += length) {
    if (u_isalnum(static_cast<UChar32>(decode_utf8(text, pos, &length)))) return true;
  }
  return false;
}

// Drops breaks that would leave a fragment no aligner can use: a bare list number ("3.")
// joins the item it numbers, and a segment without letters or digits ("**", "……") joins the
// one before it (the one after, at the start). `breaks` is sorted.
void merge_fragments(std::string_view text, std::vector<std::size_t>& breaks) {
  std::vector<std::size_t> kept;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= breaks.size(); ++i) {
    const std::size_t end = i < breaks.size() ? breaks[i] : text.size();
    std::size_t s = begin, e = end;
    trim_spaces(text, &s, &e);
    bool join_next = is_number_label(text.substr(s, e - s));
    if (!has_letter_or_digit(text.substr(s, e - s))) {
      if (!kept.empty() && kept.back() == begin) {
        kept.pop_back();
      } else {
        join_next = true;
      }
    }
    if (i < breaks.size() && !join_next) {
      kept.push_back(end);
      begin = end;
    }
  }
  breaks = std::move(kept);
}

// A line that ends like a sentence: a terminator, then perhaps closing quotes or brackets.
bool ends_like_sentence(std::string_view text, std::size_t end) {
  while (end > 0 && is_closing(char_before(text, end))) end = previous_char_start(text, end);
  const char32_t c = char_before(text, end);
  return c == U'。' || c == U'！' || c == U'？' || c == U'．' || c == '.' || c == '!' || c == '?' ||
         is_ellipsis(c);
}

// Breaks at every line start when the paragraph is written one sentence (or one paragraph)
// per line rather than wrapped: when at least two thirds of its line ends, and at least two,
// come after a terminator. Headings and list items in such text then stand alone.
void add_line_breaks(std::string_view text, std::vector<std::size_t>& breaks) {
  std::vector<std::size_t> line_starts;
  std::size_t sentence_ends = 0;
  for (std::size_t pos = text.find('\n'); pos != std::string_view::npos;
       pos = text.find('\n', pos + 1)) {
    const std::size_t line_begin = line_starts.empty() ? 0 : line_starts.back();
    std::size_t begin = line_begin, end = pos;
    trim_spaces(text, &begin, &end);
    if (begin < end && ends_like_sentence(text, end)) ++sentence_ends;
    line_starts.push_back(pos + 1);
  }
  if (sentence_ends >= 2 && sentence_ends * 3 >= line_starts.size() * 2) {
    breaks.insert(breaks.end(), line_starts.begin(), line_starts.end());
  }
}

// Breaks after ellipses that end a Chinese sentence: followed, after closing marks, directly
// by a Han character or an opening mark, and not a stutter (我……我).
void add_ellipsis_breaks(std::string_view text, std::vector<std::size_t>& breaks) {
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += length) {
    if (!is_ellipsis(decode_utf8(text, pos, &length))) continue;
    const char32_t before = char_before(text, pos);
    std::size_t end = pos;
    while (end < text.size() && is_ellipsis(decode_utf8(text, end, &length))) end += length;
    const std::size_t run_end = end;
    while (end < text.size() && is_closing(decode_utf8(text, end, &length))) end += length;
    pos = end;
    length = 0;
    if (end >= text.size()) break;
    const char32_t next = char_at(text, end);
    const bool stutter = end == run_end && next == before;
    if ((is_han(next) || is_opening(next)) && !stutter) breaks.push_back(end);
  }
}

// Break offsets inside `text` (one paragraph), sorted, unique, 0 and size excluded.
std::vector<std::size_t> sentence_breaks(std::string_view text, bool chinese) {
  std::vector<std::size_t> breaks;
  for (std::size_t chunk = 0; chunk < text.size();) {
    std::size_t end = std::min(text.size(), chunk + kMaxChunk);
    while (end > chunk + 3 && end < text.size() &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    std::vector<std::size_t> local;
    add_icu_breaks(text.substr(chunk, end - chunk), local);
    for (std::size_t b : local) breaks.push_back(chunk + b);
    if (end < text.size()) breaks.push_back(end);
    chunk = end;
  }
  for (std::size_t& b : breaks) b = move_past_closing(text, move_before_opening(text, b));
  std::erase_if(breaks, [&](std::size_t b) { return is_false_break(text, b); });
  if (chinese) add_ellipsis_breaks(text, breaks);
  add_line_breaks(text, breaks);
  std::sort(breaks.begin(), breaks.end());
  breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
  merge_fragments(text, breaks);
  return breaks;
}

bool contains_han(std::string_view text) {
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += length) {
    if (is_han(decode_utf8(text, pos, &length))) return true;
  }
  return false;
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text, Span paragraph, Lang lang) {
  assert(paragraph.begin <= paragraph.end && paragraph.end <= text.size());
  const std::string_view body = text.substr(paragraph.begin, paragraph.end - paragraph.begin);
  const bool chinese = lang == Lang::kZh || (lang == Lang::kUnknown && contains_han(body));
  std::vector<std::size_t> breaks = sentence_breaks(body, chinese);
  breaks.push_back(body.size());
  std::vector<Span> sentences;
  std::size_t begin = 0;
  for (std::size_t end : breaks) {
    std::size_t b = begin, e = end;
    trim_spaces(body, &b, &e);
    if (b < e) sentences.push_back({paragraph.begin + b, paragraph.begin + e});
    begin = end;
  }
  return sentences;
}

}  // namespace anchoralign::detail
