// The subcommands of the anchoralign command line; each returns the process exit status.
#pragma once

#include <string>
#include <vector>

#include "anchoralign/lexicon.h"

namespace anchoralign::cli {

// Exit statuses fixed by docs/CLI.md.
constexpr int kExitOk = 0;
constexpr int kExitCheckFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitBug = 70;

int run_align(const std::vector<std::string>& args);

// The lexicon for a run: none with --no-lexicon, else the files given, else the default
// one (saying once on stderr when there is none).
Lexicon load_lexicon(std::vector<std::string> paths, bool none);
int run_split(const std::vector<std::string>& args);

}  // namespace anchoralign::cli
