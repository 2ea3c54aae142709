// Fuzzes split() on decoded text: zh, en or detected language, presplit on and off.
// Promised: sentences in order, each once, trimmed, valid UTF-8; no text lost (the sentences'
// non-space characters, concatenated, are the document's); presplit gives one sentence a line.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "fuzz_common.h"

namespace {

constexpr std::array<anchoralign::Lang, 3> kLangs = {
    anchoralign::Lang::kUnknown, anchoralign::Lang::kZh, anchoralign::Lang::kEn};

std::size_t line_count(const std::string& text) {
  if (text.empty()) return 0;
  const auto breaks = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  return text.back() == '\n' ? breaks : breaks + 1;
}

void check_sentences(const anchoralign::Document& document, const anchoralign::SplitText& split,
                     bool presplit) {
  std::string joined;
  std::size_t previous_end = 0;
  int previous_paragraph = 0;
  for (const anchoralign::Sentence& sentence : split.sentences) {
    fuzz::check(sentence.span.begin <= sentence.span.end, "reversed span");
    fuzz::check(sentence.span.end <= document.text.size(), "span beyond the text");
    fuzz::check(sentence.span.begin >= previous_end, "spans overlap or out of order");
    fuzz::check(sentence.paragraph >= previous_paragraph, "paragraph index goes back");
    fuzz::check(fuzz::valid_utf8(sentence.text), "sentence text is not valid UTF-8");
    fuzz::check(fuzz::valid_utf8(sentence.normalized), "normalized text is not valid UTF-8");
    if (!presplit) fuzz::check(!sentence.text.empty(), "empty sentence without presplit");
    const std::string raw = document.text.substr(sentence.span.begin,
                                                 sentence.span.end - sentence.span.begin);
    fuzz::check(fuzz::without_spaces(raw) == fuzz::without_spaces(sentence.text),
                "sentence text differs from its span", raw);
    joined += sentence.text;
    previous_end = sentence.span.end;
    previous_paragraph = sentence.paragraph;
  }
  fuzz::check(fuzz::without_spaces(joined) == fuzz::without_spaces(document.text),
              "split lost or changed text", document.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Input input = fuzz::take_selector(data, size);
  anchoralign::ReadOptions read;
  read.on_invalid = anchoralign::InvalidBytes::kReplace;
  read.format = (input.selector & 8) != 0 ? anchoralign::InputFormat::kAuto
                                          : anchoralign::InputFormat::kText;
  anchoralign::SplitOptions options;
  options.lang = kLangs[(input.selector & 3) % 3];
  options.presplit = (input.selector & 4) != 0;
  anchoralign::Document document;
  try {
    document = anchoralign::decode_document(input.rest, "fuzz.txt", read);
  } catch (const anchoralign::Error&) {
    return 0;  // undecodable bytes (NUL, unknown charset) never reach split()
  }
  try {
    const anchoralign::SplitText split = anchoralign::split(document, options);
    if (options.lang != anchoralign::Lang::kUnknown) {
      fuzz::check(split.lang == options.lang, "forced language not kept");
    }
    if (options.presplit) {
      fuzz::check(split.sentences.size() == line_count(document.text),
                  "presplit sentence count is not the line count", document.text);
    }
    check_sentences(document, split, options.presplit);
  } catch (const anchoralign::Error&) {
    // Documented failures (an ICU break iterator that cannot open) are expected outcomes.
  }
  return 0;
}
