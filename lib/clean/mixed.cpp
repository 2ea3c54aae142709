// Mixed files: a text and its translation in one file, cut into a Chinese and an English part.
//
// Each line is weighed by its letters, Han characters counting three (the Latin-to-Han
// ratio of FIELD.md, as in language.cpp), and labelled by language_of(), so a Chinese line
// quoting English names stays Chinese. Latin letters inside URLs and e-mail addresses do not
// count; lines without letters (numbers, URLs, rules) are neutral and weigh nothing.
//
// Such files are almost always one block per language, so the first model is two blocks: the
// cut between two lines, and the order, that put the fewest letters on the wrong side. A
// short English line inside the Chinese block (a title, a name on a line of its own) costs
// its few letters wherever the cut goes, so it stays where it stands: position beats script.
// Cutting between two lines of one paragraph costs kInsideParagraph letters more, so a cut
// falls on a blank line unless the languages really change inside a paragraph. Of equally good
// cuts the last one wins, so neutral paragraphs between the blocks stay with the first block,
// and neutral lines stay with the paragraph they belong to.
//
// When even the best cut puts more than a third of the smaller language on the wrong side,
// the languages alternate (a bilingual reader: a paragraph, then its translation), and each
// paragraph goes to its own language, neutral ones to the part of the paragraph before them.
//
// The time is linear in the length of the text.
// Tested by clean_test.cpp.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "split/paragraphs.h"
#include "text/language.h"

namespace anchoralign {
namespace detail {
namespace {

// Below this share of the letters, the smaller language is quotes, not a translation.
constexpr double kMinShare = 0.02;
// The cost, in letters, of a cut between two lines of one paragraph.
constexpr std::size_t kInsideParagraph = 20;

struct Unit {
  std::size_t begin = 0, end = 0;  // byte range in the text
  Lang lang = Lang::kUnknown;
  std::size_t weight = 0;         // letters, a Han character counting three
  bool follows_directly = false;  // no blank line between this unit and the one before
};

bool is_ascii_graph(char c) { return c > ' ' && c < 0x7F; }

// Latin letters of URLs and e-mail addresses say nothing about the language of the prose.
ScriptCounts prose_scripts(std::string_view text) {
  std::string prose;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = i;
    while (end < text.size() && is_ascii_graph(text[end])) ++end;
    if (end == i) {
      prose += text[i++];
      continue;
    }
    const std::string_view word = text.substr(i, end - i);
    const std::size_t at = word.find('@');
    const bool link = word.find("://") != std::string_view::npos || word.starts_with("www.") ||
                      (at != std::string_view::npos && word.find('.', at) != std::string_view::npos);
    if (!link) prose.append(word);
    i = end;
  }
  return count_scripts(prose);
}

Unit make_unit(std::string_view text, std::size_t begin, std::size_t end) {
  const ScriptCounts counts = prose_scripts(text.substr(begin, end - begin));
  Unit unit{begin, end, language_of(counts), 0, false};
  if (unit.lang != Lang::kUnknown) unit.weight = 3 * counts.han + counts.latin;
  return unit;
}

std::vector<Unit> line_units(std::string_view text) {
  std::vector<Unit> units;
  bool blank_before = true;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const bool blank = text.substr(begin, end - begin).find_first_not_of(" \t\r\f\v") ==
                       std::string_view::npos;
    if (!blank) {
      units.push_back(make_unit(text, begin, end));
      units.back().follows_directly = !blank_before;
    }
    blank_before = blank;
    begin = end + 1;
  }
  return units;
}

std::vector<Unit> paragraph_units(std::string_view text) {
  std::vector<Unit> units;
  for (const Span& span : find_paragraphs(text)) units.push_back(make_unit(text, span.begin, span.end));
  return units;
}

std::size_t weight_of(const std::vector<Unit>& units, Lang lang) {
  std::size_t weight = 0;
  for (const Unit& unit : units) weight += unit.lang == lang ? unit.weight : 0;
  return weight;
}

struct Cut {
  std::size_t index = 0;      // the first unit of the second block
  bool zh_first = true;
  std::size_t misplaced = 0;  // letters on the wrong side
};

Cut best_cut(const std::vector<Unit>& units) {
  const std::size_t zh_total = weight_of(units, Lang::kZh), en_total = weight_of(units, Lang::kEn);
  Cut best;
  std::size_t best_score = static_cast<std::size_t>(-1), zh_before = 0, en_before = 0;
  for (std::size_t k = 1; k < units.size(); ++k) {
    zh_before += units[k - 1].lang == Lang::kZh ? units[k - 1].weight : 0;
    en_before += units[k - 1].lang == Lang::kEn ? units[k - 1].weight : 0;
    const std::size_t penalty = units[k].follows_directly ? kInsideParagraph : 0;
    for (const bool zh_first : {true, false}) {
      const std::size_t misplaced = zh_first ? en_before + (zh_total - zh_before)
                                             : zh_before + (en_total - en_before);
      if (misplaced + penalty <= best_score) {
        best_score = misplaced + penalty;
        best = {k, zh_first, misplaced};
      }
    }
  }
  return best;
}

// 1-based line numbers of byte offsets, by binary search over the line starts.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  int line_of(std::size_t offset) const {
    return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
  }

 private:
  std::vector<std::size_t> starts_{0};
};

std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100 * share);
  return buffer;
}

