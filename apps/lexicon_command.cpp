// `lexicon train`: learns a lexicon from TMX, TSV and parallel files and writes it as TSV.
#include <filesystem>
#include <optional>

#include <fmt/core.h>

#include "anchoralign/error.h"
#include "anchoralign/train.h"
#include "cli.h"
#include "commands.h"

namespace anchoralign::cli {
namespace po = boost::program_options;
namespace {

constexpr const char* kLexiconUsage =
    "Usage: anchoralign lexicon train [--tmx FILE]... [--tsv FILE]... [--parallel ZH EN]... "
    "-o LEXICON\n";

// Everything `lexicon train` was asked to do, checked before any file is read.
struct TrainRequest {
  std::vector<std::string> tmx, tsv, parallel;  // parallel: ZH, EN, ZH, EN...
  std::vector<std::string> lexicons;            // headwords that segment the Chinese side
  bool no_lexicon = false;
  std::string output;
  TrainOptions options;
};

// Moves each "--parallel ZH EN" out of *args: the option takes exactly two values, which
// program_options cannot express.
std::vector<std::string> take_parallel(std::vector<std::string>* args) {
  std::vector<std::string> files, rest;
  for (std::size_t i = 0; i < args->size(); ++i) {
    if ((*args)[i] != "--parallel") {
      rest.push_back((*args)[i]);
      continue;
    }
    if (i + 2 >= args->size()) {
      throw OptionError("--parallel needs two files: ZH EN");
    }
    for (std::size_t k = i + 1; k <= i + 2; ++k) {
      const std::string& value = (*args)[k];
      if (value.starts_with("-") && value != "-") {
        throw OptionError("--parallel needs two files: ZH EN");
      }
      files.push_back(value);
    }
    i += 2;
  }
  *args = std::move(rest);
  return files;
}

std::optional<TrainRequest> parse_train(std::vector<std::string> args) {
  TrainRequest request;
  request.parallel = take_parallel(&args);
  po::options_description visible(
      std::string(kLexiconUsage) +
      "\nLearns Chinese word -> English lemma translations (IBM Model 1) "
      "from aligned data\nand writes a TSV lexicon for 'align --lexicon'."
      "\n\nOptions");
  bool parallel_help = false;  // listed for --help; the values were taken out above
  // clang-format off
  visible.add_options()
      ("tmx", po::value(&request.tmx)->composing(), "TMX file: <tu> with a zh* and an en* <tuv> (repeatable)")
      ("tsv", po::value(&request.tsv)->composing(), "TSV file: 中文<TAB>english or english<TAB>中文 per line (repeatable)")
      ("parallel", po::bool_switch(&parallel_help), "ZH EN: line i of ZH translates line i of EN (repeatable)")
      ("output,o", po::value(&request.output), "the lexicon to write ('-': standard output)")
      ("lexicon", po::value(&request.lexicons)->composing(), "headwords that segment the Chinese side (repeatable); default: the installed CC-CEDICT")
      ("no-lexicon", po::bool_switch(&request.no_lexicon), "segment the Chinese side into single characters")
      ("iterations", po::value(&request.options.iterations), "EM iterations in each direction, 1-100 (default 5)")
      ("min-cooccurrence", po::value(&request.options.min_cooccurrence), "pairs a word and a lemma must share (default 2)")
      ("min-association", po::value(&request.options.min_association), "log-likelihood ratio (G2) a word and a lemma must reach; 0 off (default 10.83: p < 0.001)")
      ("min-weight", po::value(&request.options.min_weight), "drop translations weighing less, in (0, 1] (default 0.1)")
      ("max-translations", po::value(&request.options.max_translations), "translations kept per Chinese word, 1-100 (default 3)")
      ("help,h", "show this help");
  // clang-format on
  if (!parse_command_line(args, visible, po::options_description(),
                          po::positional_options_description())) {
    return std::nullopt;
  }
  if (request.tmx.empty() && request.tsv.empty() && request.parallel.empty()) {
    throw OptionError("lexicon train needs training data: --tmx, --tsv or --parallel ZH EN");
  }
  if (request.output.empty()) throw OptionError("lexicon train needs -o LEXICON");
  validate(request.options);
  return request;
}

std::vector<SentencePair> read_pairs(const TrainRequest& request, std::size_t* files) {
  std::vector<SentencePair> pairs;
  const auto append = [&](std::vector<SentencePair> more) {
    pairs.insert(pairs.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
    ++*files;
  };
  for (const std::string& path : request.tmx) append(read_tmx_pairs(path));
  for (const std::string& path : request.tsv) append(read_tsv_pairs(path));
  for (std::size_t i = 0; i + 1 < request.parallel.size(); i += 2) {
    append(read_parallel_pairs(request.parallel[i], request.parallel[i + 1]));
  }
  return pairs;
}

// The header of the written lexicon: how it was made, so that it can be made again.
std::string describe(const TrainRequest& request, std::size_t pairs) {
  std::string inputs;
  for (const std::string& path : request.tmx) inputs += " --tmx " + path;
  for (const std::string& path : request.tsv) inputs += " --tsv " + path;
  for (std::size_t i = 0; i + 1 < request.parallel.size(); i += 2) {
    inputs += " --parallel " + request.parallel[i] + " " + request.parallel[i + 1];
  }
  std::string segmentation = "single characters";
  if (!request.options.segmentation.empty()) {
    std::vector<std::string> names = request.lexicons;
    if (names.empty()) names.push_back(find_default_lexicon());
    segmentation = "longest match on the headwords of";
    for (const std::string& name : names) {
      segmentation += " " + std::filesystem::path(name).filename().string();
    }
  }
  const TrainOptions& options = request.options;
  return fmt::format(
      "Made by anchoralign {} lexicon train{}\n"
      "{} sentence pairs; Chinese segmented by {}.\n"
      "IBM Model 1 with a NULL word, {} EM iterations each way; weight = sqrt(t(en|zh) t(zh|en)),\n"
      "kept when >= {}, shared by >= {} pairs with G2 >= {}, at most {} per word.\n"
      "chinese<TAB>english lemma<TAB>weight",
      ANCHORALIGN_VERSION, inputs, pairs, segmentation, options.iterations, options.min_weight,
      options.min_cooccurrence, options.min_association, options.max_translations);
}

int run_train(const std::vector<std::string>& args) {
  std::optional<TrainRequest> request = parse_train(args);
  if (!request) return kExitOk;
  // Load the segmentation lexicon first: a missing file fails before the long read.
  request->options.segmentation = load_lexicon(request->lexicons, request->no_lexicon);
  std::size_t files = 0;
  const std::vector<SentencePair> pairs = read_pairs(*request, &files);
  if (pairs.empty()) {
    throw InputError("no sentence pairs with both Chinese and English text in the input");
  }
  const std::vector<LexiconEntry> entries = train_lexicon(pairs, request->options);
  AtomicOutput out(request->output);
  write_lexicon(out.stream(), entries, describe(*request, pairs.size()));
  out.commit();
  std::size_t words = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    words += i == 0 || entries[i].chinese != entries[i - 1].chinese;
  }
  fmt::print(stderr,
             "anchoralign: {} sentence pairs from {} files: {} translations of {} Chinese words\n",
             pairs.size(), files, entries.size(), words);
  return kExitOk;
}

}  // namespace

int run_lexicon(const std::vector<std::string>& args) {
  if (args.empty() || args.front() == "--help" || args.front() == "-h") {
    fmt::print(args.empty() ? stderr : stdout,
               "{}Run 'anchoralign lexicon train --help' for the options.\n", kLexiconUsage);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args.front() == "train") return run_train({args.begin() + 1, args.end()});
  throw OptionError("unknown lexicon subcommand '" + args.front() + "'; known: train");
}

}  // namespace anchoralign::cli
