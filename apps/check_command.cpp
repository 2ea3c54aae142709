// `check`: how much of an original a translation covers, and where they disagree
// (docs/CLI.md, "check"; the JSON report is described in docs/coverage-report.md).
#include <fmt/core.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <regex>
#include <sstream>

#include "anchoralign/check.h"
#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "cli.h"
#include "commands.h"

namespace anchoralign::cli {
namespace po = boost::program_options;
namespace {

// Everything `check` was asked to do, checked before any file is read.
struct CheckRequest {
  std::string original_path, translation_path, json, html, alignment, colour = "auto";
  std::optional<double> min_coverage;
  bool quiet = false;
  InputOptions input;
  CheckOptions check;
};

void add_check_options(po::options_description& visible, CheckRequest* request,
                       double* min_coverage) {
  visible.add_options()("json", po::value(&request->json),
                        "write the whole report as JSON to FILE ('-': standard output)")(
      "html", po::value(&request->html),
      "write a self-contained HTML page to FILE ('-': standard output)")(
      "min-coverage", po::value(min_coverage),
      "exit with status 1 when less than this share (0-1) of the original's sentences has a "
      "counterpart")(
      "min-score", po::value(&request->check.low_score),
      "report aligned beads scoring below this confidence in [0, 1] (default 0.3; 0: none)")(
      "alignment", po::value(&request->alignment),
      "use this ladder file ([i,j]:[k]:score per line) instead of aligning")(
      "colour,color", po::value(&request->colour),
      "auto (default: on a terminal, unless NO_COLOR is set), always or never")(
      "quiet,q", po::bool_switch(&request->quiet),
      "no summary: only the exit status and the --json/--html files")("help,h", "show this help");
}

// Throws OptionError for the first thing wrong with the arguments.
void check_request(CheckRequest& request, double min_coverage) {
  if (request.input.mixed && !request.translation_path.empty()) {
    throw OptionError(
        "check --mixed takes one FILE holding both languages, not ORIGINAL and TRANSLATION");
  }
  if (request.original_path.empty() || (request.translation_path.empty() && !request.input.mixed)) {
    throw OptionError("check needs ORIGINAL and TRANSLATION files ('-' for standard input)");
  }
  if (request.original_path == "-" && request.translation_path == "-") {
    throw OptionError("only one input can be '-'");
  }
  if (request.json == "-" && request.html == "-") throw OptionError("only one output can be '-'");
  if (!std::isnan(min_coverage)) {  // given
    if (!(min_coverage >= 0 && min_coverage <= 1))
      throw OptionError("--min-coverage must be in [0, 1]");
    request.min_coverage = min_coverage;
  }
  if (request.colour != "auto" && request.colour != "always" && request.colour != "never") {
    throw OptionError(
        fmt::format("--colour must be auto, always or never, not '{}'", request.colour));
  }
  if (!(request.check.low_score >= 0 && request.check.low_score <= 1)) {
    throw OptionError("--min-score must be in [0, 1]");
  }
}

std::optional<CheckRequest> parse_check(const std::vector<std::string>& args) {
  CheckRequest request;
  double min_coverage = std::numeric_limits<double>::quiet_NaN();
  po::options_description visible(
      "Usage: anchoralign check [options] ORIGINAL TRANSLATION [--json FILE] [--html FILE] "
      "[--min-coverage X]\n       anchoralign check [options] --mixed FILE  (ORIGINAL: the English "
      "part, or the --source-lang one)\n\nReports which sentences of ORIGINAL have a counterpart "
      "in "
      "TRANSLATION, and omissions,\nadditions, numbers and names that differ. Exit status 1 "
      "when coverage < --min-coverage.\n\nOptions");
  add_input_options(visible, &request.input);
  add_check_options(visible, &request, &min_coverage);
  po::options_description hidden;
  hidden.add_options()("original", po::value(&request.original_path))(
      "translation", po::value(&request.translation_path));
  po::positional_options_description positional;
  positional.add("original", 1).add("translation", 1);
  if (!parse_command_line(args, visible, hidden, positional)) return std::nullopt;

  check_request(request, min_coverage);
  request.input.read_options();  // checks the input options before any file is read
  request.input.source_split();
  request.input.target_split();
  return request;
}

// "[3,4]" -> first index 3, count 2; indices must follow each other.
SentenceRange parse_indices(const std::string& list, const std::string& where) {
  SentenceRange range;
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, ',');) {
    char* end = nullptr;
    const long value = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || *end != '\0' || value < 0 || value > 1'000'000'000 ||
        (range.count > 0 && value != range.begin + range.count)) {
      throw InputError(where + ": '" + list + "' is not a list of consecutive sentence indices");
    }
    if (range.count == 0) range.begin = static_cast<int>(value);
    ++range.count;
  }
  return range;
}

