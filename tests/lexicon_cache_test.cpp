// Tests of the binary lexicon cache (lib/lexicon/lexicon_cache.cpp): the same tables back,
// stale and damaged caches rebuilt, unwritable folders tolerated; and of the ICU start-up
// shortcuts of lib/text/normalize.cpp that the cached lexicon relies on.
#include "lexicon/lexicon_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "anchoralign/error.h"
#include "lexicon/lexicon.h"
#include "text/normalize.h"

using anchoralign::detail::ByteReader;
using anchoralign::detail::ByteWriter;
using anchoralign::detail::Lexicon;
using anchoralign::detail::lexicon_cache_file;
using anchoralign::detail::segment_chinese;
using Strings = std::vector<std::string>;

namespace {

namespace fs = std::filesystem;

// The English lemmas of a headword, sorted, as "lemma:weight".
Strings readings(const Lexicon& lexicon, std::string_view chinese) {
  Strings result;
  for (const auto& translation : lexicon.translations(chinese)) {
    std::ostringstream out;
    out << lexicon.lemma(translation.lemma) << ':' << translation.weight;
    result.push_back(out.str());
  }
  std::sort(result.begin(), result.end());
  return result;
}

Strings words(std::string_view text, const Lexicon& lexicon) {
  Strings result;
  for (std::string_view word : segment_chinese(text, lexicon)) result.emplace_back(word);
  return result;
}

// A fresh folder in the system's temporary folder, removed with its content at the end;
// named after the process, since ctest runs test cases side by side.
struct TempFolder {
  fs::path path;
  explicit TempFolder(const std::string& name)
      : path(fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempFolder() {
    std::error_code ignored;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(path, ignored);
  }
};

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// `bytes` with the lowest bit of bytes[at] flipped.
std::string flipped(std::string bytes, std::size_t at) {
  if (at < bytes.size()) bytes[at] = static_cast<char>(bytes[at] ^ 1);
  return bytes;
}

// A lexicon's flat tables: equal tables, equal lexicons.
std::string tables(const Lexicon& lexicon) {
  ByteWriter out;
  lexicon.save(out);
  return out.bytes();
}

const std::string kCacheLexicon =
    "# test\n北京\tPeking; Beijing\n大学\tuniversity; college\t0.5\n北京大学\tPeking University\n"
    "我们\twe\n学习\tto study; learning\n大学\tcampus\n";

// A lexicon file in a temporary folder, and the lexicon parsed from it.
struct CacheFixture {
  TempFolder folder{"anchoralign-lexicon-cache"};
  fs::path source = folder.path / "words.tsv";
  fs::path cache = folder.path / "cache";
  Lexicon parsed;
  CacheFixture() {
    write_file(source, kCacheLexicon);
    parsed.load(source.string());
  }
  fs::path cache_file() const { return lexicon_cache_file(cache, source.string()); }
};

}  // namespace

TEST_CASE("The lexicon cache gives back the parsed tables while it matches the file", "[lexicon]") {
  CacheFixture fixture;
  Lexicon first, second;
  CHECK_FALSE(first.load_cached(fixture.source.string(), fixture.cache));  // writes the cache
  REQUIRE(fs::is_regular_file(fixture.cache_file()));
  CHECK(second.load_cached(fixture.source.string(), fixture.cache));
  CHECK(tables(first) == tables(fixture.parsed));
  CHECK(tables(second) == tables(fixture.parsed));
  CHECK(readings(second, "大学") == Strings{"campus:1", "college:0.5", "university:0.5"});
  CHECK(words("我们在北京大学学习", second) == Strings{"我们", "在", "北京大学", "学习"});

  // Stale: another content and time stamp (moved on explicitly, for coarse file systems).
  write_file(fixture.source, kCacheLexicon + "城市\tcity\n");
  fs::last_write_time(fixture.source,
                      fs::last_write_time(fixture.source) + std::chrono::seconds(2));
  Lexicon third, fourth;
  CHECK_FALSE(third.load_cached(fixture.source.string(), fixture.cache));
  CHECK(readings(third, "城市") == Strings{"city:1"});
  CHECK(fourth.load_cached(fixture.source.string(), fixture.cache));
  CHECK(tables(fourth) == tables(third));

  // A lexicon that already has entries merges the file as text; no folder, no cache.
  Lexicon merged, plain;
  merged.add("猫", "cat");
  CHECK_FALSE(merged.load_cached(fixture.source.string(), fixture.cache));
  CHECK(merged.entry_count() == third.entry_count() + 1);
  CHECK_FALSE(plain.load_cached(fixture.source.string(), ""));
  CHECK(tables(plain) == tables(third));
  CHECK_THROWS_AS(plain.load_cached("/nonexistent/words.tsv", fixture.cache),
                  anchoralign::InputError);
}

TEST_CASE("A damaged lexicon cache is rebuilt, never trusted", "[lexicon]") {
  CacheFixture fixture;
  Lexicon writer;
  writer.load_cached(fixture.source.string(), fixture.cache);
  const std::string good = read_bytes(fixture.cache_file());
  REQUIRE(good.size() > 100);
  struct Case {
    const char* what;
    std::function<std::string(std::string)> damage;
  };
  const std::vector<Case> cases = {
      {"empty", [](std::string) { return std::string(); }},
      {"half a header", [](std::string b) { return b.substr(0, 20); }},
      {"truncated tables", [](std::string b) { return b.substr(0, b.size() - 100); }},
      {"longer", [](std::string b) { return b + "more"; }},
      {"flipped bit in the tables", [](std::string b) { return flipped(b, b.size() / 3); }},
      {"other magic", [](std::string b) { return flipped(b, 0); }},
      {"other version", [](std::string b) { return flipped(b, 8); }},
      {"other fingerprint", [](std::string b) { return flipped(b, 16); }},
      {"other source size", [](std::string b) { return flipped(b, 24); }},
      {"garbage", [](std::string b) { return std::string(b.size(), '\x5a'); }},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    write_file(fixture.cache_file(), c.damage(good));
    Lexicon damaged, repaired;
    CHECK_FALSE(damaged.load_cached(fixture.source.string(), fixture.cache));
    CHECK(tables(damaged) == tables(fixture.parsed));
    CHECK(repaired.load_cached(fixture.source.string(), fixture.cache));  // written again
    CHECK(read_bytes(fixture.cache_file()) == good);
  }
  // A folder where the cache file should be: neither read nor replaced.
  fs::remove(fixture.cache_file());
  fs::create_directories(fixture.cache_file());
  Lexicon blocked;
  CHECK_FALSE(blocked.load_cached(fixture.source.string(), fixture.cache));
  CHECK(tables(blocked) == tables(fixture.parsed));
}

TEST_CASE("Lexicon::restore rejects or safely reads damaged tables", "[lexicon]") {
  // Tables that pass the checksum by accident or forgery: every id and range is checked, so
  // lookups stay in bounds whatever restore() accepts. (Run under ASan in CI.)
  Lexicon small;
  for (const char* word : {"北京", "北京大学", "大学", "学习", "我们"}) small.add(word, "word");
  const std::string good = tables(small);
  // The bounds table comes last, and any value in it is safe; damage what precedes it.
  const std::size_t damageable = good.size() - 8 - 2 * anchoralign::detail::BoundTable::kSlots;
  std::mt19937 rng(11);
  int accepted = 0;
  for (int round = 0; round < 600; ++round) {
    std::string bad = good;
    if (round % 10 == 0) {
      bad.resize(rng() % good.size());
    } else {
      bad[rng() % damageable] = static_cast<char>(round % 2 ? rng() : bad[0] ^ 0x40);
    }
    Lexicon lexicon;
    ByteReader in(bad);
    if (!lexicon.restore(in)) {
      CHECK(lexicon.empty());
      continue;
    }
    ++accepted;
    const std::string text = "我们在北京大学学习，北京的大学。";
    for (std::size_t pos = 0; pos < text.size(); ++pos) lexicon.longest_match(text, pos);
    for (std::string_view word : segment_chinese(text, lexicon)) {
      for (const auto& translation : lexicon.translations(word)) {
        REQUIRE(translation.lemma >= 0);
        REQUIRE(translation.lemma < lexicon.lemma_count());
        CHECK(lexicon.lemma(translation.lemma).size() < good.size());
      }
    }
  }
  INFO(accepted << " damaged tables accepted");
  CHECK(accepted < 600);
  Lexicon intact;
  ByteReader in(good);
  CHECK(intact.restore(in));
  CHECK(tables(intact) == good);
}

TEST_CASE("A cache folder that cannot be written means no cache, not an error", "[lexicon]") {
  CacheFixture fixture;
  // A regular file where a folder is needed stops even root.
  const fs::path file = fixture.folder.path / "file";
  write_file(file, "x");
  for (int round = 0; round < 2; ++round) {
    Lexicon lexicon;
    CHECK_FALSE(lexicon.load_cached(fixture.source.string(), file / "cache"));
    CHECK(tables(lexicon) == tables(fixture.parsed));
  }
  if (::geteuid() != 0) {  // permissions do not stop root
    const fs::path read_only = fixture.folder.path / "read-only";
    fs::create_directories(read_only);
    fs::permissions(read_only, fs::perms::owner_read | fs::perms::owner_exec);
    Lexicon lexicon;
    CHECK_FALSE(lexicon.load_cached(fixture.source.string(), read_only));
    CHECK(tables(lexicon) == tables(fixture.parsed));
    CHECK(fs::is_empty(read_only));
    fs::permissions(read_only, fs::perms::owner_all);
  }
}

TEST_CASE("Threads loading through one cache folder all get the lexicon", "[lexicon]") {
  CacheFixture fixture;
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        Lexicon lexicon;
        lexicon.load_cached(fixture.source.string(), fixture.cache);
        if (round == 0 || tables(lexicon) != results[t]) results[t] += tables(lexicon);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) CHECK(result == tables(fixture.parsed));
  // Temporary files are renamed or removed.
  for (const auto& entry : fs::directory_iterator(fixture.cache)) {
    CHECK(entry.path() == fixture.cache_file());
  }
}

