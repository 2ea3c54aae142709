// The extension anchoralign._anchoralign: the public C++ API (include/anchoralign/) bound
// with pybind11. The package's __init__.py turns Python arguments (str, bytes or paths;
// lexicon=None/False/path; bead shapes as "1-2") into the plain calls below, so that each
// call takes C++ values only and runs with the GIL released: Python threads aligning at
// once run in parallel. Every object handed to Python is immutable, which is what makes
// sharing an Alignment or a Lexicon between threads safe.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "anchoralign/check.h"
#include "anchoralign/error.h"
#include "anchoralign/io.h"
#include "anchoralign/lexicon.h"
#include "anchoralign/options.h"
#include "anchoralign/pipeline.h"
#include "bindings.h"

namespace py = pybind11;

namespace anchoralign::python {
namespace {

using Release = py::call_guard<py::gil_scoped_release>;

ReadOptions read_options(const std::string& encoding, const std::string& on_invalid,
                         const std::string& input_format, bool presplit) {
  ReadOptions read;
  read.encoding = encoding;
  read.on_invalid = parse_invalid_bytes(on_invalid, "on_invalid");
  read.format = parse_input_format(input_format, "input_format");
  // Cleaning markup would move lines: line i is sentence i.
  if (presplit && read.format == InputFormat::kAuto) read.format = InputFormat::kText;
  validate(read);
  return read;
}

// Reads (when `is_path`) or decodes `data` and splits it; the whole first stage of the CLI.
std::shared_ptr<SplitText> split_input(const std::string& data, const std::string& name,
                                       bool is_path, const std::string& encoding,
                                       const std::string& on_invalid,
                                       const std::string& input_format, bool presplit,
                                       const std::string& lang) {
  const ReadOptions read = read_options(encoding, on_invalid, input_format, presplit);
  const SplitOptions options{presplit, lang.empty() ? Lang::kUnknown : parse_lang(lang, "lang")};
  validate(options);
  const Document document = is_path ? read_document(data, read) : decode_document(data, name, read);
  return std::make_shared<SplitText>(split(document, options));
}

std::shared_ptr<AlignedTexts> align_texts(
    std::shared_ptr<SplitText> source, std::shared_ptr<SplitText> target, const Lexicon& lexicon,
    const std::optional<std::vector<std::pair<int, int>>>& bead_types, int min_band,
    bool use_paragraphs, bool use_anchors, bool adapt_priors, const std::string& params_file) {
  AlignOptions options;
  if (bead_types) {
    options.bead_types.clear();
    for (const auto& [src, tgt] : *bead_types) options.bead_types.push_back({src, tgt});
  }
  options.min_band = min_band;
  options.use_paragraphs = use_paragraphs;
  options.use_anchors = use_anchors;
  options.adapt_priors = adapt_priors;
  options.params_file = params_file;
  options.lexicon = lexicon;
  Alignment beads = align(*source, *target, options);
  return std::make_shared<AlignedTexts>(
      AlignedTexts{std::move(source), std::move(target), std::move(beads)});
}

std::shared_ptr<Report> check_texts(std::shared_ptr<AlignedTexts> texts, const Lexicon& lexicon,
                                    double low_score, bool numbers, bool terms) {
  CheckOptions options;
  options.lexicon = lexicon;
  options.low_score = low_score;
  options.numbers = numbers;
  options.terms = terms;
  validate(options);
  CoverageReport report = check(*texts->source, *texts->target, texts->beads, options);
  return std::make_shared<Report>(Report{std::move(texts), std::move(report)});
}

std::string write_alignment(const AlignedTexts& texts, const std::string& format, double min_score,
                            const std::string& tool_version, std::int64_t creation_time) {
  std::ostringstream out;
  if (format == "tmx") {
    WriteOptions options;
    options.min_score = min_score;
    options.tool_version = tool_version;
    options.creation_time = creation_time;
    validate(options);
    write_tmx(out, *texts.source, *texts.target, texts.beads, options);
  } else if (format == "tsv") {
    write_tsv(out, *texts.source, *texts.target, texts.beads);
  } else if (format == "jsonl") {
    write_jsonl(out, *texts.source, *texts.target, texts.beads);
  } else if (format == "ladder") {
    write_ladder(out, texts.beads);
  } else {
    throw OptionError("format must be tmx, tsv, jsonl or ladder, not '" + format + "'");
  }
  return out.str();
}

// Messages name files, and a file name need not be UTF-8: such bytes become U+FFFD.
PyObject* decoded(const std::string& text) {
  return PyUnicode_DecodeUTF8(text.data(), static_cast<py::ssize_t>(text.size()), "replace");
}

// The exception carries the error's position as attributes: file (None when unknown),
// line (None when unknown, else 1-based), byte_offset (None when unknown, else 0-based).
void raise(PyObject* type, const Error& error) {
  PyObject* message = decoded(error.what());
  PyObject* instance = message ? PyObject_CallOneArg(type, message) : nullptr;
  Py_XDECREF(message);
  if (!instance) return;  // the failure to build it is the Python error now set
  PyObject* file = error.file().empty() ? Py_NewRef(Py_None) : decoded(error.file());
  PyObject* line = error.line() == 0 ? Py_NewRef(Py_None) : PyLong_FromSize_t(error.line());
  PyObject* offset = error.byte_offset() == Error::kNoOffset ? Py_NewRef(Py_None)
                                                             : PyLong_FromSize_t(error.byte_offset());
  if (file && line && offset) {
    PyObject_SetAttrString(instance, "file", file);
    PyObject_SetAttrString(instance, "line", line);
    PyObject_SetAttrString(instance, "byte_offset", offset);
  }
  Py_XDECREF(file);
  Py_XDECREF(line);
  Py_XDECREF(offset);
  PyErr_SetObject(type, instance);
  Py_DECREF(instance);
}

// anchoralign.Error and its subclasses; OptionError is a ValueError too, so that callers
// catching ValueError for a bad argument catch it. The classes live as long as the process.
void register_errors(py::module_& m) {
  static PyObject* error = PyErr_NewExceptionWithDoc(
      "anchoralign.Error",
      "Any error of the anchoralign library; the message names the file and position, and the\n"
      "attributes file, line (1-based) and byte_offset (0-based) hold them, None when unknown.",
      PyExc_Exception, nullptr);
  const py::tuple option_bases = py::make_tuple(py::handle(error), py::handle(PyExc_ValueError));
  static PyObject* option_error = PyErr_NewExceptionWithDoc(
      "anchoralign.OptionError",
      "An option value out of range; the message names the option and the allowed range.",
      option_bases.ptr(), nullptr);
  static PyObject* input_error = PyErr_NewExceptionWithDoc(
      "anchoralign.InputError",
      "Unreadable or malformed input; the message names the file and the position.", error,
      nullptr);
  if (!error || !option_error || !input_error) throw py::error_already_set();
  m.attr("Error") = py::handle(error);
  m.attr("OptionError") = py::handle(option_error);
  m.attr("InputError") = py::handle(input_error);
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const OptionError& e) {
      raise(option_error, e);
    } catch (const InputError& e) {
      raise(input_error, e);
    } catch (const Error& e) {
      raise(error, e);
    }
  });
}

