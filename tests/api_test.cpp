// The public API's promises (include/anchoralign/*.h): one loaded Lexicon serves concurrent
// aligns with the results of sequential ones; every validate() rejects each field out of its
// range, and the entry points call it; errors carry the file and position they name.
// Run under ThreadSanitizer by scripts/ci-tsan.sh.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "anchoralign/check.h"
#include "anchoralign/error.h"
#include "anchoralign/io.h"
#include "anchoralign/lexicon.h"
#include "anchoralign/pipeline.h"
#include "anchoralign/train.h"

namespace anchoralign {
namespace {

namespace fs = std::filesystem;

const std::string kSamples = std::string(ANCHORALIGN_SOURCE_DIR) + "/samples/";
const fs::path kCorpora = fs::path(ANCHORALIGN_SOURCE_DIR) / ".." / "shared" / "corpora";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A folder of its own in the temporary folder, removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / ("anchoralign_api_" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return (path / name).string();
  }
};

// The installed CC-CEDICT when there is one, else a few words of the sample texts. The file
// has a fixed path, so that the lexicon cache keeps one entry for it, not one per run.
Lexicon load_shared_lexicon() {
  const std::string found = find_default_lexicon();
  if (!found.empty()) return Lexicon::load({found});
  const fs::path path = fs::temp_directory_path() / "anchoralign_api_lexicon.tsv";
  std::ofstream(path, std::ios::binary)
      << "桥\tbridge\n港口\tharbour\n渔民\tfisherman\n渡轮\tferry\n市长\tmayor\n"
         "居民\tresident\n工程师\tengineer\n钢\tsteel\n自行车\tbicycle\n海湾\tbay\n";
  return Lexicon::load({path.string()});
}

// One job for a thread: two texts as raw bytes, to be decoded, split, aligned and written.
struct PairJob {
  std::string name, source, target;
  bool presplit = false;
};

// The sample pair without its paragraph `drop` on the English side (a different alignment,
// with omissions), for when the corpora are not beside the checkout.
std::string without_paragraph(const std::string& text, int drop) {
  std::string result;
  int paragraph = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find("\n\n", begin);
    end = end == std::string::npos ? text.size() : end + 2;
    if (paragraph++ != drop) result += text.substr(begin, end - begin);
    begin = end;
  }
  return result;
}

// Eight different pairs: the sample, then the development corpora (presplit), then variants
// of the sample.
std::vector<PairJob> pair_jobs() {
  const std::string en = read_file(kSamples + "harbour.en.txt");
  const std::string zh = read_file(kSamples + "harbour.zh.txt");
  std::vector<PairJob> jobs = {{"harbour", en, zh, false}};
  for (const char* corpus : {"mac-dev", "aca"}) {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(kCorpora / corpus / "src", error)) {
      if (jobs.size() == 8) break;
      const fs::path target = kCorpora / corpus / "tgt" / entry.path().filename();
      jobs.push_back({entry.path().string(), read_file(entry.path()), read_file(target), true});
    }
  }
  for (int drop = 1; jobs.size() < 8; ++drop) {
    jobs.push_back({"harbour-" + std::to_string(drop), without_paragraph(en, drop), zh, false});
  }
  return jobs;
}

struct JobResult {
  Alignment alignment;
  std::string tsv;
};

JobResult run_job(const PairJob& job, const AlignOptions& options) {
  SplitOptions split_options;
  split_options.presplit = job.presplit;
  const SplitText source = split(decode_document(job.source, job.name + ".src"), split_options);
  const SplitText target = split(decode_document(job.target, job.name + ".tgt"), split_options);
  JobResult result{align(source, target, options), ""};
  std::ostringstream out;
  write_tsv(out, source, target, result.alignment);
  result.tsv = out.str();
  return result;
}

