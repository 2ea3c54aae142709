// `batch`: many document pairs in one process, from a manifest (TSV: source, target, output)
// or a JSON Lines stream. The lexicon is loaded once and shared read-only by the worker
// threads (anchoralign::Lexicon is immutable); every other per-pair object lives on the
// worker's stack. A bad pair is reported with its line number and skipped.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include <fmt/core.h>

#include "align_options.h"
#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "cli.h"
#include "commands.h"
#include "json_reader.h"
#include "ordered_pool.h"

namespace anchoralign::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;
namespace {

constexpr int kExitPairsFailed = 1;  // docs/CLI.md: some pairs failed, the others are done
constexpr int kMaxJobs = 1024;
// Pairs read ahead per job: enough to keep every worker busy behind one slow pair, few
// enough that a stream of long texts stays in bounded memory.
constexpr std::size_t kWindowPerJob = 4;

// Everything a pair needs, set up once and shared read-only by the workers.
struct BatchSettings {
  std::string manifest, jsonl;
  int jobs = 0;  // 0: all cores
  InputOptions input;
  AlignFlags flags;
  ReadOptions read;
  SplitOptions source_split, target_split;
  AlignOptions align;
  WriteOptions write;
};

// The options of batch, bound to *settings: those of align (but -o) and its own.
po::options_description describe_options(BatchSettings* settings) {
  po::options_description visible(
      "Usage: anchoralign batch [options] MANIFEST\n"
      "       anchoralign batch [options] --jsonl FILE\n\n"
      "MANIFEST: lines source<TAB>target<TAB>output, paths relative to its folder, '#' starts a\n"
      "comment line, '-' reads it from standard input (paths then relative to the current\n"
      "folder). --jsonl: lines {\"id\": ..., \"source\": TEXT, \"target\": TEXT} (or\n"
      "\"source_path\", \"target_path\"); writes {\"id\": ..., \"beads\": [...]} or\n"
      "{\"id\": ..., \"error\": ...} per line.\n\n"
      "Options");
  add_input_options(visible, &settings->input);
  add_align_options(visible, &settings->flags);
  visible.add_options()
      ("jobs,j", po::value(&settings->jobs), "pairs aligned at once (default 0: all cores)")
      ("jsonl", po::value(&settings->jsonl), "read pairs as JSON Lines from FILE ('-': standard input), write results as JSON Lines to standard output")
      ("help,h", "show this help");
  return visible;
}

std::optional<BatchSettings> parse_batch(const std::vector<std::string>& args) {
  BatchSettings settings;
  const po::options_description visible = describe_options(&settings);
  po::options_description hidden;
  hidden.add_options()("manifest", po::value(&settings.manifest));
  po::positional_options_description positional;
  positional.add("manifest", 1);
  if (!parse_command_line(args, visible, hidden, positional)) return std::nullopt;

  if (settings.manifest.empty() && settings.jsonl.empty()) {
    throw OptionError("batch needs a MANIFEST or --jsonl FILE ('-' for standard input)");
  }
  if (!settings.manifest.empty() && !settings.jsonl.empty()) {
    throw OptionError("give a MANIFEST or --jsonl, not both");
  }
  if (!settings.jsonl.empty() && !settings.flags.format.empty()) {
    throw OptionError("--format does not apply to --jsonl: its output is always JSON Lines");
  }
  if (settings.input.mixed) {
    throw OptionError("--mixed does not apply to batch: each pair names its two files");
  }
  if (settings.jobs < 0 || settings.jobs > kMaxJobs) {
    throw OptionError(fmt::format("--jobs must be in [0, {}]; 0 uses all cores", kMaxJobs));
  }
  settings.read = settings.input.read_options();
  settings.source_split = settings.input.source_split();
  settings.target_split = settings.input.target_split();
  settings.align = settings.flags.align_options();
  settings.write = settings.flags.write_options();
  if (settings.jsonl.empty()) {
    // Checked now, so that a typo fails once instead of once per pair.
    settings.flags.format_for("");
    creation_time();
  }
  return settings;
}

std::string same_language_warning(const std::string& where, const SplitText& source,
                                  const SplitText& target) {
  if (source.lang != target.lang) return "";
  return fmt::format("anchoralign: {}: warning: {} and {} are both {}; aligning anyway\n", where,
                     source.name, target.name, lang_name(source.lang));
}

// --- Manifest mode -------------------------------------------------------------------------

struct ManifestLine {
  std::size_t number = 0;  // 1-based line in the manifest
  std::string source, target, output;
  std::string error;  // why this line cannot run; empty when it can
};

std::string read_manifest_text(const std::string& path) {
  if (path == "-") {
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) throw InputError("-: cannot read the manifest from standard input");
    return text;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot read the manifest", path));
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw InputError(fmt::format("{}: cannot read the manifest", path));
  return text;
}

ManifestLine parse_manifest_line(std::string text, std::size_t number, const fs::path& base) {
  ManifestLine line;
  line.number = number;
  std::vector<std::string> fields;
  std::istringstream columns(text);
  for (std::string field; std::getline(columns, field, '\t');) fields.push_back(field);
  if (!text.empty() && text.back() == '\t') fields.emplace_back();
  if (fields.size() != 3 || fields[0].empty() || fields[1].empty() || fields[2].empty()) {
    line.error = fmt::format(
        "expected three tab-separated columns source, target, output; found {}", fields.size());
    return line;
  }
  if (fields[0] == "-" || fields[1] == "-") {
    line.error = "'-' (standard input) cannot be an input in a manifest";
    return line;
  }
  const auto resolve = [&](const std::string& path) {
    return path == "-" || fs::path(path).is_absolute() ? path : (base / path).string();
  };
  line.source = resolve(fields[0]);
  line.target = resolve(fields[1]);
  line.output = resolve(fields[2]);
  return line;
}

// Two lines writing one file, or a line overwriting an input, would race: the later line
// fails instead.
void refuse_clashes(std::vector<ManifestLine>& lines) {
  const auto key = [](const std::string& path) {
    return fs::absolute(fs::path(path)).lexically_normal().string();
  };
  std::set<std::string> inputs;
  for (const ManifestLine& line : lines) {
    if (line.error.empty()) inputs.insert({key(line.source), key(line.target)});
  }
  std::map<std::string, std::size_t> outputs;
  for (ManifestLine& line : lines) {
    if (!line.error.empty() || line.output == "-") continue;
    const std::string output = key(line.output);
    if (inputs.count(output) > 0) {
      line.error = fmt::format("output {} is an input of this batch", line.output);
    } else if (const auto [found, added] = outputs.emplace(output, line.number); !added) {
      line.error = fmt::format("output {} is also written by line {}", line.output, found->second);
    }
  }
}

std::vector<ManifestLine> read_manifest(const std::string& path) {
  const std::string text = read_manifest_text(path);
  const fs::path base = path == "-" ? fs::path() : fs::path(path).parent_path();
  std::vector<ManifestLine> lines;
  std::istringstream in(text);
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    lines.push_back(parse_manifest_line(line, number, base));
  }
  refuse_clashes(lines);
  return lines;
}

