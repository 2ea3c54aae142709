// anchoralign: aligns Chinese translations with their English originals, sentence by sentence.
// Arguments -> options, errors -> exit statuses; the work is done by the library.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <boost/program_options/errors.hpp>
#include <fmt/core.h>

#include "anchoralign/error.h"
#include "anchoralign/lexicon.h"
#include "commands.h"

namespace {

constexpr const char* kUsage =
    "Usage: anchoralign COMMAND [options] ...\n"
    "\n"
    "Aligns a Chinese translation with its English original (or the reverse), sentence by\n"
    "sentence, and writes the pairs as TMX, TSV, JSON Lines or a ladder file.\n"
    "\n"
    "Commands:\n"
    "  align SOURCE TARGET [-o FILE] [-f FORMAT]   align two texts\n"
    "  split FILE [-o FILE]                        print one sentence per line\n"
    "  lexicon train [--tmx F] [--tsv F] [--parallel ZH EN] -o LEXICON\n"
    "                                              learn a lexicon from aligned data\n"
    "  check ORIGINAL TRANSLATION [--html FILE]    report omissions, additions, coverage\n"
    "  batch MANIFEST | --jsonl FILE               align many pairs on all cores\n"
    "\n"
    "Run 'anchoralign COMMAND --help' for a command's options.\n"
    "Options: --help, --version\n";

void print_version() {
  fmt::print("anchoralign {}\n", ANCHORALIGN_VERSION);
  const std::string lexicon = anchoralign::find_default_lexicon();
  if (lexicon.empty()) {
    fmt::print("lexicon: none found (alignment by length and anchors)\n");
  } else {
    fmt::print("lexicon: {} (CC-CEDICT, CC BY-SA 4.0, MDBG)\n", lexicon);
  }
}

int dispatch(const std::vector<std::string>& args) {
  using namespace anchoralign::cli;
  if (args.empty()) {
    fmt::print(stderr, "{}", kUsage);
    return kExitUsage;
  }
  const std::string& command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    fmt::print("{}", kUsage);
    return kExitOk;
  }
  if (command == "--version" || command == "-V") {
    print_version();
    return kExitOk;
  }
  if (command == "align") return run_align(rest);
  if (command == "split") return run_split(rest);
  if (command == "lexicon") return run_lexicon(rest);
  if (command == "check") return run_check(rest);
  if (command == "batch") return run_batch(rest);
  fmt::print(stderr, "anchoralign: unknown command '{}'\n\n{}", command, kUsage);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace anchoralign::cli;
  try {
    return dispatch(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const boost::program_options::error& error) {
    fmt::print(stderr, "anchoralign: {}\nRun 'anchoralign --help' for usage.\n", error.what());
    return kExitUsage;
  } catch (const anchoralign::Error& error) {
    fmt::print(stderr, "anchoralign: {}\n", error.what());
    return kExitUsage;
  } catch (const std::exception& error) {
    fmt::print(stderr, "anchoralign: internal error: {}\nPlease report this as a bug.\n", error.what());
    return kExitBug;
  }
}
