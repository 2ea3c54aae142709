// Fuzzes the markup cleaners (clean_markup() for Markdown and HTML, and the plain-text
// no-op) and split_mixed() on valid UTF-8 text. Promised: clean_markup never throws and keeps
// valid UTF-8; split_mixed's parts are valid UTF-8, hold letters of their language only as
// counted, and every non-space character of the document lands in exactly one part.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "clean/markup.h"
#include "fuzz_common.h"

namespace {

void fuzz_clean_markup(const std::string& text, anchoralign::InputFormat format) {
  anchoralign::Document document;
  document.name = "fuzz.txt";
  document.text = text;
  anchoralign::detail::clean_markup(document, format);  // must not throw
  fuzz::check(fuzz::valid_utf8(document.text), "cleaned text is not valid UTF-8");
  if (format == anchoralign::InputFormat::kText) {
    fuzz::check(document.text == text, "plain text changed by clean_markup");
  } else if (!document.text.empty()) {
    fuzz::check(document.text.back() == '\n', "cleaned text lacks its final line end");
    fuzz::check(document.text.find("\n\n\n") == std::string::npos,
                "cleaned paragraphs separated by more than one blank line");
  }
}

// Interleaved parts may reorder nothing: each part's non-space text is a subsequence of the
// document's, and together they hold all of it.
void fuzz_split_mixed(const std::string& text) {
  anchoralign::Document document;
  document.name = "mixed.txt";
  document.text = text;
  try {
    const anchoralign::MixedParts parts = anchoralign::split_mixed(document);
    fuzz::check(fuzz::valid_utf8(parts.zh.document.text), "zh part is not valid UTF-8");
    fuzz::check(fuzz::valid_utf8(parts.en.document.text), "en part is not valid UTF-8");
    fuzz::check(parts.zh.document.lang == anchoralign::Lang::kZh, "zh part not marked zh");
    fuzz::check(parts.en.document.lang == anchoralign::Lang::kEn, "en part not marked en");
    fuzz::check(parts.zh.paragraphs > 0 && parts.en.paragraphs > 0, "a part without paragraphs",
                "zh: [" + parts.zh.document.text + "] en: [" + parts.en.document.text + "]");
    fuzz::check(parts.zh.foreign <= parts.zh.paragraphs && parts.en.foreign <= parts.en.paragraphs,
                "more foreign paragraphs than paragraphs");
    const std::string all = fuzz::without_spaces(text);
    const std::string zh = fuzz::without_spaces(parts.zh.document.text);
    const std::string en = fuzz::without_spaces(parts.en.document.text);
    fuzz::check(zh.size() + en.size() == all.size(), "split_mixed lost or duplicated text", text);
    if (!parts.interleaved) {
      const std::string joined = parts.zh_first ? zh + en : en + zh;
      fuzz::check(joined == all, "block split_mixed reordered or changed text", text);
    }
  } catch (const anchoralign::Error&) {
    // A text in (almost) one language is rejected, as documented.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Input input = fuzz::take_selector(data, size);
  if (!fuzz::valid_utf8(input.rest)) return -1;  // the cleaners take decoded text only
  switch (input.selector % 4) {
    case 0: fuzz_clean_markup(input.rest, anchoralign::InputFormat::kMarkdown); break;
    case 1: fuzz_clean_markup(input.rest, anchoralign::InputFormat::kHtml); break;
    case 2: fuzz_clean_markup(input.rest, anchoralign::InputFormat::kText); break;
    default: fuzz_split_mixed(input.rest); break;
  }
  return 0;
}
