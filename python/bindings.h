// What the two halves of the extension share: the objects handed to Python (classes.cpp binds
// them) and the functions that make them (anchoralign_module.cpp binds those).
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "anchoralign/check.h"
#include "anchoralign/types.h"

namespace anchoralign::python {

// An alignment together with the two texts it aligns; the texts are shared, not copied, with
// the SplitText objects Python already holds. Never changed once made.
struct AlignedTexts {
  std::shared_ptr<SplitText> source, target;
  Alignment beads;
};

// One bead as Python sees it: the sentence ranges, the joined texts of both sides, the score.
struct BeadView {
  Bead bead;
  std::string source_text, target_text;
};

// A coverage report with the alignment it was made from, which the report writers need.
struct Report {
  std::shared_ptr<AlignedTexts> texts;
  CoverageReport report;
};

// Sentence, SplitText, Lexicon, Bead, Alignment, Coverage, Term, Finding and Report.
void bind_classes(pybind11::module_& m);

}  // namespace anchoralign::python