TEST_CASE("The cache folder follows ANCHORALIGN_CACHE_DIR, XDG_CACHE_HOME and HOME", "[lexicon]") {
  using anchoralign::detail::default_cache_folder;
  // Restores the variables at the end.
  struct Saved {
    std::vector<std::pair<std::string, std::optional<std::string>>> values;
    Saved() {
      for (const char* name : {"ANCHORALIGN_CACHE_DIR", "XDG_CACHE_HOME", "HOME"}) {
        const char* value = std::getenv(name);
        values.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
      }
    }
    ~Saved() {
      for (const auto& [name, value] : values) {
        if (value) {
          ::setenv(name.c_str(), value->c_str(), 1);
        } else {
          ::unsetenv(name.c_str());
        }
      }
    }
  } saved;
  ::setenv("ANCHORALIGN_CACHE_DIR", "/tmp/mine", 1);
  ::setenv("XDG_CACHE_HOME", "/xdg", 1);
  ::setenv("HOME", "/home/someone", 1);
  CHECK(default_cache_folder() == fs::path("/tmp/mine"));
  ::setenv("ANCHORALIGN_CACHE_DIR", "off", 1);
  CHECK(default_cache_folder().empty());
  ::unsetenv("ANCHORALIGN_CACHE_DIR");
  CHECK(default_cache_folder() == fs::path("/xdg/anchoralign"));
  ::setenv("XDG_CACHE_HOME", "relative/path", 1);  // ignored, as the XDG specification says
  CHECK(default_cache_folder() == fs::path("/home/someone/.cache/anchoralign"));
  ::unsetenv("XDG_CACHE_HOME");
  ::unsetenv("HOME");
  CHECK(default_cache_folder().empty());
}

