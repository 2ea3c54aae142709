// The Python classes of the extension: read-only views of the library's value types. Sequences
// hand out references into their parent (reference_internal), which keeps the parent alive
// and copies nothing; nothing here can change a value once the library made it.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "anchoralign/io.h"
#include "anchoralign/lexicon.h"
#include "bindings.h"

namespace py = pybind11;

namespace anchoralign::python {
namespace {

using Release = py::call_guard<py::gil_scoped_release>;
constexpr auto kInternal = py::return_value_policy::reference_internal;

// Sentences [begin, begin + count) as a Python range; an empty range still tells the position.
py::object make_range(int begin, int count) {
  static const py::handle range(reinterpret_cast<PyObject*>(&PyRange_Type));
  return range(begin, begin + count);
}

// A Python index (negative counts from the end) into a sequence of `size`; IndexError if out.
std::size_t checked_index(py::ssize_t index, std::size_t size) {
  const auto count = static_cast<py::ssize_t>(size);
  if (index < 0) index += count;
  if (index < 0 || index >= count) throw py::index_error("index out of range");
  return static_cast<std::size_t>(index);
}

// The indices a Python slice selects from a sequence of `size`.
std::vector<std::size_t> slice_indices(const py::slice& slice, std::size_t size) {
  py::ssize_t start = 0, stop = 0, step = 0, length = 0;
  if (!slice.compute(static_cast<py::ssize_t>(size), &start, &stop, &step, &length)) {
    throw py::error_already_set();
  }
  std::vector<std::size_t> indices;
  for (py::ssize_t i = 0; i < length; ++i)
    indices.push_back(static_cast<std::size_t>(start + i * step));
  return indices;
}

BeadView view(const AlignedTexts& texts, const Bead& bead) {
  return {bead, join_sentences(*texts.source, bead.src_begin, bead.src_len),
          join_sentences(*texts.target, bead.tgt_begin, bead.tgt_len)};
}

std::vector<BeadView> views(const AlignedTexts& texts) {
  std::vector<BeadView> result;
  result.reserve(texts.beads.size());
  for (const Bead& bead : texts.beads) result.push_back(view(texts, bead));
  return result;
}

// A file name as given; a path that is not UTF-8 keeps its other characters.
py::str lenient(const std::string& name) {
  return py::reinterpret_steal<py::str>(
      PyUnicode_DecodeUTF8(name.data(), static_cast<py::ssize_t>(name.size()), "replace"));
}

// The Python repr of a text, cut after 40 characters.
std::string shortened(const std::string& text) {
  const py::str full(text);
  if (py::len(full) <= 40) return py::repr(full);
  return std::string(py::repr(full[py::slice(0, 40, 1)])) + "...";
}

void bind_sentences(py::module_& m) {
  py::class_<Sentence>(m, "Sentence", "One sentence of a split text.")
      .def_readonly("text", &Sentence::text,
                    "The sentence as written: wrapped lines joined, outer whitespace trimmed.")
      .def_readonly("normalized", &Sentence::normalized,
                    "NFKC, case-folded, Traditional -> Simplified: the form used for matching.")
      .def_readonly("paragraph", &Sentence::paragraph, "0-based paragraph index in its text.")
      .def_property_readonly(
          "begin", [](const Sentence& s) { return s.span.begin; },
          "Byte offset of the sentence in the decoded (UTF-8) document.")
      .def_property_readonly(
          "end", [](const Sentence& s) { return s.span.end; },
          "Byte offset just past the sentence in the decoded (UTF-8) document.")
      .def("__repr__", [](const Sentence& s) {
        return "<Sentence paragraph=" + std::to_string(s.paragraph) + " " + shortened(s.text) + ">";
      });

  py::class_<SplitText, std::shared_ptr<SplitText>>(
      m, "SplitText",
      "A text split into sentences, in order, losing no text; a sequence of Sentence.")
      .def_property_readonly(
          "name", [](const SplitText& t) { return lenient(t.name); },
          "The name given for messages (or the file path).")
      .def_property_readonly(
          "lang", [](const SplitText& t) { return lang_name(t.lang); },
          "'zh', 'en' or 'unknown': the language given, else the one detected.")
      .def_readonly("traditional", &SplitText::traditional,
                    "True for Chinese written in Traditional characters.")
      .def_readonly("sentences", &SplitText::sentences, "The sentences, as a list.")
      .def("__len__", [](const SplitText& t) { return t.sentences.size(); })
      .def(
          "__getitem__",
          [](const SplitText& t, py::ssize_t i) -> const Sentence& {
            return t.sentences[checked_index(i, t.sentences.size())];
          },
          kInternal)
      .def("__getitem__",
           [](const SplitText& t, const py::slice& slice) {
             std::vector<Sentence> sentences;
             for (std::size_t i : slice_indices(slice, t.sentences.size())) {
               sentences.push_back(t.sentences[i]);
             }
             return sentences;
           })
      .def(
          "__iter__",
          [](const SplitText& t) {
            return py::make_iterator<kInternal>(t.sentences.begin(), t.sentences.end());
          },
          py::keep_alive<0, 1>())
      .def("__repr__", [](const SplitText& t) {
        return "<SplitText " + std::string(py::repr(lenient(t.name))) + " " + lang_name(t.lang) +
               ", " + std::to_string(t.sentences.size()) + " sentences>";
      });
}

void bind_lexicon(py::module_& m) {
  py::class_<Lexicon>(
      m, "Lexicon",
      "Word translations (Chinese -> English) for the lexical part of the score. Immutable: "
      "load it once and pass it to any number of align() and check() calls, from any thread.\n"
      "Lexicon() is the empty lexicon (align on length and anchors alone).")
      .def(py::init<>())
      .def_static(
          "load",
          [](const std::vector<std::filesystem::path>& paths) {
            if (paths.empty()) throw py::value_error("Lexicon.load needs at least one file");
            std::vector<std::string> names;
            for (const auto& path : paths) names.push_back(path.string());
            return Lexicon::load(names);
          },
          Release(), py::arg("paths"),
          "Load and merge lexicon files (CC-CEDICT, hunalign .dic or TSV "
          "'中文<TAB>english[<TAB>weight]', detected from the content). The first file is read "
          "from anchoralign's binary cache when it matches. Raises InputError naming the file "
          "and line of a malformed entry.")
      .def_static(
          "load", [](const std::filesystem::path& path) { return Lexicon::load({path.string()}); },
          Release(), py::arg("path"), "Load one lexicon file.")
      .def_property_readonly("entries", &Lexicon::entries, "Number of Chinese headwords.")
      .def_property_readonly("empty", &Lexicon::empty, "True when it has no entries.")
      .def("__repr__", [](const Lexicon& l) {
        return "<Lexicon " + std::to_string(l.entries()) + " entries>";
      });
}

void bind_alignment(py::module_& m) {
  py::class_<BeadView>(m, "Bead",
                       "One bead: source sentences `source` correspond to target sentences "
                       "`target` (ranges of indices; either may be empty).")
      .def_property_readonly(
          "source", [](const BeadView& b) { return make_range(b.bead.src_begin, b.bead.src_len); },
          "Indices of the source sentences, a range (empty: left out; start still tells where).")
      .def_property_readonly(
          "target", [](const BeadView& b) { return make_range(b.bead.tgt_begin, b.bead.tgt_len); },
          "Indices of the target sentences, a range.")
      .def_readonly("source_text", &BeadView::source_text,
                    "The source sentences joined (a space between English sentences).")
      .def_readonly("target_text", &BeadView::target_text, "The target sentences joined.")
      .def_property_readonly(
          "score", [](const BeadView& b) { return b.bead.score; }, "Confidence in [0, 1].")
      .def("__repr__", [](const BeadView& b) {
        std::ostringstream out;
        out << "<Bead " << b.bead.src_len << '-' << b.bead.tgt_len << " [" << b.bead.src_begin
            << ':' << b.bead.src_begin + b.bead.src_len << "] -> [" << b.bead.tgt_begin << ':'
            << b.bead.tgt_begin + b.bead.tgt_len << "] score=" << b.bead.score << '>';
        return out.str();
      });

  py::class_<AlignedTexts, std::shared_ptr<AlignedTexts>>(
      m, "Alignment",
      "The beads of an alignment in document order, a sequence of Bead; every sentence of "
      "both texts lies in exactly one bead.")
      .def_readonly("source", &AlignedTexts::source, "The source text (SplitText).")
      .def_readonly("target", &AlignedTexts::target, "The target text (SplitText).")
      .def_property_readonly("beads", &views, "The beads, as a list.")
      .def("__len__", [](const AlignedTexts& a) { return a.beads.size(); })
      .def("__getitem__",
           [](const AlignedTexts& a, py::ssize_t i) {
             return view(a, a.beads[checked_index(i, a.beads.size())]);
           })
      .def("__getitem__",
           [](const AlignedTexts& a, const py::slice& slice) {
             std::vector<BeadView> beads;
             for (std::size_t i : slice_indices(slice, a.beads.size())) {
               beads.push_back(view(a, a.beads[i]));
             }
             return beads;
           })
      .def("__iter__", [](const AlignedTexts& a) { return py::iter(py::cast(views(a))); })
      .def("__repr__", [](const AlignedTexts& a) {
        return "<Alignment " + std::to_string(a.beads.size()) + " beads, " +
               std::to_string(a.source->sentences.size()) + " source and " +
               std::to_string(a.target->sentences.size()) + " target sentences>";
      });
}

std::string render_report(const Report& report, const std::string& format, bool colour) {
  std::ostringstream out;
  const AlignedTexts& texts = *report.texts;
  if (format == "text") {
    write_report_text(out, report.report, colour);
  } else if (format == "json") {
    write_report_json(out, report.report, texts.beads);
  } else {
    write_report_html(out, *texts.source, *texts.target, texts.beads, report.report);
  }
  return out.str();
}

void bind_findings(py::module_& m) {
  py::class_<Term>(m, "Term", "A number, name or term found on one side of a bead only.")
      .def_readonly("sentence", &Term::sentence, "Index of its sentence in its text.")
      .def_readonly("begin", &Term::begin, "Byte offset in that sentence's UTF-8 text.")
      .def_readonly("end", &Term::end, "Byte offset just past it.")
      .def_readonly("text", &Term::text, "As written: '350 million', '3.5亿', 'Nordbau'.")
      .def_readonly("key", &Term::key, "Canonical form: 'n:350000000', 'w:nordbau'.")
      .def("__repr__", [](const Term& t) { return "<Term " + shortened(t.text) + ">"; });

  py::class_<Finding>(m, "Finding", "One thing check() found.")
      .def_property_readonly(
          "kind", [](const Finding& f) { return kind_name(f.kind); },
          "'omission', 'addition', 'number_mismatch', 'term_mismatch' or 'low_score'.")
      .def_property_readonly(
          "severity", [](const Finding& f) { return severity_name(f.severity); },
          "'info', 'warning' or 'error'.")
      .def_readonly("bead", &Finding::bead, "Index of the bead it concerns (the first of a run).")
      .def_property_readonly(
          "original",
          [](const Finding& f) { return make_range(f.original.begin, f.original.count); },
          "Indices of the original's sentences concerned, a range (empty: a position).")
      .def_property_readonly(
          "translation",
          [](const Finding& f) { return make_range(f.translation.begin, f.translation.count); },
          "Indices of the translation's sentences concerned, a range.")
      .def_readonly("original_text", &Finding::original_text, "The original sentences joined.")
      .def_readonly("translation_text", &Finding::translation_text,
                    "The translation sentences joined.")
      .def_readonly("message", &Finding::message, "One line for people: what was found.")
      .def_readonly("evidence", &Finding::evidence, "One line for people: why it was found.")
      .def_readonly("original_only", &Finding::original_only, "Terms of the original only.")
      .def_readonly("translation_only", &Finding::translation_only,
                    "Terms of the translation only.")
      .def_readonly("score", &Finding::score, "Score of the bead.")
      .def_property_readonly(
          "support",
          [](const Finding& f) -> py::object {
            if (f.support < 0) return py::none();
            return py::float_(f.support);
          },
          "Share of the sentences' words found on the other side; None when not used.")
      .def("__repr__", [](const Finding& f) {
        return std::string("<Finding ") + kind_name(f.kind) + " " + shortened(f.message) + ">";
      });
}

void bind_coverage(py::module_& m) {
  py::class_<Coverage>(m, "Coverage", "How much of one text has a counterpart in the other.")
      .def_readonly("sentences", &Coverage::sentences, "Non-empty sentences.")
      .def_readonly("covered_sentences", &Coverage::covered_sentences,
                    "Of those, the ones with a counterpart.")
      .def_readonly("characters", &Coverage::characters, "Code points other than whitespace.")
      .def_readonly("covered_characters", &Coverage::covered_characters,
                    "Of those, the ones in sentences with a counterpart.")
      .def_property_readonly("sentence_share", &Coverage::sentence_share,
                             "covered_sentences / sentences (1 for a text without sentences).")
      .def_property_readonly("character_share", &Coverage::character_share,
                             "covered_characters / characters.")
      .def("__repr__", [](const Coverage& c) {
        return "<Coverage " + std::to_string(c.covered_sentences) + "/" +
               std::to_string(c.sentences) + " sentences>";
      });

  py::class_<ParagraphCoverage>(m, "ParagraphCoverage", "The coverage of one paragraph.")
      .def_readonly("paragraph", &ParagraphCoverage::paragraph, "0-based paragraph index.")
      .def_property_readonly(
          "sentences",
          [](const ParagraphCoverage& p) {
            return make_range(p.sentences.begin, p.sentences.count);
          },
          "Indices of its sentences, a range.")
      .def_readonly("coverage", &ParagraphCoverage::coverage, "Its Coverage.");
}

void bind_report(py::module_& m) {
  auto report = [](auto member) {
    return [member](const Report& r) -> const auto& { return r.report.*member; };
  };
  py::class_<Report, std::shared_ptr<Report>>(
      m, "Report", "The coverage of an original by its translation, with the findings.")
      .def_property_readonly(
          "original_name", [](const Report& r) { return lenient(r.report.original_name); },
          "Name of the original (the source side).")
      .def_property_readonly(
          "translation_name", [](const Report& r) { return lenient(r.report.translation_name); },
          "Name of the translation (the target side).")
      .def_property_readonly("original", report(&CoverageReport::original), kInternal,
                             "Coverage of the original: its sentences that have a counterpart.")
      .def_property_readonly(
          "translation", report(&CoverageReport::translation), kInternal,
          "Coverage of the translation: its sentences that render something of the original.")
      .def_property_readonly(
          "coverage", [](const Report& r) { return r.report.original.sentence_share(); },
          "Share of the original's sentences that have a counterpart (original.sentence_share).")
      .def_property_readonly("paragraphs", report(&CoverageReport::paragraphs), kInternal,
                             "ParagraphCoverage of each paragraph of the original, in order.")
      .def_property_readonly("findings", report(&CoverageReport::findings), kInternal,
                             "The findings in document order of the original.")
      .def_property_readonly("min_score", report(&CoverageReport::min_score),
                             "The low_score the report was made with.")
      .def_readonly("alignment", &Report::texts, "The Alignment the report judges.")
      .def(
          "to_text", [](const Report& r, bool colour) { return render_report(r, "text", colour); },
          Release(), py::arg("colour") = false,
          "The report for a terminal: coverage figures, then the findings; ANSI colours when "
          "`colour`.")
      .def(
          "to_json", [](const Report& r) { return render_report(r, "json", false); }, Release(),
          "The whole report as one JSON document (docs/coverage-report.md), beads included.")
      .def(
          "to_html", [](const Report& r) { return render_report(r, "html", false); }, Release(),
          "One self-contained HTML page: both texts side by side, findings marked.")
      .def("__repr__", [](const Report& r) {
        return "<Report " + std::to_string(r.report.original.covered_sentences) + "/" +
               std::to_string(r.report.original.sentences) + " sentences covered, " +
               std::to_string(r.report.findings.size()) + " findings>";
      });
}

}  // namespace

void bind_classes(py::module_& m) {
  bind_sentences(m);
  bind_lexicon(m);
  bind_alignment(m);
  bind_findings(m);
  bind_coverage(m);
  bind_report(m);
}

}  // namespace anchoralign::python
