// Three kinds of thread share one mutex: a reader pulls tasks from the source while fewer
// than `window` are unreported, workers run them, and the calling thread reports finished
// outcomes strictly in order. A slow pair holds back the reports behind it, never the work:
// the workers go on with the rest of the window. The reader has its own thread so that a
// source blocked on input (a pipe) never delays reports of pairs already done.
#include "ordered_pool.h"

#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "anchoralign/error.h"

namespace anchoralign::cli {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A one-line progress bar on standard error, redrawn in place at most ten times a second.
class Progress {
 public:
  Progress(bool enabled, std::size_t total, Clock::time_point start)
      : enabled_(enabled), total_(total), start_(start) {}

  void update(std::size_t done, std::size_t sentences, bool force = false) {
    if (!enabled_) return;
    const Clock::time_point now = Clock::now();
    if (!force && now - drawn_ < std::chrono::milliseconds(100)) return;
    drawn_ = now;
    const double elapsed = seconds_since(start_);
    const double rate = elapsed > 0 ? static_cast<double>(sentences) / elapsed : 0;
    std::string line;
    if (total_ > 0) {
      constexpr std::size_t kWidth = 24;
      const std::size_t filled = std::min(kWidth, done * kWidth / total_);
      line = fmt::format("[{}{}] {}/{} pairs", std::string(filled, '#'),
                         std::string(kWidth - filled, '.'), done, total_);
    } else {
      line = fmt::format("{} pairs", done);
    }
    line += fmt::format("  {:.0f} sentences/s", rate);
    if (total_ > 0 && done > 0 && done < total_) {
      const auto eta = static_cast<long long>(elapsed * static_cast<double>(total_ - done) /
                                              static_cast<double>(done));
      line += fmt::format("  ETA {}:{:02}", eta / 60, eta % 60);
    }
    fmt::print(stderr, "\r{}\033[K", line);
    std::fflush(stderr);
    shown_ = true;
  }

  // Erases the bar so that a message starts on a clean line.
  void clear() {
    if (!shown_) return;
    fmt::print(stderr, "\r\033[K");
    shown_ = false;
  }

  // Leaves the final state on its own line, above the summary.
  void finish(std::size_t done, std::size_t sentences) {
    if (!enabled_) return;
    update(done, sentences, true);
    fmt::print(stderr, "\n");
  }

 private:
  bool enabled_;
  std::size_t total_;
  Clock::time_point start_, drawn_{};
  bool shown_ = false;
};

class Pool {
 public:
  Pool(const TaskSource& next, const PoolOptions& options) : next_(next), options_(options) {}
  RunStats run();

 private:
  void read();
  void work();
  void report(Outcome outcome, RunStats& stats, Progress& progress);

  const TaskSource& next_;
  const PoolOptions& options_;
  std::mutex mutex_;
  std::condition_variable work_ready_, space_free_, outcome_ready_;
  std::deque<std::pair<std::size_t, Task>> queue_;
  std::map<std::size_t, Outcome> finished_;
  std::size_t submitted_ = 0, reported_ = 0, completed_ = 0, completed_sentences_ = 0;
  bool input_done_ = false, output_failed_ = false;
  std::exception_ptr input_error_;
};

void Pool::read() {
  try {
    while (true) {
      {
        std::unique_lock lock(mutex_);
        space_free_.wait(lock, [&] { return submitted_ - reported_ < options_.window; });
      }
      std::optional<Task> task = next_();
      if (!task) break;
      std::lock_guard lock(mutex_);
      queue_.emplace_back(submitted_++, std::move(*task));
      work_ready_.notify_one();
    }
  } catch (...) {
    std::lock_guard lock(mutex_);
    input_error_ = std::current_exception();
  }
  std::lock_guard lock(mutex_);
  input_done_ = true;
  work_ready_.notify_all();
  outcome_ready_.notify_all();
}

Outcome run_task(const Task& task) {
  try {
    return task();
  } catch (const std::exception& error) {
    Outcome outcome;
    outcome.failed = outcome.bug = true;
    outcome.messages = fmt::format(
        "anchoralign: internal error: {}\nPlease report this as a bug.\n", error.what());
    return outcome;
  } catch (...) {
    Outcome outcome;
    outcome.failed = outcome.bug = true;
    outcome.messages =
        "anchoralign: internal error: unknown exception\nPlease report this as a bug.\n";
    return outcome;
  }
}

void Pool::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    work_ready_.wait(lock, [&] { return !queue_.empty() || input_done_; });
    if (queue_.empty()) return;
    auto [index, task] = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    Outcome outcome = run_task(task);
    lock.lock();
    ++completed_;
    completed_sentences_ += outcome.sentences;
    finished_.emplace(index, std::move(outcome));
    outcome_ready_.notify_all();
  }
}

void Pool::report(Outcome outcome, RunStats& stats, Progress& progress) {
  if (!outcome.messages.empty()) {
    progress.clear();
    std::fputs(outcome.messages.c_str(), stderr);
  }
  if (!outcome.output.empty() && !output_failed_) {
    std::cout.write(outcome.output.data(), static_cast<std::streamsize>(outcome.output.size()));
    // Flushed per pair so that a consumer reading the stream sees each result at once.
    std::cout.flush();
    output_failed_ = !std::cout;
  }
  ++stats.pairs;
  stats.failed += outcome.failed ? 1 : 0;
  stats.bugs += outcome.bug ? 1 : 0;
  stats.sentences += outcome.sentences;
  stats.beads += outcome.beads;
}

RunStats Pool::run() {
  const Clock::time_point start = Clock::now();
  Progress progress(options_.progress, options_.total, start);
  std::thread reader(&Pool::read, this);
  std::vector<std::thread> workers;
  for (int k = 0; k < options_.jobs; ++k) workers.emplace_back(&Pool::work, this);

  RunStats stats;
  std::unique_lock lock(mutex_);
  while (true) {
    const auto ready = [&] {
      return finished_.count(reported_) > 0 || (input_done_ && reported_ == submitted_);
    };
    // With a progress bar, wake now and then to move the ETA even while nothing finishes.
    if (options_.progress) {
      outcome_ready_.wait_for(lock, std::chrono::milliseconds(250), ready);
    } else {
      outcome_ready_.wait(lock, ready);
    }
    const auto found = finished_.find(reported_);
    if (found == finished_.end() && input_done_ && reported_ == submitted_) break;
    std::optional<Outcome> outcome;
    if (found != finished_.end()) {
      outcome = std::move(found->second);
      finished_.erase(found);
      ++reported_;
      space_free_.notify_one();
    }
    const std::size_t done = completed_, sentences = completed_sentences_;
    lock.unlock();
    if (outcome) report(std::move(*outcome), stats, progress);
    progress.update(done, sentences);
    lock.lock();
  }
  lock.unlock();
  reader.join();
  for (std::thread& worker : workers) worker.join();
  progress.finish(stats.pairs, stats.sentences);
  stats.seconds = seconds_since(start);
  if (output_failed_) throw InputError("standard output: write failed");
  if (input_error_) std::rethrow_exception(input_error_);
  return stats;
}

}  // namespace

RunStats run_ordered(const TaskSource& next, const PoolOptions& options) {
  Pool pool(next, options);
  return pool.run();
}

}  // namespace anchoralign::cli
