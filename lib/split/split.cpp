// The split stage: Document -> SplitText. Paragraphs, then sentences inside each, then the
// display and matching forms of every sentence; or, for presplit input, one sentence a line.
// Tested by split_test.cpp.
#include <string_view>

#include "anchoralign/pipeline.h"
#include "split/paragraphs.h"
#include "split/sentence_splitter.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace anchoralign {
namespace {

// looks_traditional() reads this much of a document; the script does not change mid-text.
constexpr std::size_t kTraditionalSample = 100'000;

Lang choose_language(const Document& document, const SplitOptions& options) {
  if (options.lang != Lang::kUnknown) return options.lang;
  if (document.lang != Lang::kUnknown) return document.lang;
  return detect_language(document.text);
}

Sentence make_sentence(std::string_view text, Span span, int paragraph, Lang lang) {
  Sentence sentence;
  sentence.span = span;
  sentence.text = detail::join_wrapped_lines(text.substr(span.begin, span.end - span.begin));
  sentence.normalized = detail::normalize_for_matching(sentence.text, lang);
  sentence.paragraph = paragraph;
  return sentence;
}

// Line i is sentence i; a final line end does not start another (empty) line.
std::vector<Sentence> split_lines(std::string_view text, Lang lang) {
  std::vector<Sentence> sentences;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::size_t b = begin, e = end;
    detail::trim_spaces(text, &b, &e);
    sentences.push_back(make_sentence(text, {b, e}, 0, lang));
    begin = end + 1;
  }
  return sentences;
}

std::vector<Sentence> split_paragraphs(std::string_view text, Lang lang) {
  std::vector<Sentence> sentences;
  const std::vector<Span> paragraphs = detail::find_paragraphs(text);
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    for (const Span& span : detail::split_sentences(text, paragraphs[i], lang)) {
      sentences.push_back(make_sentence(text, span, static_cast<int>(i), lang));
    }
  }
  return sentences;
}

// The first `size` bytes of text, cut back to a character boundary.
std::string_view prefix(std::string_view text, std::size_t size) {
  if (size >= text.size()) return text;
  while (size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) --size;
  return text.substr(0, size);
}

}  // namespace

SplitText split(const Document& document, const SplitOptions& options) {
  validate(options);
  SplitText result;
  result.name = document.name;
  result.lang = choose_language(document, options);
  result.traditional = result.lang == Lang::kZh &&
                       detail::looks_traditional(prefix(document.text, kTraditionalSample));
  result.sentences = options.presplit ? split_lines(document.text, result.lang)
                                      : split_paragraphs(document.text, result.lang);
  return result;
}

}  // namespace anchoralign
