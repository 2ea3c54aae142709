#include "commands.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <boost/program_options.hpp>
#include <fmt/core.h>

#include "anchoralign/error.h"
#include "anchoralign/io.h"
#include "anchoralign/lexicon.h"
#include "anchoralign/pipeline.h"

namespace anchoralign::cli {
namespace po = boost::program_options;
namespace {

// An output file that appears only when complete: written to a temporary file beside the
// target, renamed into place by commit(), removed if never committed.
class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path) : path_(std::move(path)) {
    if (path_ == "-") return;
    temp_ = path_ + ".tmp-XXXXXX";
    const int fd = mkstemp(temp_.data());
    if (fd < 0) {
      throw InputError(fmt::format("{}: cannot write: {}", path_, std::strerror(errno)));
    }
    close(fd);
    file_.open(temp_, std::ios::binary | std::ios::trunc);
  }
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  ~AtomicOutput() {
    if (!committed_ && !temp_.empty()) std::remove(temp_.c_str());
  }
  std::ostream& stream() { return path_ == "-" ? std::cout : file_; }
  void commit() {
    stream().flush();
    if (!stream()) throw InputError(fmt::format("{}: write failed", path_));
    if (path_ == "-") return;
    file_.close();
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
      throw InputError(fmt::format("{}: cannot write: {}", path_, std::strerror(errno)));
    }
    committed_ = true;
  }

 private:
  std::string path_, temp_;
  std::ofstream file_;
  bool committed_ = false;
};

Lang parse_lang(const std::string& value, const char* option) {
  if (value == "zh") return Lang::kZh;
  if (value == "en") return Lang::kEn;
  if (value == "auto") return Lang::kUnknown;
  throw OptionError(fmt::format("--{} must be zh, en or auto, not '{}'", option, value));
}

std::vector<BeadType> parse_bead_types(const std::string& list) {
  std::vector<BeadType> types;
  std::stringstream stream(list);
  std::string item;
  while (std::getline(stream, item, ',')) {
    BeadType type;
    char dash = 0;
    std::stringstream parse(item);
    if (!(parse >> type.src >> dash >> type.tgt) || dash != '-' || !parse.eof()) {
      throw OptionError(fmt::format("--beads: '{}' is not of the form S-T, e.g. 1-2", item));
    }
    types.push_back(type);
  }
  return types;
}

// Reads, decodes and splits one input, refusing texts with nothing to align.
SplitText load(const std::string& path, const SplitOptions& options) {
  Document document = read_document(path);
  SplitText text = split(document, options);
  bool any = false;
  for (const Sentence& sentence : text.sentences) any = any || !sentence.text.empty();
  if (!any) throw InputError(fmt::format("{}: empty input: no text to align", path));
  return text;
}

std::string format_of(const std::string& format, const std::string& output) {
  if (!format.empty()) {
    for (const char* known : {"tmx", "tsv", "jsonl", "ladder", "bitext"}) {
      if (format == known) return format;
    }
    throw OptionError(fmt::format("--format must be tmx, tsv, jsonl, ladder or bitext, not '{}'", format));
  }
  const std::string extension = std::filesystem::path(output).extension().string();
  if (extension == ".tmx") return "tmx";
  if (extension == ".jsonl") return "jsonl";
  if (extension == ".align" || extension == ".ladder") return "ladder";
  return "tsv";
}

std::int64_t creation_time() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (*epoch && end && *end == '\0') return value;
    throw OptionError("SOURCE_DATE_EPOCH must be a number of seconds");
  }
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch()).count();
}

void write_bitext_files(const std::string& prefix, const SplitText& source,
                        const SplitText& target, const Alignment& alignment) {
  if (prefix == "-") throw OptionError("bitext writes two files: give -o PREFIX");
  const bool distinct = source.lang != target.lang && source.lang != Lang::kUnknown &&
                        target.lang != Lang::kUnknown;
  AtomicOutput source_out(prefix + "." + (distinct ? lang_name(source.lang) : "src"));
  AtomicOutput target_out(prefix + "." + (distinct ? lang_name(target.lang) : "tgt"));
  write_bitext(source_out.stream(), target_out.stream(), source, target, alignment);
  source_out.commit();
  target_out.commit();
}

void add_input_options(po::options_description& options, bool& presplit) {
  options.add_options()
      ("presplit", po::bool_switch(&presplit), "each line is one sentence; blank lines are kept as empty sentences");
}

// Parses `args` into the variables bound to `visible` and `hidden`; prints the help and
// returns false when it was asked for.
bool parse_command_line(const std::vector<std::string>& args, const po::options_description& visible,
                        const po::options_description& hidden,
                        const po::positional_options_description& positional) {
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << visible << '\n';
      return false;
    }
  }
  po::options_description all;
  all.add(visible).add(hidden);
  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  po::notify(values);
  return true;
}

// Everything `align` was asked to do, checked before any file is read.
struct AlignRequest {
  std::string source_path, target_path, output = "-", format;
  std::vector<std::string> lexicons;
  bool no_lexicon = false;
  SplitOptions source_split, target_split;
  AlignOptions align;
  WriteOptions write;
};