// An alignment as text, for an output of "-": results reach standard output in order.
std::string render(const std::string& format, WriteOptions write, const SplitText& source,
                   const SplitText& target, const Alignment& alignment) {
  std::ostringstream out;
  if (format == "tmx") {
    write.tool_version = ANCHORALIGN_VERSION;
    write.creation_time = creation_time();
    write_tmx(out, source, target, alignment, write);
  } else if (format == "jsonl") {
    write_jsonl(out, source, target, alignment);
  } else if (format == "ladder") {
    write_ladder(out, alignment);
  } else if (format == "tsv") {
    write_tsv(out, source, target, alignment);
  } else {
    throw OptionError("bitext writes two files: give an output PREFIX, not '-'");
  }
  return out.str();
}

Outcome align_manifest_line(const ManifestLine& line, const BatchSettings& settings) {
  const std::string where = fmt::format("{}:{}", settings.manifest, line.number);
  Outcome outcome;
  try {
    if (!line.error.empty()) throw InputError(line.error);
    const SplitText source = load_text(line.source, settings.read, settings.source_split);
    const SplitText target = load_text(line.target, settings.read, settings.target_split);
    outcome.messages = same_language_warning(where, source, target);
    const Alignment alignment = align(source, target, settings.align);
    const std::string format = settings.flags.format_for(line.output);
    if (line.output == "-") {
      outcome.output = render(format, settings.write, source, target, alignment);
    } else {
      write_alignment(line.output, format, settings.write, source, target, alignment);
    }
    outcome.sentences = source.sentences.size() + target.sentences.size();
    outcome.beads = alignment.size();
  } catch (const Error& error) {
    outcome = Outcome();
    outcome.failed = true;
    outcome.messages = fmt::format("anchoralign: {}: {}\n", where, error.what());
  }
  return outcome;
}

