// Fuzzes the lexicon line parser in each format, format detection, and Lexicon::load() from a
// temporary file. Promised: a parsed entry's views lie inside the line, a weight in (0, 1];
// load() either throws InputError or gives a lexicon whose lookups stay in bounds.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

#include "anchoralign/error.h"
#include "fuzz_common.h"
#include "lexicon/lexicon.h"
#include "lexicon/lexicon_formats.h"

namespace {

using anchoralign::detail::LexiconFormat;

bool inside(std::string_view part, std::string_view line) {
  if (part.empty()) return true;
  return part.data() >= line.data() && part.data() + part.size() <= line.data() + line.size();
}

void fuzz_lines(const std::string& text) {
  anchoralign::detail::LexiconLine entry;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(begin, end - begin);
    (void)anchoralign::detail::detect_lexicon_format(line);
    for (LexiconFormat format : {LexiconFormat::kCedict, LexiconFormat::kHunalign,
                                 LexiconFormat::kTsv}) {
      if (!anchoralign::detail::parse_lexicon_line(format, line, &entry).empty()) continue;
      fuzz::check(inside(entry.chinese, line), "chinese view outside the line");
      fuzz::check(inside(entry.traditional, line), "traditional view outside the line");
      fuzz::check(entry.weight > 0 && entry.weight <= 1, "weight outside (0, 1]");
    }
    begin = end + 1;
  }
}

// Lookups of every substring of a probe text at character starts: ids and ranges in bounds.
void probe(const anchoralign::detail::Lexicon& lexicon, std::string_view text) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) continue;
    const std::size_t match = lexicon.longest_match(text, pos);
    fuzz::check(match <= text.size() - pos, "longest_match past the end");
    for (const auto& translation : lexicon.translations(text.substr(pos, match))) {
      fuzz::check(translation.lemma >= 0 && translation.lemma < lexicon.lemma_count(),
                  "translation lemma id out of range");
      fuzz::check(translation.weight > 0 && translation.weight <= 1, "translation weight");
    }
  }
}

void fuzz_load(const std::string& text) {
  static const std::string path = "/tmp/anchoralign-fuzz-lexicon-" + std::to_string(getpid());
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
  }
  anchoralign::detail::Lexicon lexicon;
  try {
    lexicon.load(path);
  } catch (const anchoralign::Error&) {
    std::remove(path.c_str());
    return;
  }
  std::remove(path.c_str());
  probe(lexicon, text);
  probe(lexicon, "中文的词语和句子");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Input input = fuzz::take_selector(data, size);
  if ((input.selector & 1) != 0) {
    fuzz_load(input.rest);
  } else {
    fuzz_lines(input.rest);
  }
  return 0;
}