bool same_beads(const Alignment& a, const Alignment& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    // Scores too, exactly: the same inputs must give the same bits on every thread.
    if (a[k].src_begin != b[k].src_begin || a[k].src_len != b[k].src_len ||
        a[k].tgt_begin != b[k].tgt_begin || a[k].tgt_len != b[k].tgt_len ||
        a[k].score != b[k].score) {
      return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("One Lexicon shared by 8 concurrent aligns gives the sequential results",
          "[api][threads]") {
  AlignOptions options;
  options.lexicon = load_shared_lexicon();
  REQUIRE(options.lexicon.entries() >= 10);
  const std::vector<PairJob> jobs = pair_jobs();
  REQUIRE(jobs.size() == 8);

  std::vector<JobResult> expected;
  for (const PairJob& job : jobs) expected.push_back(run_job(job, options));
  for (std::size_t k = 1; k < jobs.size(); ++k) {
    // Eight different alignments, or the comparison below proves little.
    REQUIRE(expected[k].tsv != expected[k - 1].tsv);
  }

  // Thread t aligns pair t, then pair t + 1: every pair is aligned by two threads, sometimes
  // at the same time. Catch2's macros are not thread-safe, so threads only record.
  const std::size_t n = jobs.size();
  std::vector<JobResult> first(n), second(n);
  std::vector<std::exception_ptr> errors(n);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < n; ++t) {
    threads.emplace_back([&, t] {
      try {
        first[t] = run_job(jobs[t], options);
        second[t] = run_job(jobs[(t + 1) % n], options);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t t = 0; t < n; ++t) {
    INFO("thread " << t << ": " << jobs[t].name);
    if (errors[t]) std::rethrow_exception(errors[t]);
    REQUIRE(same_beads(first[t].alignment, expected[t].alignment));
    REQUIRE(first[t].tsv == expected[t].tsv);
    REQUIRE(same_beads(second[t].alignment, expected[(t + 1) % n].alignment));
    REQUIRE(second[t].tsv == expected[(t + 1) % n].tsv);
  }
}

namespace {

// One rule of a validate(): a change that breaks it and what the message must say.
template <typename Options>
struct BadField {
  const char* what;
  std::function<void(Options&)> change;
  std::vector<std::string> message_parts;  // the field's name, the value given...
};

template <typename Options>
void require_rejected(const std::vector<BadField<Options>>& table) {
  REQUIRE_NOTHROW(validate(Options{}));  // the defaults are valid
  for (const BadField<Options>& row : table) {
    INFO(row.what);
    Options options;
    row.change(options);
    REQUIRE_THROWS_AS(validate(options), OptionError);
    try {
      validate(options);
    } catch (const OptionError& error) {
      for (const std::string& part : row.message_parts) {
        CHECK_THAT(error.what(), Catch::Contains(part));
      }
    }
  }
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST_CASE("validate(ReadOptions) rejects each field out of range", "[api][options]") {
  require_rejected<ReadOptions>({
      {"empty encoding", [](auto& o) { o.encoding = ""; }, {"encoding"}},
      {"on_invalid past kReplace",
       [](auto& o) { o.on_invalid = static_cast<InvalidBytes>(2); }, {"on_invalid", "got 2"}},
      {"negative on_invalid",
       [](auto& o) { o.on_invalid = static_cast<InvalidBytes>(-1); }, {"on_invalid", "got -1"}},
      {"format past kHtml", [](auto& o) { o.format = static_cast<InputFormat>(4); },
       {"format", "got 4"}},
  });
}

TEST_CASE("Option values by name, as the command line and the bindings spell them",
          "[api][options]") {
  CHECK(parse_invalid_bytes("error", "x") == InvalidBytes::kError);
  CHECK(parse_invalid_bytes("replace", "x") == InvalidBytes::kReplace);
  CHECK(parse_input_format("auto", "x") == InputFormat::kAuto);
  CHECK(parse_input_format("text", "x") == InputFormat::kText);
  CHECK(parse_input_format("markdown", "x") == InputFormat::kMarkdown);
  CHECK(parse_input_format("html", "x") == InputFormat::kHtml);
  CHECK(parse_lang("zh", "x") == Lang::kZh);
  CHECK(parse_lang("en", "x") == Lang::kEn);
  CHECK(parse_lang("auto", "x") == Lang::kUnknown);
  CHECK_THROWS_WITH(parse_invalid_bytes("ignore", "--on-invalid"),
                    "--on-invalid must be error or replace, not 'ignore'");
  CHECK_THROWS_WITH(parse_input_format("pdf", "input_format"),
                    "input_format must be auto, text, markdown or html, not 'pdf'");
  CHECK_THROWS_AS(parse_lang("fr", "--lang"), OptionError);
  CHECK_THROWS_AS(parse_lang("", "--lang"), OptionError);
  CHECK_THROWS_AS(parse_input_format("Text", "x"), OptionError);  // names are exact
}

TEST_CASE("validate(SplitOptions) rejects a language outside the enum", "[api][options]") {
  require_rejected<SplitOptions>({
      {"lang 3", [](auto& o) { o.lang = static_cast<Lang>(3); }, {"lang", "got 3"}},
      {"lang -1", [](auto& o) { o.lang = static_cast<Lang>(-1); }, {"lang", "got -1"}},
  });
  for (const Lang lang : {Lang::kUnknown, Lang::kZh, Lang::kEn}) {
    REQUIRE_NOTHROW(validate(SplitOptions{true, lang}));
  }
}

TEST_CASE("validate(AlignOptions) rejects each field out of range", "[api][options]") {
  require_rejected<AlignOptions>({
      {"min_band 3", [](auto& o) { o.min_band = 3; }, {"min_band", "[4, 1000000]", "got 3"}},
      {"min_band 1000001", [](auto& o) { o.min_band = 1000001; }, {"min_band", "got 1000001"}},
      {"negative min_band", [](auto& o) { o.min_band = -5; }, {"min_band", "got -5"}},
      {"bead side 5", [](auto& o) { o.bead_types.push_back({5, 1}); }, {"bead_types", "5-1"}},
      {"negative bead side", [](auto& o) { o.bead_types.push_back({1, -1}); },
       {"bead_types", "1--1"}},
      {"0-0 bead", [](auto& o) { o.bead_types.push_back({0, 0}); }, {"bead_types", "0-0"}},
      {"no 1-1", [](auto& o) { o.bead_types = {{1, 0}, {0, 1}, {1, 2}}; }, {"bead_types", "1-1"}},
      {"no 1-0", [](auto& o) { o.bead_types = {{0, 1}, {1, 1}}; }, {"bead_types", "1-0"}},
      {"no 0-1", [](auto& o) { o.bead_types = {{1, 0}, {1, 1}}; }, {"bead_types", "0-1"}},
      {"empty bead list", [](auto& o) { o.bead_types.clear(); }, {"bead_types"}},
      // Former bugs: the search numbers bead types in one byte, so 300 entries overflowed it.
      {"1-2 twice", [](auto& o) { o.bead_types.push_back({1, 2}); },
       {"bead_types", "1-2", "twice"}},
      {"300 repeats", [](auto& o) { o.bead_types.assign(300, {1, 1}); }, {"bead_types", "twice"}},
  });
  AlignOptions edges;
  for (const int band : {4, 1000000}) {
    edges.min_band = band;
    REQUIRE_NOTHROW(validate(edges));
  }
  edges.bead_types = {{1, 0}, {0, 1}, {1, 1}, {4, 4}, {0, 4}};
  REQUIRE_NOTHROW(validate(edges));
}

TEST_CASE("validate(WriteOptions) rejects each field out of range", "[api][options]") {
  require_rejected<WriteOptions>({
      {"min_score above 1", [](auto& o) { o.min_score = 1.5; }, {"min_score", "got 1.5"}},
      {"negative min_score", [](auto& o) { o.min_score = -0.25; }, {"min_score", "got -0.25"}},
      {"NaN min_score", [](auto& o) { o.min_score = kNaN; }, {"min_score", "got nan"}},
      {"year 10000", [](auto& o) { o.creation_time = 253402300800; },
       {"creation_time", "got 253402300800"}},
      {"year -1", [](auto& o) { o.creation_time = -62167219201; },
       {"creation_time", "got -62167219201"}},
  });
  WriteOptions edges;
  for (const double score : {0.0, 1.0}) {
    edges.min_score = score;
    REQUIRE_NOTHROW(validate(edges));
  }
  for (const std::int64_t time : {WriteOptions::kMinCreationTime, std::int64_t{-1},
                                  WriteOptions::kMaxCreationTime}) {
    edges.creation_time = time;
    REQUIRE_NOTHROW(validate(edges));
  }
}

TEST_CASE("validate(CheckOptions) and validate(TrainOptions) reject each field out of range",
          "[api][options]") {
  require_rejected<CheckOptions>({
      {"low_score above 1", [](auto& o) { o.low_score = 2; }, {"low_score", "got 2"}},
      {"negative low_score", [](auto& o) { o.low_score = -0.5; }, {"low_score", "got -0.5"}},
      {"NaN low_score", [](auto& o) { o.low_score = kNaN; }, {"low_score"}},
  });
  require_rejected<TrainOptions>({
      {"iterations 0", [](auto& o) { o.iterations = 0; }, {"iterations", "got 0"}},
      {"iterations 101", [](auto& o) { o.iterations = 101; }, {"iterations", "got 101"}},
      {"min_cooccurrence 0", [](auto& o) { o.min_cooccurrence = 0; }, {"min_cooccurrence"}},
      {"min_cooccurrence 1000001", [](auto& o) { o.min_cooccurrence = 1000001; },
       {"min_cooccurrence", "got 1000001"}},
      {"negative min_association", [](auto& o) { o.min_association = -1; },
       {"min_association", "got -1"}},
      {"NaN min_association", [](auto& o) { o.min_association = kNaN; }, {"min_association"}},
      {"min_weight 0", [](auto& o) { o.min_weight = 0; }, {"min_weight", "(0, 1]", "got 0"}},
      {"min_weight 1.5", [](auto& o) { o.min_weight = 1.5; }, {"min_weight", "got 1.5"}},
      {"max_translations 0", [](auto& o) { o.max_translations = 0; }, {"max_translations"}},
      {"max_translations 101", [](auto& o) { o.max_translations = 101; },
       {"max_translations", "got 101"}},
  });
}

TEST_CASE("The entry points validate their options before doing anything", "[api][options]") {
  const Document en{"en.txt", "One. Two.", Lang::kEn, "UTF-8"};
  const Document zh{"zh.txt", "一。二。", Lang::kZh, "UTF-8"};
  const SplitText source = split(en), target = split(zh);
  const Alignment alignment = align(source, target);

  ReadOptions read;
  read.format = static_cast<InputFormat>(9);
  REQUIRE_THROWS_AS(decode_document("One.", "x.txt", read), OptionError);
  REQUIRE_THROWS_AS(split(en, SplitOptions{false, static_cast<Lang>(5)}), OptionError);
  AlignOptions narrow;
  narrow.min_band = 2;
  REQUIRE_THROWS_AS(align(source, target, narrow), OptionError);
  WriteOptions write;
  write.min_score = 2;
  std::ostringstream out;
  REQUIRE_THROWS_AS(write_tmx(out, source, target, alignment, write), OptionError);
  REQUIRE(out.str().empty());  // nothing written before the check
  CheckOptions check_options;
  check_options.low_score = -1;
  REQUIRE_THROWS_AS(check(source, target, alignment, check_options), OptionError);
  TrainOptions train;
  train.iterations = 0;
  REQUIRE_THROWS_AS(train_lexicon({{"一", "one"}}, train), OptionError);
}

namespace {

// The InputError `action` throws (a copy: the position must survive copying).
template <typename Action>
InputError thrown_by(Action action) {
  try {
    action();
  } catch (const InputError& error) {
    return error;
  }
  FAIL("no anchoralign::InputError thrown");
  return InputError("unreachable");
}

}  // namespace

TEST_CASE("Errors carry the file and position they name", "[api][errors]") {
  static_assert(std::is_nothrow_copy_constructible_v<InputError>);
  const TempDir dir("errors");
  ReadOptions utf8;
  utf8.encoding = "UTF-8";

  SECTION("an invalid byte: file, line and byte offset") {
    // Bytes 0-5 are "ab\ncd\n"; the invalid 0xFF is byte 6, on line 3.
    const Error error = thrown_by([&] { decode_document("ab\ncd\n\xff", "in.txt", utf8); });
    REQUIRE(error.file() == "in.txt");
    REQUIRE(error.line() == 3);
    REQUIRE(error.byte_offset() == 6);
    REQUIRE_THAT(error.what(), Catch::Contains("in.txt") && Catch::Contains("byte 6"));
  }
  SECTION("a NUL byte in auto mode") {
    const Error error = thrown_by([&] { decode_document(std::string("abc\nd\0e", 7), "bin.txt"); });
    REQUIRE(error.file() == "bin.txt");
    REQUIRE(error.line() == 2);
    REQUIRE(error.byte_offset() == 5);
  }
  SECTION("an unreadable file: the file, no position") {
    const std::string missing = (dir.path / "missing.txt").string();
    const Error error = thrown_by([&] { read_document(missing); });
    REQUIRE(error.file() == missing);
    REQUIRE(error.line() == 0);
    REQUIRE(error.byte_offset() == Error::kNoOffset);
  }
  SECTION("a malformed lexicon line") {
    const std::string path = dir.write("bad.tsv", "# words\n桥\tbridge\n港口\tharbour\t7\n");
    const Error error = thrown_by([&] { Lexicon::load({path}); });
    REQUIRE(error.file() == path);
    REQUIRE(error.line() == 3);
  }
  SECTION("a training file line without a tab") {
    const std::string path = dir.write("pairs.tsv", "桥\tbridge\n\nno tab here\n");
    const Error error = thrown_by([&] { read_tsv_pairs(path); });
    REQUIRE(error.file() == path);
    REQUIRE(error.line() == 3);
  }
  SECTION("errors without a position say so") {
    const OptionError error("min_band must be in [4, 1000000], got 2");
    REQUIRE(error.file().empty());
    REQUIRE(error.line() == 0);
    REQUIRE(error.byte_offset() == Error::kNoOffset);
  }
}

}  // namespace anchoralign