TaskSource manifest_tasks(const std::vector<ManifestLine>& lines, const BatchSettings& settings) {
  auto next = std::make_shared<std::size_t>(0);
  return [&lines, &settings, next]() -> std::optional<Task> {
    if (*next >= lines.size()) return std::nullopt;
    const ManifestLine* line = &lines[(*next)++];
    return Task([line, &settings] { return align_manifest_line(*line, settings); });
  };
}

// --- JSON Lines mode -----------------------------------------------------------------------

// One side of a JSON Lines pair: its text inline, or a path.
struct JsonSide {
  std::string value;
  bool given = false, is_path = false;
};

struct JsonPair {
  std::string id = "null";  // the id's JSON text as given; null when the line has none
  JsonSide source, target;
};

void take_side(JsonSide& side, const std::string& key, const json::Value& value, bool is_path) {
  if (value.kind != json::Kind::kString) {
    throw InputError(fmt::format("\"{}\" must be a string", key));
  }
  if (side.given) {
    throw InputError(fmt::format("give \"{0}\" or \"{0}_path\", not both",
                                 is_path ? key.substr(0, key.size() - 5) : key));
  }
  side = JsonSide{value.text, true, is_path};
}

// Parses one line; the id is stored in *pair as soon as it is read, so that an error later
// in the line can still name it.
void parse_json_pair(const std::string& line, JsonPair* pair) {
  json::read_object(line, [&](const std::string& key, json::Value value) {
    if (key == "id") {
      if (value.kind != json::Kind::kString && value.kind != json::Kind::kNumber) {
        throw InputError("\"id\" must be a string or a number");
      }
      pair->id = value.raw;
    } else if (key == "source" || key == "source_path") {
      take_side(pair->source, key, value, key == "source_path");
    } else if (key == "target" || key == "target_path") {
      take_side(pair->target, key, value, key == "target_path");
    }  // other keys are the caller's business, e.g. metadata carried along
  });
  if (!pair->source.given) throw InputError("missing \"source\" (or \"source_path\")");
  if (!pair->target.given) throw InputError("missing \"target\" (or \"target_path\")");
}

SplitText load_side(const JsonSide& side, const char* name, const BatchSettings& settings,
                    const SplitOptions& options) {
  if (side.is_path) return load_text(side.value, settings.read, options);
  ReadOptions read = settings.read;
  read.encoding = "UTF-8";  // JSON text is Unicode whatever --encoding says of the files
  SplitText text = split(decode_document(side.value, name, read), options);
  for (const Sentence& sentence : text.sentences) {
    if (!sentence.text.empty()) return text;
  }
  throw InputError(fmt::format("{}: empty input: no text to align", name));
}

// {"id":…,"beads":[…]}: each bead exactly as write_jsonl writes one line.
std::string beads_line(const std::string& id, const SplitText& source, const SplitText& target,
                       const Alignment& alignment) {
  std::ostringstream beads;
  write_jsonl(beads, source, target, alignment);
  std::string out = "{\"id\":" + id + ",\"beads\":[";
  std::istringstream lines(beads.str());
  bool first = true;
  for (std::string bead; std::getline(lines, bead); first = false) {
    if (!first) out += ',';
    out += bead;
  }
  out += "]}\n";
  return out;
}

Outcome align_json_line(const std::string& line, std::size_t number, const std::string& stream,
                        const BatchSettings& settings) {
  JsonPair pair;
  Outcome outcome;
  try {
    parse_json_pair(line, &pair);
    const SplitText source = load_side(pair.source, "source", settings, settings.source_split);
    const SplitText target = load_side(pair.target, "target", settings, settings.target_split);
    const std::string where = fmt::format("{}:{}", stream, number);
    outcome.messages = same_language_warning(where, source, target);
    const Alignment alignment = align(source, target, settings.align);
    outcome.output = beads_line(pair.id, source, target, alignment);
    outcome.sentences = source.sentences.size() + target.sentences.size();
    outcome.beads = alignment.size();
  } catch (const Error& error) {
    outcome = Outcome();
    outcome.failed = true;
    outcome.output = fmt::format("{{\"id\":{},\"line\":{},\"error\":{}}}\n", pair.id, number,
                                 json::quote(error.what()));
    outcome.messages = fmt::format("anchoralign: {}:{}: {}\n", stream, number, error.what());
  }
  return outcome;
}

