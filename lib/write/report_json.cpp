// The coverage report as one JSON document; docs/coverage-report.md is its reference.
// Keys come in a fixed order, shares carry four decimals and scores three, numbers are
// formatted without the stream's locale, and non-ASCII text is written as UTF-8: the same
// report gives the same bytes.
//
// Tested by check_test.cpp.
#include <string>

#include "anchoralign/check.h"
#include "write/report_format.h"

namespace anchoralign {
namespace {

using detail::fixed;
using detail::json_quote;

std::string coverage_fields(const Coverage& c) {
  return "\"sentences\":" + std::to_string(c.sentences) +
         ",\"covered_sentences\":" + std::to_string(c.covered_sentences) +
         ",\"characters\":" + std::to_string(c.characters) +
         ",\"covered_characters\":" + std::to_string(c.covered_characters) +
         ",\"sentence_coverage\":" + fixed(c.sentence_share(), 4) +
         ",\"character_coverage\":" + fixed(c.character_share(), 4);
}

std::string text_object(const std::string& name, Lang lang, const Coverage& c) {
  return "{\"name\":" + json_quote(name) + ",\"lang\":" + json_quote(lang_name(lang)) + "," +
         coverage_fields(c) + "}";
}

std::string paragraph_object(const ParagraphCoverage& p) {
  return "{\"paragraph\":" + std::to_string(p.paragraph) +
         ",\"begin\":" + std::to_string(p.sentences.begin) +
         ",\"count\":" + std::to_string(p.sentences.count) + "," + coverage_fields(p.coverage) +
         "}";
}

std::string range_object(const SentenceRange& range, const std::string& text) {
  return "{\"begin\":" + std::to_string(range.begin) + ",\"count\":" + std::to_string(range.count) +
         ",\"text\":" + json_quote(text) + "}";
}

std::string terms_array(const std::vector<Term>& terms) {
  std::string out = "[";
  for (const Term& t : terms) {
    if (out.size() > 1) out += ',';
    out += "{\"sentence\":" + std::to_string(t.sentence) + ",\"begin\":" + std::to_string(t.begin) +
           ",\"end\":" + std::to_string(t.end) + ",\"text\":" + json_quote(t.text) +
           ",\"key\":" + json_quote(t.key) + "}";
  }
  return out + "]";
}

std::string finding_object(const Finding& f) {
  return "{\"kind\":" + json_quote(kind_name(f.kind)) +
         ",\"severity\":" + json_quote(severity_name(f.severity)) +
         ",\"bead\":" + std::to_string(f.bead) +
         ",\"original\":" + range_object(f.original, f.original_text) +
         ",\"translation\":" + range_object(f.translation, f.translation_text) +
         ",\"message\":" + json_quote(f.message) + ",\"evidence\":" + json_quote(f.evidence) +
         ",\"score\":" + fixed(f.score, 3) +
         ",\"support\":" + (f.support < 0 ? std::string("null") : fixed(f.support, 4)) +
         ",\"original_only\":" + terms_array(f.original_only) +
         ",\"translation_only\":" + terms_array(f.translation_only) + "}";
}

std::string index_list(int begin, int count) {
  std::string out = "[";
  for (int k = 0; k < count; ++k) {
    if (k > 0) out += ',';
    out += std::to_string(begin + k);
  }
  return out + "]";
}

std::string counts_object(const CoverageReport& report) {
  int severities[3] = {0, 0, 0};
  int kinds[5] = {0, 0, 0, 0, 0};
  for (const Finding& f : report.findings) {
    ++severities[static_cast<int>(f.severity)];
    ++kinds[static_cast<int>(f.kind)];
  }
  std::string out = "{";
  for (int s = 2; s >= 0; --s) {
    out += json_quote(severity_name(static_cast<Severity>(s))) + ":" +
           std::to_string(severities[s]) + ",";
  }
  for (int k = 0; k < 5; ++k) {
    out += json_quote(kind_name(static_cast<FindingKind>(k))) + ":" + std::to_string(kinds[k]);
    out += k < 4 ? "," : "}";
  }
  return out;
}

}  // namespace

void write_report_json(std::ostream& out, const CoverageReport& report,
                       const Alignment& alignment) {
  out << "{\n\"format\":\"anchoralign-check\",\n\"version\":1,\n\"coverage\":"
      << fixed(report.original.sentence_share(), 4) << ",\n\"original\":"
      << text_object(report.original_name, report.original_lang, report.original)
      << ",\n\"translation\":"
      << text_object(report.translation_name, report.translation_lang, report.translation)
      << ",\n\"min_score\":" << fixed(report.min_score, 3)
      << ",\n\"counts\":" << counts_object(report) << ",\n\"paragraphs\":[";
  for (std::size_t k = 0; k < report.paragraphs.size(); ++k) {
    out << (k > 0 ? ",\n" : "\n") << paragraph_object(report.paragraphs[k]);
  }
  out << "\n],\n\"findings\":[";
  for (std::size_t k = 0; k < report.findings.size(); ++k) {
    out << (k > 0 ? ",\n" : "\n") << finding_object(report.findings[k]);
  }
  out << "\n],\n\"beads\":[";
  for (std::size_t k = 0; k < alignment.size(); ++k) {
    const Bead& b = alignment[k];
    out << (k > 0 ? ",\n" : "\n") << "{\"original\":" << index_list(b.src_begin, b.src_len)
        << ",\"translation\":" << index_list(b.tgt_begin, b.tgt_len)
        << ",\"score\":" << fixed(b.score, 3) << "}";
  }
  out << "\n]\n}\n";
}

}  // namespace anchoralign
