// The subcommands of the anchoralign command line; each returns the process exit status.
#pragma once

#include <string>
#include <vector>


namespace anchoralign::cli {

// Exit statuses fixed by docs/CLI.md.
constexpr int kExitOk = 0;
constexpr int kExitCheckFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitBug = 70;

int run_align(const std::vector<std::string>& args);
int run_split(const std::vector<std::string>& args);
int run_lexicon(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_batch(const std::vector<std::string>& args);

}  // namespace anchoralign::cli
