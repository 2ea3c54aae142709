// The binary lexicon cache. Parsing CC-CEDICT and lemmatising its glosses takes about half a
// second; reading the same tables back from a cache takes a few milliseconds, which is most
// of the time of aligning a short document.
//
// Where: one file per lexicon path, lexicon-<hash of the absolute path>.bin, in the user's
// cache folder (default_cache_folder()), never beside the lexicon: installed data folders
// are often read-only, and a user's lexicon folder is not ours to write in.
//
// Layout: a 56-byte header, then the Lexicon's flat tables (Lexicon::save(), each array as
// its length and its bytes, in the machine's byte order):
//   magic "anchlex\x1a", version, byte-order mark, code fingerprint,
//   size and modification time (ns) of the lexicon file, size and checksum of the tables.
// A cache is used only when every field matches: the lexicon file has the same size and
// time stamp (so the file need not be read at all; an edit that keeps both to the
// nanosecond, such as touch -r, goes unnoticed: delete the cache), the code reads lexicons
// the same way (code_fingerprint()) and the tables are intact. Lexicon::restore() then
// checks every id and range, so even a forged cache cannot make a lookup read out of bounds.
//
// Anything else (no file, stale, truncated, corrupt, another version or byte order) falls
// back to parsing, silently, and rewrites the cache. Writes go to a temporary file that is
// renamed over the cache, so a reader never sees half a file and concurrent writers leave
// one complete cache. A folder that cannot be created or written means no cache, not an
// error.
//
// Tested by lexicon_test.cpp.
#include "lexicon/lexicon_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "lexicon/flat_tables.h"
#include "lexicon/lexicon.h"
#include "lexicon/lexicon_formats.h"

namespace anchoralign::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::array<char, 8> kMagic = {'a', 'n', 'c', 'h', 'l', 'e', 'x', '\x1a'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;

struct CacheHeader {
  std::array<char, 8> magic = kMagic;
  std::uint32_t version = kLexiconCacheVersion;
  std::uint32_t byte_order = kByteOrderMark;
  std::uint64_t fingerprint = 0;
  std::uint64_t source_size = 0;
  std::int64_t source_time = 0;
  std::uint64_t tables_size = 0, tables_hash = 0;
};
static_assert(sizeof(CacheHeader) == 56 && std::is_trivially_copyable_v<CacheHeader>);

// Probes for code_fingerprint(): English forms that exercise each lemmatiser rule, and a line
// of each lexicon format with CC-CEDICT's notes and labels.
constexpr const char* kProbeEnglish =
    "bridges bridge's running hoped caused cities ties boxes churches buzzes heroes fishermen "
    "agreed carried died went children morning news focused don't can't won't well-known "
    "e-mail o'clock settled judged managed stated executed described decided invoked prepared "
    "assumed determined believing arguing noticing realized freezing controlled calling "
    "others the and Beijing universities species analysis status speeds Naïve CAFÉ";
constexpr std::array<std::pair<LexiconFormat, const char*>, 4> kProbeLines = {{
    {LexiconFormat::kCedict,
     "說 说 [shuo1] /to speak/to say; to scold (fig.)/surname Shuo/CL:個|个[ge4]/"},
    {LexiconFormat::kCedict,
     "中國 中国 [Zhong1 guo2] /abbr. for 中華人民共和國|中华人民共和国[Zhong1 hua2 Ren2 min2 "
     "Gong4 he2 guo2], People's Republic of China/see also 中華|中华[Zhong1 hua2]/Taiwan pr. "
     "[Zhong4]/used in 中心[zhong1 xin1]/lit. middle kingdom/"},
    {LexiconFormat::kHunalign, "universities @ 大学"},
    {LexiconFormat::kTsv, "北京\tPeking; Beijing (city)\t0.5"},
}};

std::uint64_t fingerprint_of(std::uint64_t hash, std::string_view text) {
  return hash_bytes(text, hash + 1);
}

std::string hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(16, '0');
  for (int k = 15; k >= 0; --k, value >>= 4) text[k] = kDigits[value & 15];
  return text;
}

