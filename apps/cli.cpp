#include "cli.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <fmt/core.h>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"

namespace anchoralign::cli {
namespace po = boost::program_options;

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_ == "-") return;
  temp_ = path_ + ".tmp-XXXXXX";
  const int fd = mkstemp(temp_.data());
  if (fd < 0) {
    temp_.clear();
    throw InputError(fmt::format("{}: cannot write: {}", path_, std::strerror(errno)));
  }
  // mkstemp creates the file 0600; the output gets the mode any new file would get.
  static const mode_t kUmask = [] {
    const mode_t mask = umask(0);
    umask(mask);
    return mask;
  }();
  fchmod(fd, 0666 & ~kUmask);
  close(fd);
  file_.open(temp_, std::ios::binary | std::ios::trunc);
}

AtomicOutput::~AtomicOutput() {
  if (!committed_ && !temp_.empty()) std::remove(temp_.c_str());
}

std::ostream& AtomicOutput::stream() { return path_ == "-" ? std::cout : file_; }

void AtomicOutput::commit() {
  stream().flush();
  if (!stream()) throw InputError(fmt::format("{}: write failed", path_));
  if (path_ == "-") return;
  file_.close();
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    throw InputError(fmt::format("{}: cannot write: {}", path_, std::strerror(errno)));
  }
  committed_ = true;
}

ReadOptions InputOptions::read_options() const {
  ReadOptions read;
  read.encoding = encoding;
  read.on_invalid = parse_invalid_bytes(on_invalid, "--on-invalid");
  read.format = parse_input_format(input_format, "--input-format");
  // Cleaning markup would move lines, and line i is sentence i.
  if (presplit && read.format == InputFormat::kAuto) read.format = InputFormat::kText;
  validate(read);
  return read;
}

SplitOptions InputOptions::source_split() const {
  return {presplit, parse_lang(source_lang, "--source-lang")};
}

SplitOptions InputOptions::target_split() const {
  return {presplit, parse_lang(target_lang, "--target-lang")};
}

Lexicon InputOptions::lexicon() const { return load_lexicon(lexicons, no_lexicon); }

void add_input_options(po::options_description& description, InputOptions* options,
                       bool languages, bool lexicon) {
  description.add_options()
      ("presplit", po::bool_switch(&options->presplit), "each line is one sentence; blank lines are kept as empty sentences")
      ("encoding", po::value(&options->encoding), "auto (default: BOM, UTF-8, else detected) or a name: UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, Big5")
      ("on-invalid", po::value(&options->on_invalid), "error (default) or replace: bytes invalid in the encoding become U+FFFD")
      ("input-format", po::value(&options->input_format), "auto (default: by extension and content; text with --presplit), text, markdown or html")
      ("mixed", po::bool_switch(&options->mixed), "one FILE holds both languages, one block each or paragraphs alternating; align --mixed FILE aligns the part that comes first in the file as SOURCE");
  if (languages) {
    description.add_options()
        ("source-lang", po::value(&options->source_lang), "zh, en or auto (default)")
        ("target-lang", po::value(&options->target_lang), "zh, en or auto (default)");
  }
  if (lexicon) {
    description.add_options()
        ("lexicon", po::value(&options->lexicons)->composing(), "lexicon file (repeatable; CC-CEDICT, hunalign .dic or TSV); default: the installed CC-CEDICT")
        ("no-lexicon", po::bool_switch(&options->no_lexicon), "no word translations: length and anchors only");
  }
}

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

SplitText load_text(const std::string& path, const ReadOptions& read, const SplitOptions& options) {
  return split_nonempty(read_document(path, read), options);
}

SplitText split_nonempty(const Document& document, const SplitOptions& options) {
  SplitText text = split(document, options);
  bool any = false;
  for (const Sentence& sentence : text.sentences) any = any || !sentence.text.empty();
  if (!any) throw InputError(fmt::format("{}: empty input: no text to align", document.name));
  return text;
}

namespace {

std::string describe_part(const MixedPart& part) {
  std::string text = fmt::format("{} {} paragraph{} (lines {}-{})", part.paragraphs,
                                 part.document.lang == Lang::kZh ? "Chinese" : "English",
                                 part.paragraphs == 1 ? "" : "s", part.first_line, part.last_line);
  if (part.foreign > 0) {
    text += fmt::format(", {} of them in {} but kept there by position", part.foreign,
                        part.document.lang == Lang::kZh ? "English" : "Chinese");
  }
  return text;
}

}  // namespace

std::pair<Document, Document> load_mixed(const std::string& path, const ReadOptions& read) {
  MixedParts parts = split_mixed(read_document(path, read));
  MixedPart& first = parts.zh_first ? parts.zh : parts.en;
  MixedPart& second = parts.zh_first ? parts.en : parts.zh;
  std::string neutral;
  if (parts.neutral_paragraphs > 0) {
    neutral = fmt::format("; {} paragraph{} without letters kept with {} neighbours",
                          parts.neutral_paragraphs, parts.neutral_paragraphs == 1 ? "" : "s",
                          parts.neutral_paragraphs == 1 ? "its" : "their");
  }
  fmt::print(stderr, "anchoralign: {}: mixed input{}: {}, {} {}{}\n", path,
             parts.interleaved ? ", alternating" : "", describe_part(first),
             parts.interleaved ? "and" : "then", describe_part(second), neutral);
  return {std::move(first.document), std::move(second.document)};
}

void warn_same_language(const SplitText& source, const SplitText& target) {
  if (source.lang != target.lang) return;
  fmt::print(stderr, "anchoralign: warning: {} and {} are both {}; aligning anyway\n",
             source.name, target.name, lang_name(source.lang));
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

namespace {

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

}  // namespace

void write_alignment(const std::string& output, const std::string& format, WriteOptions write,
                     const SplitText& source, const SplitText& target, const Alignment& alignment) {
  if (format == "bitext") {
    write_bitext_files(output, source, target, alignment);
    return;
  }
  AtomicOutput out(output);
  if (format == "tmx") {
    write.tool_version = ANCHORALIGN_VERSION;
    write.creation_time = creation_time();
    write_tmx(out.stream(), source, target, alignment, write);
  } else if (format == "jsonl") {
    write_jsonl(out.stream(), source, target, alignment);
  } else if (format == "ladder") {
    write_ladder(out.stream(), alignment);
  } else {
    write_tsv(out.stream(), source, target, alignment);
  }
  out.commit();
}

}  // namespace anchoralign::cli