std::optional<AlignRequest> parse_align(const std::vector<std::string>& args) {
  AlignRequest request;
  std::string source_lang = "auto", target_lang = "auto", beads;
  bool presplit = false, no_anchors = false, no_paragraphs = false, one_pass = false;
  po::options_description visible("Usage: anchoralign align [options] SOURCE TARGET\n\nOptions");
  add_input_options(visible, presplit);
  visible.add_options()
      ("output,o", po::value(&request.output), "output file ('-': standard output, the default)")
      ("format,f", po::value(&request.format), "tmx, tsv, jsonl, ladder or bitext (default: from the output's extension, else tsv)")
      ("source-lang", po::value(&source_lang), "zh, en or auto (default)")
      ("target-lang", po::value(&target_lang), "zh, en or auto (default)")
      ("min-score", po::value(&request.write.min_score), "TMX: drop pairs scoring below this confidence in [0, 1]")
      ("beads", po::value(&beads), "bead types the search may use, e.g. 1-0,0-1,1-1,1-2,2-1 (default: up to 1-4/4-1 and 2-2)")
      ("no-anchors", po::bool_switch(&no_anchors), "align on length alone")
      ("no-paragraphs", po::bool_switch(&no_paragraphs), "ignore paragraph boundaries")
      ("one-pass", po::bool_switch(&one_pass), "do not re-estimate bead-type shares and length variance from a first pass")
      ("lexicon", po::value(&request.lexicons)->composing(), "lexicon file (repeatable; CC-CEDICT, hunalign .dic or TSV); default: the installed CC-CEDICT")
      ("no-lexicon", po::bool_switch(&request.no_lexicon), "no word translations: length and anchors only")
      ("params", po::value(&request.align.params_file), "tuning: file of key = value scoring parameters")
      ("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("source", po::value(&request.source_path))("target", po::value(&request.target_path));
  po::positional_options_description positional;
  positional.add("source", 1).add("target", 1);
  if (!parse_command_line(args, visible, hidden, positional)) return std::nullopt;

  if (request.source_path.empty() || request.target_path.empty()) {
    throw OptionError("align needs SOURCE and TARGET files ('-' for standard input)");
  }
  if (request.source_path == "-" && request.target_path == "-") {
    throw OptionError("only one input can be '-'");
  }
  request.source_split = {presplit, parse_lang(source_lang, "source-lang")};
  request.target_split = {presplit, parse_lang(target_lang, "target-lang")};
  request.align.use_anchors = !no_anchors;
  request.align.use_paragraphs = !no_paragraphs;
  request.align.adapt_priors = !one_pass;
  if (!beads.empty()) request.align.bead_types = parse_bead_types(beads);
  validate(request.align);
  validate(request.write);
  request.format = format_of(request.format, request.output);
  return request;
}

void write_alignment(AlignRequest& request, const SplitText& source, const SplitText& target,
                     const Alignment& alignment) {
  if (request.format == "bitext") {
    write_bitext_files(request.output, source, target, alignment);
    return;
  }
  AtomicOutput out(request.output);
  if (request.format == "tmx") {
    request.write.tool_version = ANCHORALIGN_VERSION;
    request.write.creation_time = creation_time();
    write_tmx(out.stream(), source, target, alignment, request.write);
  } else if (request.format == "jsonl") {
    write_jsonl(out.stream(), source, target, alignment);
  } else if (request.format == "ladder") {
    write_ladder(out.stream(), alignment);
  } else {
    write_tsv(out.stream(), source, target, alignment);
  }
  out.commit();
}

}  // namespace

Lexicon load_lexicon(std::vector<std::string> paths, bool none) {
  if (none) return Lexicon();
  if (paths.empty()) {
    const std::string found = find_default_lexicon();
    if (found.empty()) {
      fmt::print(stderr,
                 "anchoralign: note: no lexicon found (scripts/fetch-lexicon.sh installs CC-CEDICT); "
                 "aligning by length and anchors\n");
      return Lexicon();
    }
    paths.push_back(found);
  }
  return Lexicon::load(paths);
}

int run_align(const std::vector<std::string>& args) {
  std::optional<AlignRequest> request = parse_align(args);
  if (!request) return kExitOk;
  request->align.lexicon = load_lexicon(request->lexicons, request->no_lexicon);
  const SplitText source = load(request->source_path, request->source_split);
  const SplitText target = load(request->target_path, request->target_split);
  if (source.lang == target.lang) {
    fmt::print(stderr, "anchoralign: warning: {} and {} are both {}; aligning anyway\n",
               request->source_path, request->target_path, lang_name(source.lang));
  }
  write_alignment(*request, source, target, align(source, target, request->align));
  return kExitOk;
}

int run_split(const std::vector<std::string>& args) {
  std::string path, output = "-", lang = "auto";
  bool presplit = false;
  po::options_description visible("Usage: anchoralign split [options] FILE\n\nOptions");
  add_input_options(visible, presplit);
  visible.add_options()
      ("output,o", po::value(&output), "output file ('-': standard output, the default)")
      ("lang", po::value(&lang), "zh, en or auto (default)")
      ("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&path));
  po::positional_options_description positional;
  positional.add("file", 1);
  if (!parse_command_line(args, visible, hidden, positional)) return kExitOk;
  if (path.empty()) throw OptionError("split needs a FILE ('-' for standard input)");
  const SplitText text = split(read_document(path), SplitOptions{presplit, parse_lang(lang, "lang")});
  AtomicOutput out(output);
  int paragraph = 0;
  for (const Sentence& sentence : text.sentences) {
    // A blank line between paragraphs, so the output reads as the input's structure.
    if (sentence.paragraph != paragraph && !presplit) out.stream() << '\n';
    paragraph = sentence.paragraph;
    out.stream() << sentence.text << '\n';
  }
  out.commit();
  return kExitOk;
}

}  // namespace anchoralign::cli
