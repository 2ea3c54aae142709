// check(): the coverage of an original by its translation, and the findings of gaps.cpp and
// mismatch.cpp in document order.
//
// Coverage counts non-empty sentences and their code points other than whitespace; a
// sentence is covered unless it lies in an omission (or, for the translation, an addition)
// finding. A text without sentences is fully covered: nothing in it lacks a counterpart.
//
// Tested by check_test.cpp.
#include "anchoralign/check.h"

#include <algorithm>
#include <string>

#include "anchoralign/error.h"
#include "check/findings.h"
#include "pipeline/out_of_range.h"
#include "text/utf8.h"

namespace anchoralign {
namespace detail {
namespace {

Coverage coverage_of(const SplitText& text, const std::vector<bool>& gaps, int begin, int end) {
  Coverage coverage;
  for (int i = begin; i < end; ++i) {
    const std::string& sentence = text.sentences[i].text;
    if (sentence.empty()) continue;
    const std::size_t characters = visible_characters(sentence);
    ++coverage.sentences;
    coverage.characters += characters;
    if (!gaps[i]) {
      ++coverage.covered_sentences;
      coverage.covered_characters += characters;
    }
  }
  return coverage;
}

std::vector<ParagraphCoverage> paragraph_coverage(const SplitText& text,
                                                  const std::vector<bool>& gaps) {
  std::vector<ParagraphCoverage> paragraphs;
  const int n = static_cast<int>(text.sentences.size());
  for (int begin = 0, end = 0; begin < n; begin = end) {
    const int paragraph = text.sentences[begin].paragraph;
    for (end = begin + 1; end < n && text.sentences[end].paragraph == paragraph;) ++end;
    paragraphs.push_back({paragraph, {begin, end - begin}, coverage_of(text, gaps, begin, end)});
  }
  return paragraphs;
}

// Document order: by the original's sentences, then the translation's, then kind.
bool before(const Finding& a, const Finding& b) {
  if (a.original.begin != b.original.begin) return a.original.begin < b.original.begin;
  if (a.translation.begin != b.translation.begin) return a.translation.begin < b.translation.begin;
  return a.kind < b.kind;
}

}  // namespace

std::size_t visible_characters(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0, length = 0; pos < text.size(); pos += length) {
    if (!is_space(decode_utf8(text, pos, &length))) ++count;
  }
  return count;
}

void check_alignment(const SplitText& original, const SplitText& translation,
                     const Alignment& alignment) {
  long long src = 0, tgt = 0;
  for (std::size_t b = 0; b < alignment.size(); ++b) {
    const Bead& bead = alignment[b];
    if (bead.src_begin != src || bead.tgt_begin != tgt || bead.src_len < 0 || bead.tgt_len < 0) {
      throw Error("alignment: bead " + std::to_string(b) + " starts at sentences " +
                  std::to_string(bead.src_begin) + ":" + std::to_string(bead.tgt_begin) +
                  ", expected " + std::to_string(src) + ":" + std::to_string(tgt) +
                  "; beads must cover both texts in order, every sentence once");
    }
    src += bead.src_len;
    tgt += bead.tgt_len;
  }
  if (src != static_cast<long long>(original.sentences.size()) ||
      tgt != static_cast<long long>(translation.sentences.size())) {
    throw Error("alignment: the beads cover " + std::to_string(src) + ":" + std::to_string(tgt) +
                " sentences, the texts have " + std::to_string(original.sentences.size()) + ":" +
                std::to_string(translation.sentences.size()));
  }
}

}  // namespace detail

double Coverage::sentence_share() const {
  return sentences == 0 ? 1.0 : static_cast<double>(covered_sentences) / sentences;
}

double Coverage::character_share() const {
  return characters == 0 ? 1.0 : static_cast<double>(covered_characters) / characters;
}

void validate(const CheckOptions& options) {
  if (!(options.low_score >= 0 && options.low_score <= 1)) {
    detail::throw_out_of_range("low_score", "[0, 1]", options.low_score);
  }
}

CoverageReport check(const SplitText& original, const SplitText& translation,
                     const Alignment& alignment, const CheckOptions& options) {
  validate(options);
  detail::check_alignment(original, translation, alignment);
  CoverageReport report;
  report.original_name = original.name;
  report.translation_name = translation.name;
  report.original_lang = original.lang;
  report.translation_lang = translation.lang;
  report.min_score = options.low_score;
  detail::Gaps gaps;
  report.findings = detail::find_gaps(original, translation, alignment, options, &gaps);
  std::vector<Finding> mismatches =
      detail::find_mismatches(original, translation, alignment, gaps, options);
  report.findings.insert(report.findings.end(), std::make_move_iterator(mismatches.begin()),
                         std::make_move_iterator(mismatches.end()));
  std::stable_sort(report.findings.begin(), report.findings.end(), detail::before);
  const int n = static_cast<int>(original.sentences.size());
  report.original = detail::coverage_of(original, gaps.original, 0, n);
  report.translation = detail::coverage_of(translation, gaps.translation, 0,
                                           static_cast<int>(translation.sentences.size()));
  report.paragraphs = detail::paragraph_coverage(original, gaps.original);
  return report;
}

const char* kind_name(FindingKind kind) {
  switch (kind) {
    case FindingKind::kOmission:
      return "omission";
    case FindingKind::kAddition:
      return "addition";
    case FindingKind::kNumberMismatch:
      return "number_mismatch";
    case FindingKind::kTermMismatch:
      return "term_mismatch";
    case FindingKind::kLowScore:
      return "low_score";
  }
  return "unknown";
}

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "unknown";
}

}  // namespace anchoralign