// A file mapped read-only; empty when it cannot be opened or mapped.
class MappedFile {
 public:
  explicit MappedFile(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat status;
    if (::fstat(fd, &status) == 0 && status.st_size > 0) {
      size_ = static_cast<std::size_t>(status.st_size);
      void* data = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      data_ = data == MAP_FAILED ? nullptr : static_cast<const char*>(data);
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return data_ ? std::string_view(data_, size_) : ""; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// False when the cache file is missing or does not match; on true, *lexicon holds it.
bool read_cache(const fs::path& file, const CacheHeader& expected, Lexicon* lexicon) {
  const MappedFile mapped(file);
  const std::string_view bytes = mapped.bytes();
  CacheHeader header;
  if (bytes.size() < sizeof header) return false;
  std::memcpy(&header, bytes.data(), sizeof header);
  const std::string_view tables = bytes.substr(sizeof header);
  if (header.magic != kMagic || header.version != expected.version ||
      header.byte_order != expected.byte_order || header.fingerprint != expected.fingerprint ||
      header.source_size != expected.source_size || header.source_time != expected.source_time ||
      header.tables_size != tables.size() || header.tables_hash != checksum_bytes(tables)) {
    return false;
  }
  ByteReader reader(tables);
  return lexicon->restore(reader);
}

// Best effort: any failure leaves no cache (and no temporary file) behind.
void write_cache(const fs::path& file, CacheHeader header, const Lexicon& lexicon) {
  static std::atomic<unsigned> counter{0};
  fs::path temporary;
  try {
    ByteWriter writer;
    lexicon.save(writer);
    const std::string& tables = writer.bytes();
    header.tables_size = tables.size();
    header.tables_hash = checksum_bytes(tables);
    std::error_code error;
    fs::create_directories(file.parent_path(), error);
    if (error) return;
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    temporary = file;
    temporary += ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                 std::to_string(now);
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      out.write(reinterpret_cast<const char*>(&header), sizeof header);
      out.write(tables.data(), static_cast<std::streamsize>(tables.size()));
      out.close();
      if (!out) throw std::runtime_error("write failed");
    }
    fs::rename(temporary, file, error);
    if (error) throw std::runtime_error("rename failed");
  } catch (const std::exception&) {
    std::error_code ignored;
    if (!temporary.empty()) fs::remove(temporary, ignored);
  }
}

}  // namespace

fs::path default_cache_folder() {
  auto variable = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value ? value : "";
  };
  if (const std::string folder = variable("ANCHORALIGN_CACHE_DIR"); !folder.empty()) {
    return folder == "off" ? fs::path() : fs::path(folder);
  }
  // The XDG base directory specification ignores relative paths.
  if (const fs::path xdg = variable("XDG_CACHE_HOME"); xdg.is_absolute())
    return xdg / "anchoralign";
  if (const fs::path home = variable("HOME"); home.is_absolute()) {
    return home / ".cache" / "anchoralign";
  }
  return {};
}

fs::path lexicon_cache_file(const fs::path& folder, const std::string& lexicon_path) {
  std::error_code error;
  fs::path absolute = fs::absolute(lexicon_path, error);
  if (error) absolute = lexicon_path;
  return folder / ("lexicon-" + hex(hash_bytes(absolute.lexically_normal().string())) + ".bin");
}

std::uint64_t code_fingerprint() {
  static const std::uint64_t fingerprint = [] {
    UVersionInfo icu;
    u_getVersion(icu);
    std::uint64_t hash = kLexiconCacheVersion;
    hash = fingerprint_of(hash, std::string_view(reinterpret_cast<const char*>(icu), sizeof icu));
    for (const std::string& lemma : english_lemmas(kProbeEnglish))
      hash = fingerprint_of(hash, lemma);
    LexiconLine entry;
    for (const auto& [format, line] : kProbeLines) {
      hash = fingerprint_of(hash, parse_lexicon_line(format, line, &entry));
      hash = fingerprint_of(hash, entry.chinese);
      hash = fingerprint_of(hash, entry.traditional);
      for (const std::string& gloss : entry.glosses) hash = fingerprint_of(hash, gloss);
      hash = fingerprint_of(hash, std::to_string(entry.weight));
    }
    return hash;
  }();
  return fingerprint;
}

bool Lexicon::load_cached(const std::string& path, const fs::path& cache_folder) {
  std::error_code error;
  CacheHeader header;
  header.fingerprint = code_fingerprint();
  header.source_size = fs::file_size(path, error);
  if (!error) header.source_time = fs::last_write_time(path, error).time_since_epoch().count();
  // A file that cannot be examined gets load()'s error message.
  if (cache_folder.empty() || !empty() || error) {
    load(path);
    return false;
  }
  const fs::path file = lexicon_cache_file(cache_folder, path);
  if (read_cache(file, header, this)) return true;
  // Examined before reading: a file that changes from now on gets a new time stamp, which
  // makes this cache stale rather than wrong.
  load(path);
  write_cache(file, header, *this);
  return false;
}

}  // namespace anchoralign::detail
