// Stage and whole-document benchmarks. Documents of growing size are built by repeating the
// mac-dev corpus (read from ../shared/corpora, never copied into the project), so time per
// sentence can be compared across sizes: the search is banded, so it should stay flat.
// Results and profiles: docs/performance.md.
//
//   cmake -B build -DANCHORALIGN_BUILD_BENCH=ON && cmake --build build &&
//   build/bench/anchoralign_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "anchoralign/lexicon.h"
#include "anchoralign/pipeline.h"
#include "lexicon/lexicon.h"

namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The concatenated src (or tgt) side of mac-dev, falling back to the bundled sample.
const std::string& corpus_side(bool target) {
  static const std::array<std::string, 2> texts = [] {
    std::array<std::string, 2> sides;
    const fs::path corpus = fs::path(ANCHORALIGN_CORPORA) / "mac-dev";
    if (fs::exists(corpus / "src")) {
      for (int side = 0; side < 2; ++side) {
        for (int doc = 1; doc <= 6; ++doc) {
          sides[side] += read_all(corpus / (side ? "tgt" : "src") / ("00" + std::to_string(doc)));
        }
      }
    } else {
      sides[0] = read_all(fs::path(ANCHORALIGN_SOURCE_DIR) / "samples/harbour.zh.txt");
      sides[1] = read_all(fs::path(ANCHORALIGN_SOURCE_DIR) / "samples/harbour.en.txt");
    }
    return sides;
  }();
  return texts[target];
}

anchoralign::SplitText presplit_repeated(bool target, int sentences) {
  std::string text;
  const std::string& side = corpus_side(target);
  while (static_cast<int>(std::count(text.begin(), text.end(), '\n')) < sentences) text += side;
  anchoralign::SplitOptions options;
  options.presplit = true;
  return anchoralign::split(anchoralign::decode_document(text, target ? "tgt" : "src"), options);
}

void BM_Split(benchmark::State& state) {
  const std::string& text = corpus_side(false);
  for (auto _ : state) {
    benchmark::DoNotOptimize(anchoralign::split(anchoralign::decode_document(text, "src")));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Split)->Unit(benchmark::kMillisecond);

// Aligns mac-dev repeated to state.range(0) source sentences (and the target in proportion).
void align_repeated(benchmark::State& state, const anchoralign::AlignOptions& options) {
  const auto source = presplit_repeated(false, static_cast<int>(state.range(0)));
  const auto target = presplit_repeated(true, static_cast<int>(state.range(0) * 1947 / 1444));
  for (auto _ : state) benchmark::DoNotOptimize(anchoralign::align(source, target, options));
  state.counters["sentences"] =
      static_cast<double>(source.sentences.size() + target.sentences.size());
  state.counters["us_per_sentence"] = benchmark::Counter(
      static_cast<double>(source.sentences.size() + target.sentences.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_Align(benchmark::State& state) { align_repeated(state, anchoralign::AlignOptions{}); }
BENCHMARK(BM_Align)->Arg(1444)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond);

// The default lexicon's path; "" after marking the benchmark skipped when there is none.
std::string default_lexicon_or_skip(benchmark::State& state) {
  std::string path = anchoralign::find_default_lexicon();
  if (path.empty()) state.SkipWithError("no default lexicon: run scripts/fetch-lexicon.sh");
  return path;
}

// The default lexicon (scripts/fetch-lexicon.sh), loaded once: the per-document cost of the
// lexical score, without the cost of loading.
void BM_AlignLexicon(benchmark::State& state) {
  const std::string path = default_lexicon_or_skip(state);
  if (path.empty()) return;
  anchoralign::AlignOptions options;
  options.lexicon = anchoralign::Lexicon::load({path});
  align_repeated(state, options);
}
BENCHMARK(BM_AlignLexicon)->Arg(1444)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond);

// Loading the default lexicon from its text, as on a first run (no cache).
void BM_LoadLexicon(benchmark::State& state) {
  const std::string path = default_lexicon_or_skip(state);
  if (path.empty()) return;
  for (auto _ : state) {
    anchoralign::detail::Lexicon lexicon;
    lexicon.load(path);
    benchmark::DoNotOptimize(lexicon.entry_count());
  }
}
BENCHMARK(BM_LoadLexicon)->Unit(benchmark::kMillisecond);

// Loading the default lexicon from its binary cache, as on every later run.
void BM_LoadLexiconCached(benchmark::State& state) {
  const std::string path = default_lexicon_or_skip(state);
  if (path.empty()) return;
  const fs::path folder = fs::temp_directory_path() / "anchoralign-bench-cache";
  anchoralign::detail::Lexicon().load_cached(path, folder);  // writes the cache
  for (auto _ : state) {
    anchoralign::detail::Lexicon lexicon;
    if (!lexicon.load_cached(path, folder)) state.SkipWithError("the cache was not used");
    benchmark::DoNotOptimize(lexicon.entry_count());
  }
  std::error_code ignored;
  fs::remove_all(folder, ignored);
}
BENCHMARK(BM_LoadLexiconCached)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