// Reads the stream line by line as the pool asks, so memory holds only the window.
class JsonLineSource {
 public:
  JsonLineSource(const std::string& path, const BatchSettings& settings)
      : settings_(settings), stream_(path == "-" ? "<stdin>" : path) {
    if (path != "-") {
      file_.open(path, std::ios::binary);
      if (!file_) throw InputError(fmt::format("{}: cannot read", path));
    }
    in_ = path == "-" ? &std::cin : &file_;
  }

  std::optional<Task> operator()() {
    for (std::string line; std::getline(*in_, line);) {
      ++number_;
      if (number_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      return Task([this, line = std::move(line), number = number_] {
        return align_json_line(line, number, stream_, settings_);
      });
    }
    if (in_->bad()) throw InputError(fmt::format("{}: cannot read", stream_));
    return std::nullopt;
  }

 private:
  const BatchSettings& settings_;
  std::string stream_;
  std::ifstream file_;
  std::istream* in_ = nullptr;
  std::size_t number_ = 0;
};

// --- Running -------------------------------------------------------------------------------

void print_summary(const RunStats& stats, double lexicon_seconds) {
  const double rate = stats.seconds > 0 ? static_cast<double>(stats.sentences) / stats.seconds : 0;
  fmt::print(stderr,
             "anchoralign: batch: {} pairs, {} failed, {} sentences, {} beads in {:.2f} s "
             "({:.0f} sentences/s; lexicon loaded in {:.2f} s)\n",
             stats.pairs, stats.failed, stats.sentences, stats.beads, stats.seconds, rate,
             lexicon_seconds);
}

// ICU builds its shared data (locale cache, break rules, normalisation and transliteration
// tables) on first use, behind atomics inside libicu, which is not instrumented: a
// -fsanitize=thread build would report each first use on a worker as a race. Using ICU once
// here, before the workers start, orders those initialisations before every worker, so
// ThreadSanitizer stays quiet without a suppression that could hide real races. About 1 ms.
void warm_up_icu() {
  for (const Lang lang : {Lang::kEn, Lang::kZh}) {
    split(decode_document("One. Two.\n\n\xE8\xAA\xAA\xE3\x80\x82", "warm-up"), {false, lang});
  }
}

PoolOptions pool_options(int jobs, std::size_t total) {
  PoolOptions options;
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  options.jobs = jobs > 0 ? jobs : cores;
  options.window = kWindowPerJob * static_cast<std::size_t>(options.jobs);
  options.total = total;
  options.progress = isatty(STDERR_FILENO) == 1;
  return options;
}

}  // namespace

int run_batch(const std::vector<std::string>& args) {
  std::optional<BatchSettings> settings = parse_batch(args);
  if (!settings) return kExitOk;
  // The manifest is read before the lexicon is loaded, so that a wrong path fails at once.
  std::vector<ManifestLine> lines;
  if (!settings->manifest.empty()) lines = read_manifest(settings->manifest);
  std::optional<JsonLineSource> json_source;
  if (!settings->jsonl.empty()) json_source.emplace(settings->jsonl, *settings);

  const auto lexicon_start = std::chrono::steady_clock::now();
  settings->align.lexicon = settings->input.lexicon();
  const double lexicon_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - lexicon_start).count();

  warm_up_icu();
  RunStats stats;
  if (json_source) {
    stats = run_ordered([&] { return (*json_source)(); }, pool_options(settings->jobs, 0));
  } else {
    stats = run_ordered(manifest_tasks(lines, *settings),
                        pool_options(settings->jobs, lines.size()));
  }
  print_summary(stats, lexicon_seconds);
  if (stats.bugs > 0) return kExitBug;
  return stats.failed > 0 ? kExitPairsFailed : kExitOk;
}

}  // namespace anchoralign::cli
