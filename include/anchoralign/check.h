// Translation coverage: which parts of an original a translation renders, given their
// alignment, and where the two disagree (numbers, Latin-script names and terms), plus the
// writers of that report (terminal text, JSON, self-contained HTML; docs/coverage-report.md).
//
// Thread safety: check() and the writers are reentrant and keep no state between calls;
// concurrent calls may share const inputs and options (the Lexicon included), each writer
// needs its own stream.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "anchoralign/lexicon.h"
#include "anchoralign/types.h"

namespace anchoralign {

enum class FindingKind {
  kOmission,        // original sentences with no counterpart in the translation
  kAddition,        // translation sentences with no counterpart in the original
  kNumberMismatch,  // a number on one side of an aligned bead only
  kTermMismatch,    // a Latin-script name or term on one side of an aligned bead only
  kLowScore,        // an aligned bead whose two sides hardly look like translations
};

enum class Severity { kInfo, kWarning, kError };

// Sentences [begin, begin + count) of one text; count 0 marks a position (before `begin`).
struct SentenceRange {
  int begin = 0, count = 0;
  friend bool operator==(const SentenceRange&, const SentenceRange&) = default;
};

// A number, name or term found on one side only: where it is and what it means.
struct Term {
  int sentence = 0;                // index in its text
  std::size_t begin = 0, end = 0;  // byte offsets into that Sentence::text
  std::string text;                // as written: "350 million", "3.5亿", "Nordbau"
  std::string key;                 // canonical: "n:350000000", "p:15", "m:3", "w:nordbau"
};

struct Finding {
  FindingKind kind = FindingKind::kOmission;
  Severity severity = Severity::kWarning;
  int bead = 0;  // the alignment bead it concerns (the first one, for a run)
  // The sentences concerned. For an omission, `translation` is where the run would lie
  // (count 0) or, inside a many-to-one bead, that bead's translation; likewise for additions.
  SentenceRange original, translation;
  std::string original_text, translation_text;        // the joined sentences of both ranges
  std::string message;                                // one line for people: what was found
  std::string evidence;                               // one line for people: why it was found
  std::vector<Term> original_only, translation_only;  // mismatches: the terms of each side
  double score = 0;                                   // score of the bead
  double support = -1;  // share of the sentences' words found on the other side; -1: not used
};

struct Coverage {
  int sentences = 0, covered_sentences = 0;            // non-empty sentences
  std::size_t characters = 0, covered_characters = 0;  // code points other than whitespace
  double sentence_share() const;   // covered / all, 1 for a text without sentences
  double character_share() const;  // likewise for characters
};

struct ParagraphCoverage {
  int paragraph = 0;        // 0-based paragraph of the original
  SentenceRange sentences;  // its sentences
  Coverage coverage;
};

struct CoverageReport {
  std::string original_name, translation_name;
  Lang original_lang = Lang::kUnknown, translation_lang = Lang::kUnknown;
  Coverage original;     // original sentences that have a counterpart: the coverage
  Coverage translation;  // translation sentences that render something of the original
  std::vector<ParagraphCoverage> paragraphs;  // of the original, in order
  std::vector<Finding> findings;              // in document order of the original
  double min_score = 0;  // the CheckOptions::low_score the report was made with
};

struct CheckOptions {
  // Word translations for judging which sentence of a many-to-one bead the other side does
  // not render; empty: only anchors (numbers, Latin-script terms) judge.
  Lexicon lexicon;
  // Aligned beads scoring below this confidence are reported, in [0, 1]; 0 disables.
  double low_score = 0.3;
  // Report numbers and Latin-script terms found on one side of an aligned bead only.
  bool numbers = true, terms = true;
};

// Throws OptionError naming the first field out of its range and the value given.
void validate(const CheckOptions& options);

// The coverage of `original` by `translation` under `alignment` (original = source side),
// with its findings; throws OptionError for invalid options, and Error when the alignment
// does not cover every sentence of both texts once, in order.
CoverageReport check(const SplitText& original, const SplitText& translation,
                     const Alignment& alignment, const CheckOptions& options = {});

// Static names, never null: "omission", "addition", "number_mismatch", "term_mismatch",
// "low_score"; and "info", "warning", "error".
const char* kind_name(FindingKind kind);
const char* severity_name(Severity severity);

// The report for a terminal: coverage figures, then the findings in document order; ANSI
// colours when `colour`. Stream errors are the caller's to check, as for io.h.
void write_report_text(std::ostream& out, const CoverageReport& report, bool colour);

// The whole report as one JSON document (docs/coverage-report.md), beads included.
void write_report_json(std::ostream& out, const CoverageReport& report, const Alignment& alignment);

// One self-contained HTML page: both texts side by side, bead by bead, findings marked;
// throws Error, before writing anything, when the alignment does not cover both texts or a
// finding lies outside them.
void write_report_html(std::ostream& out, const SplitText& original, const SplitText& translation,
                       const Alignment& alignment, const CoverageReport& report);

}  // namespace anchoralign
