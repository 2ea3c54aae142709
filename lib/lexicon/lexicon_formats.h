// Line formats of lexicon files: CC-CEDICT text, hunalign .dic and TSV.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anchoralign::detail {

enum class LexiconFormat { kCedict, kHunalign, kTsv };

// One entry line of a lexicon file. Views point into the line.
struct LexiconLine {
  std::string_view chinese;      // the Simplified column of CC-CEDICT
  std::string_view traditional;  // CC-CEDICT only, else empty
  std::vector<std::string> glosses;
  float weight = 1;
};

// The format of a lexicon file, from its first entry line (not blank, not a comment): a tab
// makes TSV, "繁體 简体 [pin1 yin1] /gloss/" CC-CEDICT, " @ " hunalign; nullopt otherwise.
std::optional<LexiconFormat> detect_lexicon_format(std::string_view line);

// Parses one entry line into *entry (reusing its storage); returns "" on success, else what
// is wrong with the line. CC-CEDICT glosses are cleaned with clean_cedict_gloss().
std::string parse_lexicon_line(LexiconFormat format, std::string_view line, LexiconLine* entry);

// The parts of one CC-CEDICT gloss that translate the headword: the gloss split at ";",
// remarks in parentheses and pinyin in brackets removed, labels ("lit.", "fig.", "abbr. for",
// "see", "variant of") stripped; parts that only refer to other entries or give no
// translation ("surname X", "used in X", "CL:", "Taiwan pr. [x]", "classifier for") dropped.
// Empty when nothing is left. scripts/convert_cedict.py applies the same rules.
std::vector<std::string> clean_cedict_gloss(std::string_view gloss);

}  // namespace anchoralign::detail
