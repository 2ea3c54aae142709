// A small thread pool for `batch`: tasks run out of order on worker threads, their outcomes are
// reported in input order on the calling thread, and at most a window of tasks is read ahead,
// so a stream of any length runs in bounded memory.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace anchoralign::cli {

// What one pair gives back to the reporting thread.
struct Outcome {
  std::string output;    // written to standard output as is
  std::string messages;  // written to standard error as is: errors and warnings, whole lines
  bool failed = false;   // the pair failed; the batch goes on
  bool bug = false;      // the pair failed with an unexpected exception (a bug)
  std::size_t sentences = 0, beads = 0;  // sentences of both sides, beads written
};

using Task = std::function<Outcome()>;
// The next task, or nullopt at the end of the input; runs on a reader thread and may block.
using TaskSource = std::function<std::optional<Task>()>;

struct PoolOptions {
  int jobs = 1;            // worker threads, >= 1
  std::size_t window = 4;  // tasks read but not yet reported, >= 1
  std::size_t total = 0;   // tasks expected, for the progress bar's ETA; 0 when unknown
  bool progress = false;   // draw a progress bar on standard error
};

struct RunStats {
  std::size_t pairs = 0, failed = 0, bugs = 0, sentences = 0, beads = 0;
  double seconds = 0;
};

// Runs the tasks `next` yields and reports each outcome in the order `next` gave them.
// Throws InputError when standard output cannot be written, and rethrows an exception of
// `next` once the tasks read before it are reported.
RunStats run_ordered(const TaskSource& next, const PoolOptions& options);

}  // namespace anchoralign::cli
