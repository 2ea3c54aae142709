// The coverage report as one self-contained HTML page: no script, no external resource, so
// it can be mailed, archived and printed as it is.
//
// Top: the files, the coverage bar and figures, the count of findings, and a map of the
// whole document (one strip segment per bead, coloured by its worst finding, each a link).
// Then the findings in document order, each linking to its bead, and a table with one row
// per bead: the original and the translation side by side, sentence indices as small
// superscripts, sentences with no counterpart shaded, mismatched numbers and terms marked.
// A checkbox (pure CSS) hides the beads without findings. Print CSS repeats the table head
// on every page, keeps rows whole and keeps the colours.
//
// Every text, file name included, goes through html_escape().
//
// Tested by check_test.cpp and the browser tests (tests/browser/).
#include <algorithm>
#include <string>
#include <vector>

#include "anchoralign/check.h"
#include "anchoralign/error.h"
#include "check/findings.h"
#include "write/report_format.h"
#include "write/report_html_style.h"

namespace anchoralign {
namespace {

using detail::fixed;
using detail::html_escape;

// What the report says about one bead, as CSS classes.
struct BeadMarks {
  bool omission = false, addition = false, mismatch = false, low_score = false;
  int severity = -1;  // worst finding, -1 for none
  std::string classes() const {
    std::string out = "bead";
    if (omission) out += " omission";
    if (addition) out += " addition";
    if (mismatch) out += " mismatch";
    if (low_score) out += " low-score";
    if (severity >= 0)
      out += std::string(" flagged worst-") + severity_name(static_cast<Severity>(severity));
    return out;
  }
};

// A marked stretch of one sentence's text.
struct Mark {
  std::size_t begin = 0, end = 0;
  std::string title;
};

// Everything the table needs, per bead and per sentence, gathered from the findings.
struct Layout {
  std::vector<BeadMarks> beads;
  std::vector<bool> original_gap, translation_gap;
  std::vector<std::vector<Mark>> original_marks, translation_marks;
  std::vector<std::vector<const Finding*>> notes;  // findings per bead
};

std::vector<int> bead_of(const Alignment& alignment, std::size_t count, bool original) {
  std::vector<int> out(count, 0);
  for (std::size_t b = 0; b < alignment.size(); ++b) {
    const Bead& bead = alignment[b];
    const int begin = original ? bead.src_begin : bead.tgt_begin;
    const int len = original ? bead.src_len : bead.tgt_len;
    for (int k = begin; k < begin + len; ++k) out[k] = static_cast<int>(b);
  }
  return out;
}

void mark_gap(const SentenceRange& range, const std::vector<int>& beads, bool original,
              const Finding& f, Layout& layout) {
  for (int k = range.begin; k < range.begin + range.count; ++k) {
    (original ? layout.original_gap : layout.translation_gap)[k] = true;
    BeadMarks& marks = layout.beads[beads[k]];
    (original ? marks.omission : marks.addition) = true;
    marks.severity = std::max(marks.severity, static_cast<int>(f.severity));
  }
}

void mark_terms(const std::vector<Term>& terms, const char* title,
                std::vector<std::vector<Mark>>& marks) {
  for (const Term& t : terms) marks[t.sentence].push_back({t.begin, t.end, title});
}

bool inside(const SentenceRange& range, const SplitText& text) {
  return range.begin >= 0 && range.count >= 0 &&
         static_cast<std::size_t>(range.begin) + range.count <= text.sentences.size();
}

bool terms_inside(const std::vector<Term>& terms, const SplitText& text) {
  return std::all_of(terms.begin(), terms.end(), [&](const Term& t) {
    return t.sentence >= 0 && static_cast<std::size_t>(t.sentence) < text.sentences.size();
  });
}

// A report made for other texts or another alignment would mark the wrong sentences.
void check_finding(const Finding& f, const SplitText& original, const SplitText& translation,
                   const Alignment& alignment) {
  if (f.bead < 0 || f.bead >= static_cast<int>(alignment.size()) || !inside(f.original, original) ||
      !inside(f.translation, translation) || !terms_inside(f.original_only, original) ||
      !terms_inside(f.translation_only, translation)) {
    throw Error("report: a finding on bead " + std::to_string(f.bead) +
                " lies outside these texts or this alignment");
  }
}

Layout lay_out(const SplitText& original, const SplitText& translation, const Alignment& alignment,
               const CoverageReport& report) {
  Layout layout;
  layout.beads.resize(alignment.size());
  layout.notes.resize(alignment.size());
  layout.original_gap.assign(original.sentences.size(), false);
  layout.translation_gap.assign(translation.sentences.size(), false);
  layout.original_marks.resize(original.sentences.size());
  layout.translation_marks.resize(translation.sentences.size());
  const std::vector<int> src_beads = bead_of(alignment, original.sentences.size(), true);
  const std::vector<int> tgt_beads = bead_of(alignment, translation.sentences.size(), false);
  for (const Finding& f : report.findings) {
    check_finding(f, original, translation, alignment);
    layout.notes[f.bead].push_back(&f);
    BeadMarks& marks = layout.beads[f.bead];
    marks.severity = std::max(marks.severity, static_cast<int>(f.severity));
    if (f.kind == FindingKind::kOmission) mark_gap(f.original, src_beads, true, f, layout);
    if (f.kind == FindingKind::kAddition) mark_gap(f.translation, tgt_beads, false, f, layout);
    if (f.kind == FindingKind::kLowScore) marks.low_score = true;
    if (f.kind == FindingKind::kNumberMismatch || f.kind == FindingKind::kTermMismatch) {
      marks.mismatch = true;
      mark_terms(f.original_only, "only in the original", layout.original_marks);
      mark_terms(f.translation_only, "only in the translation", layout.translation_marks);
    }
  }
  return layout;
}

// A sentence's text with its marks, escaped; overlapping marks after the first are dropped.
std::string marked_text(const std::string& text, std::vector<Mark> marks) {
  std::sort(marks.begin(), marks.end(),
            [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t pos = 0;
  for (const Mark& m : marks) {
    if (m.begin < pos || m.end > text.size() || m.begin >= m.end) continue;
    out += html_escape(std::string_view(text).substr(pos, m.begin - pos));
    out += "<mark class=\"term\" title=\"" + html_escape(m.title) + "\">" +
           html_escape(std::string_view(text).substr(m.begin, m.end - m.begin)) + "</mark>";
    pos = m.end;
  }
  return out + html_escape(std::string_view(text).substr(pos));
}

std::string side_cell(const SplitText& text, int begin, int count, const std::vector<bool>& gaps,
                      const std::vector<std::vector<Mark>>& marks, const char* cls,
                      const char* empty) {
  std::string out = std::string("<td class=\"") + cls + (count == 0 ? " empty" : "") +
                    "\" lang=\"" + lang_name(text.lang) + "\">";
  if (count == 0) return out + "<span class=\"none\">" + empty + "</span></td>";
  for (int k = begin; k < begin + count; ++k) {
    out += std::string("<span class=\"s") + (gaps[k] ? " gap" : "") + "\" id=\"" + cls[0] +
           std::to_string(k) + "\"><sup>" + std::to_string(k) + "</sup>" +
           marked_text(text.sentences[k].text, marks[k]) + "</span> ";
  }
  return out + "</td>";
}

std::string notes_cell(const Bead& bead, const std::vector<const Finding*>& notes) {
  std::string out = "<td class=\"notes\"><span class=\"score\">" + fixed(bead.score, 2) + "</span>";
  for (const Finding* f : notes) {
    out += std::string("<span class=\"note sev-") + severity_name(f->severity) + "\">" +
           html_escape(f->message) + "</span>";
  }
  return out + "</td>";
}

int paragraph_of(const SplitText& text, int begin, int count) {
  return count > 0 ? text.sentences[begin].paragraph : -1;
}

void write_table(std::ostream& out, const SplitText& original, const SplitText& translation,
                 const Alignment& alignment, const Layout& layout) {
  out << "<table class=\"beads\">\n<colgroup><col class=\"c-num\"><col class=\"c-text\">"
         "<col class=\"c-text\"><col class=\"c-notes\"></colgroup>\n<thead><tr><th>Bead</th>"
         "<th>Original <span class=\"file\">"
      << html_escape(original.name) << "</span></th><th>Translation <span class=\"file\">"
      << html_escape(translation.name)
      << "</span></th><th>Score &amp; findings</th></tr></thead>\n<tbody>\n";
  int src_paragraph = -1, tgt_paragraph = -1;
  for (std::size_t b = 0; b < alignment.size(); ++b) {
    const Bead& bead = alignment[b];
    const int sp = paragraph_of(original, bead.src_begin, bead.src_len);
    const int tp = paragraph_of(translation, bead.tgt_begin, bead.tgt_len);
    const bool new_paragraph =
        b > 0 && ((sp >= 0 && sp != src_paragraph) || (tp >= 0 && tp != tgt_paragraph));
    src_paragraph = sp >= 0 ? sp : src_paragraph;
    tgt_paragraph = tp >= 0 ? tp : tgt_paragraph;
    out << "<tr id=\"b" << b << "\" class=\"" << layout.beads[b].classes()
        << (new_paragraph ? " para" : "") << "\"><td class=\"num\"><a href=\"#b" << b << "\">" << b
        << "</a></td>"
        << side_cell(original, bead.src_begin, bead.src_len, layout.original_gap,
                     layout.original_marks, "src", "not in the original")
        << side_cell(translation, bead.tgt_begin, bead.tgt_len, layout.translation_gap,
                     layout.translation_marks, "tgt", "not translated")
        << notes_cell(bead, layout.notes[b]) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

const char* kind_label(FindingKind kind) {
  switch (kind) {
    case FindingKind::kOmission:
      return "Omission";
    case FindingKind::kAddition:
      return "Addition";
    case FindingKind::kNumberMismatch:
      return "Number mismatch";
    case FindingKind::kTermMismatch:
      return "Term mismatch";
    case FindingKind::kLowScore:
      return "Low score";
  }
  return "Finding";
}

std::string percent(double share) { return fixed(100 * share, 1) + "%"; }

const char* grade(double share) { return share >= 0.98 ? "good" : share >= 0.9 ? "fair" : "poor"; }

std::string figure(const std::string& label, const std::string& value) {
  return "<div><dt>" + label + "</dt><dd>" + value + "</dd></div>";
}

void write_coverage(std::ostream& out, const CoverageReport& report) {
  const Coverage& c = report.original;
  int full = 0, paragraphs = 0;
  for (const ParagraphCoverage& p : report.paragraphs) {
    if (p.coverage.sentences == 0) continue;
    ++paragraphs;
    full += p.coverage.covered_sentences == p.coverage.sentences ? 1 : 0;
  }
  out << "<div class=\"coverage " << grade(c.sentence_share()) << "\">\n<div class=\"headline\">"
      << "<span class=\"big\">" << percent(c.sentence_share()) << "</span> of the original's "
      << "sentences have a counterpart in the translation</div>\n<div class=\"bar\" role=\"img\" "
      << "aria-label=\"coverage " << percent(c.sentence_share()) << "\"><span class=\"fill\" "
      << "style=\"width:" << fixed(100 * c.sentence_share(), 2)
      << "%\"></span></div>\n<dl class=\"figures\">"
      << figure("Sentences",
                std::to_string(c.covered_sentences) + " of " + std::to_string(c.sentences))
      << figure("Characters", percent(c.character_share()) + " <small>(" +
                                  std::to_string(c.covered_characters) + " of " +
                                  std::to_string(c.characters) + ")</small>")
      << figure("Paragraphs fully covered",
                std::to_string(full) + " of " + std::to_string(paragraphs))
      << figure("Translation with a counterpart",
                percent(report.translation.sentence_share()) + " <small>(" +
                    std::to_string(report.translation.covered_sentences) + " of " +
                    std::to_string(report.translation.sentences) + ")</small>")
      << "</dl>\n</div>\n";
}

void write_counts(std::ostream& out, const CoverageReport& report) {
  int counts[3] = {0, 0, 0};
  for (const Finding& f : report.findings) ++counts[static_cast<int>(f.severity)];
  out << "<ul class=\"counts\">";
  for (int s = 2; s >= 0; --s) {
    const char* name = severity_name(static_cast<Severity>(s));
    out << "<li class=\"sev-" << name << (counts[s] == 0 ? " zero" : "") << "\"><b>" << counts[s]
        << "</b> " << name << (s > 0 && counts[s] != 1 ? "s" : "") << "</li>";
  }
  out << "</ul>\n";
}

void write_map(std::ostream& out, const Alignment& alignment, const Layout& layout) {
  out << "<nav class=\"map\" aria-label=\"Document map: one segment per bead\">";
  for (std::size_t b = 0; b < alignment.size(); ++b) {
    const BeadMarks& marks = layout.beads[b];
    const int weight = std::max({1, alignment[b].src_len, alignment[b].tgt_len});
    std::string cls = "seg";
    if (marks.omission)
      cls += " omission";
    else if (marks.addition)
      cls += " addition";
    else if (marks.severity >= 0)
      cls += std::string(" sev-") + severity_name(static_cast<Severity>(marks.severity));
    out << "<a class=\"" << cls << "\" style=\"flex-grow:" << weight << "\" href=\"#b" << b
        << "\" title=\"bead " << b << "\"></a>";
  }
  out << "</nav>\n";
}

void write_findings(std::ostream& out, const CoverageReport& report) {
  out << "<details class=\"findings\" open>\n<summary><h2>Findings <span class=\"n\">"
      << report.findings.size() << "</span></h2></summary>\n";
  if (report.findings.empty())
    out << "<p class=\"nothing\">No omissions, additions or mismatches found.</p>\n";
  out << "<ol>\n";
  for (const Finding& f : report.findings) {
    out << "<li class=\"finding sev-" << severity_name(f.severity) << " kind-" << kind_name(f.kind)
        << "\"><a href=\"#b" << f.bead << "\"><span class=\"sev\">" << severity_name(f.severity)
        << "</span><span class=\"kind\">" << kind_label(f.kind)
        << "</span><span class=\"where\">bead " << f.bead << " · original "
        << detail::range_label(f.original) << " · translation "
        << detail::range_label(f.translation) << "</span></a><div class=\"msg\">"
        << html_escape(f.message) << "</div>";
    if (!f.evidence.empty()) out << "<div class=\"ev\">" << html_escape(f.evidence) << "</div>";
    out << "</li>\n";
  }
  out << "</ol>\n</details>\n";
}

void write_header(std::ostream& out, const CoverageReport& report, const Alignment& alignment,
                  const Layout& layout) {
  out << "<header class=\"summary\">\n<h1>Translation check</h1>\n<p class=\"files\">"
      << "<span class=\"role\">Original</span> <span class=\"file\">"
      << html_escape(report.original_name) << "</span> <span class=\"lang\">"
      << lang_name(report.original_lang) << "</span>"
      << "<span class=\"arrow\">→</span><span class=\"role\">Translation</span> <span "
         "class=\"file\">"
      << html_escape(report.translation_name) << "</span> <span class=\"lang\">"
      << lang_name(report.translation_lang) << "</span></p>\n";
  write_coverage(out, report);
  write_counts(out, report);
  write_map(out, alignment, layout);
  out << "</header>\n";
}

}  // namespace

void write_report_html(std::ostream& out, const SplitText& original, const SplitText& translation,
                       const Alignment& alignment, const CoverageReport& report) {
  detail::check_alignment(original, translation, alignment);
  const Layout layout = lay_out(original, translation, alignment, report);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"anchoralign check\">\n<title>Translation check: "
      << html_escape(report.original_name) << " → " << html_escape(report.translation_name)
      << "</title>\n<style>\n"
      << detail::kReportCss << "</style>\n</head>\n<body>\n";
  write_header(out, report, alignment, layout);
  out << "<main>\n";
  write_findings(out, report);
  out << "<input type=\"checkbox\" id=\"only-findings\" class=\"toggle\">"
         "<label for=\"only-findings\" class=\"toggle\">Show only beads with findings</label>\n"
         "<ul class=\"legend\"><li><span class=\"chip omission\"></span>omitted in the "
         "translation</li>"
         "<li><span class=\"chip addition\"></span>added in the translation</li>"
         "<li><mark class=\"term\">1991</mark> number or term on one side only</li>"
         "<li><span class=\"chip low-score\"></span>weakly aligned bead</li></ul>\n";
  write_table(out, original, translation, alignment, layout);
  out << "</main>\n<footer>Made by anchoralign check. Sentence and bead numbers are 0-based, as in "
         "the JSON report and the ladder files.</footer>\n</body>\n</html>\n";
}

}  // namespace anchoralign