// Throws unless both languages carry a real share of the letters.
void require_both_languages(const Document& document, std::size_t zh, std::size_t en) {
  const std::string prefix = document.name + ": expected Chinese and English text in one file";
  if (zh == 0 && en == 0) throw InputError(prefix + ", found no letters");
  const char* major = zh > en ? "Chinese" : "English";
  const char* minor = zh > en ? "English" : "Chinese";
  const std::size_t small = std::min(zh, en), large = std::max(zh, en);
  if (small == 0) throw InputError(prefix + ", found only " + major);
  const double share = static_cast<double>(small) / static_cast<double>(small + large);
  if (share < kMinShare) {
    throw InputError(prefix + ", found almost only " + major + " (" + minor + " makes up " +
                     percent(share) + " of the letters)");
  }
}

// Counts a part's paragraphs; `offset` is where the part's text starts in the document.
void count_paragraphs(const LineIndex& lines, std::size_t offset, Lang lang, MixedPart* part,
                      int* neutral) {
  const std::string_view text = part->document.text;
  const std::vector<Unit> units = paragraph_units(text);
  for (const Unit& unit : units) {
    if (unit.lang == Lang::kUnknown) {
      ++*neutral;
    } else {
      ++part->paragraphs;
      part->foreign += unit.lang != lang;
    }
  }
  if (units.empty()) return;
  part->first_line = lines.line_of(offset + units.front().begin);
  part->last_line = lines.line_of(offset + units.back().end);
}

MixedPart make_part(const Document& document, Lang lang, std::string text) {
  MixedPart part;
  part.document.name = document.name + " (" + lang_name(lang) + " part)";
  part.document.lang = lang;
  part.document.text = std::move(text);
  return part;
}

MixedParts two_blocks(const Document& document, const std::vector<Unit>& lines, const Cut& cut) {
  const std::string_view text = document.text;
  const std::size_t offset = lines[cut.index].begin;
  MixedParts parts;
  parts.zh_first = cut.zh_first;
  const std::size_t zh_begin = cut.zh_first ? 0 : offset, en_begin = cut.zh_first ? offset : 0;
  const std::size_t zh_end = cut.zh_first ? offset : text.size();
  const std::size_t en_end = cut.zh_first ? text.size() : offset;
  parts.zh = make_part(document, Lang::kZh, std::string(text.substr(zh_begin, zh_end - zh_begin)));
  parts.en = make_part(document, Lang::kEn, std::string(text.substr(en_begin, en_end - en_begin)));
  const LineIndex line_index(text);
  count_paragraphs(line_index, zh_begin, Lang::kZh, &parts.zh, &parts.neutral_paragraphs);
  count_paragraphs(line_index, en_begin, Lang::kEn, &parts.en, &parts.neutral_paragraphs);
  return parts;
}

void add_unit(std::string_view text, const LineIndex& lines, const Unit& unit, MixedPart* part) {
  if (!part->document.text.empty()) part->document.text += "\n\n";
  part->document.text.append(text.substr(unit.begin, unit.end - unit.begin));
  if (part->first_line == 0) part->first_line = lines.line_of(unit.begin);
  part->last_line = lines.line_of(unit.end);
  part->paragraphs += unit.lang != Lang::kUnknown;
}

MixedParts interleaved(const Document& document, const std::vector<Unit>& units) {
  MixedParts parts;
  parts.interleaved = true;
  parts.zh = make_part(document, Lang::kZh, "");
  parts.en = make_part(document, Lang::kEn, "");
  const auto first_lettered = std::find_if(units.begin(), units.end(),
                                           [](const Unit& unit) { return unit.lang != Lang::kUnknown; });
  Lang current = first_lettered == units.end() ? Lang::kZh : first_lettered->lang;
  const LineIndex line_index(document.text);
  parts.zh_first = current == Lang::kZh;
  for (const Unit& unit : units) {
    if (unit.lang != Lang::kUnknown) current = unit.lang;
    parts.neutral_paragraphs += unit.lang == Lang::kUnknown;
    add_unit(document.text, line_index, unit, current == Lang::kZh ? &parts.zh : &parts.en);
  }
  if (!parts.zh.document.text.empty()) parts.zh.document.text += '\n';
  if (!parts.en.document.text.empty()) parts.en.document.text += '\n';
  return parts;
}

}  // namespace
}  // namespace detail

MixedParts split_mixed(const Document& document) {
  using namespace detail;
  const std::vector<Unit> lines = line_units(document.text);
  const std::size_t zh = weight_of(lines, Lang::kZh), en = weight_of(lines, Lang::kEn);
  require_both_languages(document, zh, en);
  const Cut cut = best_cut(lines);
  if (3 * cut.misplaced <= std::min(zh, en)) return two_blocks(document, lines, cut);
  std::vector<Unit> paragraphs = paragraph_units(document.text);
  if (paragraphs.size() < 2) paragraphs = lines;
  MixedParts parts = interleaved(document, paragraphs);
  // Paragraphs that each mix both languages can all land on one side: then there is no
  // text and translation to tell apart.
  if (parts.zh.paragraphs == 0 || parts.en.paragraphs == 0) {
    throw InputError(document.name + ": expected a Chinese part and an English part, found " +
                     "paragraphs that each mix both languages; split the file into two");
  }
  return parts;
}

}  // namespace anchoralign