// A ladder file as `align -f ladder` writes it; the score may be left out (gold files).
Alignment read_ladder(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read the alignment");
  static const std::regex kLine(R"(\s*\[([0-9,]*)\]:\[([0-9,]*)\](?::([-+0-9.eE]+))?\s*)");
  Alignment alignment;
  int line_number = 0, src = 0, tgt = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    const std::string where = path + ":" + std::to_string(line_number);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::smatch match;
    if (!std::regex_match(line, match, kLine))
      throw InputError(where + ": not a ladder line [i,j]:[k]:score");
    SentenceRange s = parse_indices(match[1].str(), where),
                  t = parse_indices(match[2].str(), where);
    // An empty side lies where the previous bead ended.
    if (s.count == 0) s.begin = src;
    if (t.count == 0) t.begin = tgt;
    Bead bead{s.begin, s.count, t.begin, t.count, 1.0};
    if (match[3].matched) bead.score = std::strtod(match[3].str().c_str(), nullptr);
    src = s.begin + s.count;
    tgt = t.begin + t.count;
    alignment.push_back(bead);
  }
  return alignment;
}

// The two texts; from a --mixed file, the ORIGINAL is the part in --source-lang, by default
// the English one (the project's usual direction: Chinese translations of English originals).
std::pair<SplitText, SplitText> load_texts(const CheckRequest& request) {
  const ReadOptions read = request.input.read_options();
  const SplitOptions original_split = request.input.source_split();
  const SplitOptions translation_split = request.input.target_split();
  if (!request.input.mixed) {
    return {load_text(request.original_path, read, original_split),
            load_text(request.translation_path, read, translation_split)};
  }
  auto [first, second] = load_mixed(request.original_path, read);
  const Lang wanted = original_split.lang != Lang::kUnknown ? original_split.lang : Lang::kEn;
  if (first.lang != wanted) std::swap(first, second);
  return {split_nonempty(first, original_split), split_nonempty(second, translation_split)};
}

bool use_colour(const std::string& colour, std::FILE* stream) {
  if (colour != "auto") return colour == "always";
  const char* term = std::getenv("TERM");
  return isatty(fileno(stream)) && std::getenv("NO_COLOR") == nullptr &&
         !(term != nullptr && std::string(term) == "dumb");
}

void write_reports(const CheckRequest& request, const SplitText& original,
                   const SplitText& translation, const Alignment& alignment,
                   const CoverageReport& report) {
  if (!request.json.empty()) {
    AtomicOutput out(request.json);
    write_report_json(out.stream(), report, alignment);
    out.commit();
  }
  if (!request.html.empty()) {
    AtomicOutput out(request.html);
    write_report_html(out.stream(), original, translation, alignment, report);
    out.commit();
  }
  if (request.quiet) return;
  // Standard output may already carry a report: the summary then goes to standard error.
  const bool to_stderr = request.json == "-" || request.html == "-";
  std::ostream& out = to_stderr ? std::cerr : std::cout;
  write_report_text(out, report, use_colour(request.colour, to_stderr ? stderr : stdout));
  out.flush();
}

}  // namespace

int run_check(const std::vector<std::string>& args) {
  std::optional<CheckRequest> request = parse_check(args);
  if (!request) return kExitOk;
  AlignOptions align_options;
  align_options.lexicon = request->input.lexicon();
  request->check.lexicon = align_options.lexicon;
  const auto [original, translation] = load_texts(*request);
  warn_same_language(original, translation);
  CoverageReport report;
  Alignment alignment;
  if (request->alignment.empty()) {
    alignment = align(original, translation, align_options);
    report = check(original, translation, alignment, request->check);
  } else {
    alignment = read_ladder(request->alignment);
    try {
      report = check(original, translation, alignment, request->check);
    } catch (const OptionError&) {
      throw;
    } catch (const Error& error) {
      throw InputError(request->alignment + ": " + error.what());
    }
  }
  write_reports(*request, original, translation, alignment, report);
  const double coverage = report.original.sentence_share();
  if (request->min_coverage && coverage < *request->min_coverage) {
    fmt::print(stderr, "anchoralign: coverage {:.1f}% is below --min-coverage {:.1f}%\n",
               100 * coverage, 100 * *request->min_coverage);
    return kExitCheckFailed;
  }
  return kExitOk;
}

}  // namespace anchoralign::cli
