// The coverage report for a terminal: the coverage figures, the paragraphs not fully
// covered, then every finding in document order with its texts (shortened) and evidence.
// Sentence indices are 0-based, as in every other output of the tool. ANSI colours only
// when asked (the caller knows whether the stream is a terminal).
//
// Tested by check_test.cpp.
#include <string>

#include "anchoralign/check.h"
#include "write/report_format.h"

namespace anchoralign {
namespace {

using detail::fixed;

constexpr std::size_t kTextLimit = 160;  // code points of a finding's text shown
constexpr int kBarWidth = 30;
constexpr std::size_t kParagraphLimit = 20;  // partly covered paragraphs listed

struct Palette {
  bool on = false;
  std::string paint(const char* code, const std::string& text) const {
    return on ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  }
  std::string severity(Severity s, const std::string& text) const {
    return paint(s == Severity::kError ? "1;31" : s == Severity::kWarning ? "33" : "36", text);
  }
};

std::string percent(double share) { return fixed(100 * share, 1) + "%"; }

std::string bar(double share) {
  const int full = static_cast<int>(share * kBarWidth + 0.5);
  std::string out;
  for (int k = 0; k < kBarWidth; ++k) out += k < full ? "█" : "░";
  return out;
}

void write_coverage(std::ostream& out, const CoverageReport& report, const Palette& palette) {
  const Coverage& c = report.original;
  out << palette.paint("1", "Coverage of " + report.original_name + " (" +
                                lang_name(report.original_lang) + ") by " +
                                report.translation_name + " (" +
                                lang_name(report.translation_lang) + ")")
      << '\n';
  out << "  sentences    " << bar(c.sentence_share()) << ' ' << percent(c.sentence_share()) << "  ("
      << c.covered_sentences << " of " << c.sentences << ")\n";
  out << "  characters   " << bar(c.character_share()) << ' ' << percent(c.character_share())
      << "  (" << c.covered_characters << " of " << c.characters << ")\n";
  const Coverage& t = report.translation;
  out << "  translation  " << t.covered_sentences << " of " << t.sentences
      << " sentences render the original (" << percent(t.sentence_share()) << ")\n";
}

void write_paragraphs(std::ostream& out, const CoverageReport& report) {
  std::size_t partial = 0, full = 0;
  for (const ParagraphCoverage& p : report.paragraphs) {
    if (p.coverage.sentences == 0) continue;
    (p.coverage.covered_sentences == p.coverage.sentences ? full : partial) += 1;
  }
  out << "  paragraphs   " << full << " of " << full + partial << " fully covered\n";
  std::size_t listed = 0;
  for (const ParagraphCoverage& p : report.paragraphs) {
    if (p.coverage.covered_sentences == p.coverage.sentences) continue;
    if (++listed > kParagraphLimit) {
      out << "    … and " << partial - kParagraphLimit << " more\n";
      break;
    }
    out << "    paragraph " << p.paragraph << " (sentences " << detail::range_label(p.sentences)
        << "): " << p.coverage.covered_sentences << " of " << p.coverage.sentences << " sentences, "
        << percent(p.coverage.character_share()) << " of characters\n";
  }
}

void write_counts(std::ostream& out, const CoverageReport& report, const Palette& palette) {
  int counts[3] = {0, 0, 0};
  for (const Finding& f : report.findings) ++counts[static_cast<int>(f.severity)];
  out << '\n'
      << palette.paint("1", "Findings") << ": " << report.findings.size() << " ("
      << palette.severity(Severity::kError,
                          std::to_string(counts[2]) + " error" + (counts[2] == 1 ? "" : "s"))
      << ", "
      << palette.severity(Severity::kWarning,
                          std::to_string(counts[1]) + " warning" + (counts[1] == 1 ? "" : "s"))
      << ", " << palette.severity(Severity::kInfo, std::to_string(counts[0]) + " info") << ")\n";
}

void write_finding(std::ostream& out, const Finding& f, const Palette& palette) {
  std::string severity = severity_name(f.severity);
  severity.resize(7, ' ');
  out << '\n'
      << palette.severity(f.severity, severity) << ' ' << palette.paint("1", kind_name(f.kind))
      << "  bead " << f.bead << ", original " << detail::range_label(f.original) << ", translation "
      << detail::range_label(f.translation) << '\n';
  out << "  " << f.message << '\n';
  const std::string none = palette.paint("2", "(none)");
  out << "  original:    "
      << (f.original_text.empty() ? none : detail::shorten(f.original_text, kTextLimit)) << '\n';
  out << "  translation: "
      << (f.translation_text.empty() ? none : detail::shorten(f.translation_text, kTextLimit))
      << '\n';
  if (!f.evidence.empty()) out << "  " << palette.paint("2", "evidence: " + f.evidence) << '\n';
}

}  // namespace

void write_report_text(std::ostream& out, const CoverageReport& report, bool colour) {
  const Palette palette{colour};
  write_coverage(out, report, palette);
  write_paragraphs(out, report);
  write_counts(out, report, palette);
  for (const Finding& f : report.findings) write_finding(out, f, palette);
}

}  // namespace anchoralign
