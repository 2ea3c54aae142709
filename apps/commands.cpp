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

void add_input_options(po::options_description& options, SplitOptions&, bool& presplit) {
  options.add_options()
      ("presplit", po::bool_switch(&presplit), "each line is one sentence; blank lines are kept as empty sentences");
}

bool wants_help(const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
}

}  // namespace

int run_align(const std::vector<std::string>& args) {
  SplitOptions split_options;
  AlignOptions align_options;
  WriteOptions write_options;
  std::string source_path, target_path, output = "-", format, source_lang = "auto",
                                         target_lang = "auto", beads;
  bool presplit = false, no_anchors = false, no_paragraphs = false, one_pass = false;
  po::options_description visible("Usage: anchoralign align [options] SOURCE TARGET\n\nOptions");
  add_input_options(visible, split_options, presplit);
  visible.add_options()
      ("output,o", po::value(&output), "output file ('-': standard output, the default)")
      ("format,f", po::value(&format), "tmx, tsv, jsonl, ladder or bitext (default: from the output's extension, else tsv)")
      ("source-lang", po::value(&source_lang), "zh, en or auto (default)")
      ("target-lang", po::value(&target_lang), "zh, en or auto (default)")
      ("min-score", po::value(&write_options.min_score), "TMX: drop pairs scoring below this confidence in [0, 1]")
      ("beads", po::value(&beads), "bead types the search may use, e.g. 1-0,0-1,1-1,1-2,2-1 (default: up to 1-4/4-1 and 2-2)")
      ("no-anchors", po::bool_switch(&no_anchors), "align on length alone")
      ("no-paragraphs", po::bool_switch(&no_paragraphs), "ignore paragraph boundaries")
      ("one-pass", po::bool_switch(&one_pass), "do not re-estimate bead-type shares from a first pass")
      ("params", po::value(&align_options.params_file), "tuning: file of key = value scoring parameters")
      ("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("source", po::value(&source_path))("target", po::value(&target_path));
  po::positional_options_description positional;
  positional.add("source", 1).add("target", 1);
  if (wants_help(args)) {
    std::cout << visible << '\n';
    return kExitOk;
  }
  po::options_description all;
  all.add(visible).add(hidden);
  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  po::notify(values);
  if (source_path.empty() || target_path.empty()) {
    throw OptionError("align needs SOURCE and TARGET files ('-' for standard input)");
  }
  if (source_path == "-" && target_path == "-") throw OptionError("only one input can be '-'");

  split_options.presplit = presplit;
  align_options.use_anchors = !no_anchors;
  align_options.use_paragraphs = !no_paragraphs;
  align_options.adapt_priors = !one_pass;
  if (!beads.empty()) align_options.bead_types = parse_bead_types(beads);
  validate(align_options);
  validate(write_options);
  const std::string resolved_format = format_of(format, output);

  split_options.lang = parse_lang(source_lang, "source-lang");
  const SplitText source = load(source_path, split_options);
  split_options.lang = parse_lang(target_lang, "target-lang");
  const SplitText target = load(target_path, split_options);
  if (source.lang == target.lang) {
    fmt::print(stderr, "anchoralign: warning: {} and {} are both {}; aligning anyway\n",
               source_path, target_path, lang_name(source.lang));
  }
  const Alignment alignment = align(source, target, align_options);

  if (resolved_format == "bitext") {
    write_bitext_files(output, source, target, alignment);
    return kExitOk;
  }
  AtomicOutput out(output);
  if (resolved_format == "tmx") {
    write_options.tool_version = ANCHORALIGN_VERSION;
    write_options.creation_time = creation_time();
    write_tmx(out.stream(), source, target, alignment, write_options);
  } else if (resolved_format == "jsonl") {
    write_jsonl(out.stream(), source, target, alignment);
  } else if (resolved_format == "ladder") {
    write_ladder(out.stream(), alignment);
  } else {
    write_tsv(out.stream(), source, target, alignment);
  }
  out.commit();
  return kExitOk;
}

int run_split(const std::vector<std::string>& args) {
  SplitOptions split_options;
  std::string path, output = "-", lang = "auto";
  bool presplit = false;
  po::options_description visible("Usage: anchoralign split [options] FILE\n\nOptions");
  add_input_options(visible, split_options, presplit);
  visible.add_options()
      ("output,o", po::value(&output), "output file ('-': standard output, the default)")
      ("lang", po::value(&lang), "zh, en or auto (default)")
      ("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&path));
  po::positional_options_description positional;
  positional.add("file", 1);
  if (wants_help(args)) {
    std::cout << visible << '\n';
    return kExitOk;
  }
  po::options_description all;
  all.add(visible).add(hidden);
  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  po::notify(values);
  if (path.empty()) throw OptionError("split needs a FILE ('-' for standard input)");
  split_options.presplit = presplit;
  split_options.lang = parse_lang(lang, "lang");
  const SplitText text = split(read_document(path), split_options);
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