TEST_CASE("The built-in script sets and Traditional-Simplified match ICU's registry", "[lexicon]") {
  // normalize.cpp builds both without ICU's transliterator registry, for speed; a new ICU
  // release would show here first.
  using anchoralign::detail::builtin_changed_characters_pattern;
  using anchoralign::detail::changed_characters_pattern;
  using anchoralign::detail::to_simplified;
  for (const bool simplified : {true, false}) {
    const std::string builtin = builtin_changed_characters_pattern(simplified);
    if (builtin.empty()) {
      WARN("no built-in script sets for this ICU version");
      continue;
    }
    const std::string computed = changed_characters_pattern(simplified);
    INFO("regenerate lib/text/script_sets_icu72.h from: " << computed);
    CHECK(builtin == computed);
  }
  for (const char* text : {"甚麼時候於是乾隆皇帝很乾燥", "「這個人」在北京大學學習。",
                           "祇有里程裡面後來皇后", "我们在北京大学学习", "Ａｂc ß 123", ""}) {
    INFO(text);
    CHECK(to_simplified(text) == to_simplified(text, true));
  }
  CHECK(to_simplified("說甚麼") == "说什么");
}

TEST_CASE("The CC-CEDICT cache gives back the parsed tables", "[lexicon]") {
  const std::string path = ANCHORALIGN_SOURCE_DIR "/data/cedict.tsv";
  if (!fs::exists(path)) {
    WARN(path << " is missing; run scripts/fetch-lexicon.sh to test the real lexicon");
    return;
  }
  TempFolder folder("anchoralign-cedict-cache");
  Lexicon parsed, first, second;
  parsed.load(path);
  CHECK_FALSE(first.load_cached(path, folder.path));
  const auto start = std::chrono::steady_clock::now();
  CHECK(second.load_cached(path, folder.path));
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  INFO("read back " << second.entry_count() << " headwords in " << seconds.count() << " s");
  CHECK(tables(first) == tables(parsed));
  CHECK(tables(second) == tables(parsed));
}