// The steps of the package's functions; __init__.py documents them for users.
void bind_functions(py::module_& m) {
  m.def("_split", &split_input, Release(), py::arg("data"), py::arg("name"), py::arg("is_path"),
        py::arg("encoding"), py::arg("on_invalid"), py::arg("input_format"), py::arg("presplit"),
        py::arg("lang"),
        "Decode `data` (or read the file `data` when `is_path`) and split it into sentences.");
  m.def("_align", &align_texts, Release(), py::arg("source"), py::arg("target"), py::arg("lexicon"),
        py::arg("bead_types"), py::arg("min_band"), py::arg("use_paragraphs"),
        py::arg("use_anchors"), py::arg("adapt_priors"), py::arg("params_file"),
        "Align two split texts; bead_types None keeps the default shapes.");
  m.def("_check", &check_texts, Release(), py::arg("alignment"), py::arg("lexicon"),
        py::arg("low_score"), py::arg("numbers"), py::arg("terms"),
        "The coverage report of an alignment (original = source side).");
  m.def("_write", &write_alignment, Release(), py::arg("alignment"), py::arg("format"),
        py::arg("min_score"), py::arg("tool_version"), py::arg("creation_time"),
        "An alignment as TMX, TSV, JSONL or ladder text.");
  m.def(
      "find_default_lexicon",
      []() -> std::optional<std::string> {
        std::string path = find_default_lexicon();
        if (path.empty()) return std::nullopt;
        return path;
      },
      Release(),
      "The default lexicon file, as the anchoralign command finds it: $ANCHORALIGN_DATA/"
      "cedict.tsv, else share/anchoralign/cedict.tsv under the install prefix, else in the "
      "build tree; None when there is none (scripts/fetch-lexicon.sh fetches CC-CEDICT).");
}

}  // namespace
}  // namespace anchoralign::python

PYBIND11_MODULE(_anchoralign, m) {
  using namespace anchoralign::python;
  m.doc() = "The compiled part of the anchoralign package; use `import anchoralign` instead.";
  m.attr("__version__") = ANCHORALIGN_VERSION;
  m.attr("DEFAULT_MIN_BAND") = anchoralign::AlignOptions{}.min_band;
  m.attr("DEFAULT_LOW_SCORE") = anchoralign::CheckOptions{}.low_score;
  register_errors(m);
  bind_classes(m);
  bind_functions(m);
}
