// The public Lexicon handle and the search for the default lexicon (docs/CLI.md: "Data").
#include <cstdlib>
#include <filesystem>

#include "anchoralign/lexicon.h"
#include "lexicon/lexicon.h"
#include "lexicon/lexicon_cache.h"

namespace anchoralign {

Lexicon Lexicon::load(const std::vector<std::string>& paths) {
  auto lexicon = std::make_shared<detail::Lexicon>();
  // The first file may come from the binary cache; the others are merged into it as text.
  const std::filesystem::path cache = detail::default_cache_folder();
  for (const std::string& path : paths) lexicon->load_cached(path, cache);
  Lexicon handle;
  handle.impl_ = std::move(lexicon);
  return handle;
}

bool Lexicon::empty() const { return !impl_ || impl_->empty(); }

std::size_t Lexicon::entries() const { return impl_ ? impl_->entry_count() : 0; }

std::string find_default_lexicon() {
  namespace fs = std::filesystem;
  std::vector<fs::path> folders;
  if (const char* data = std::getenv("ANCHORALIGN_DATA"); data && *data) folders.emplace_back(data);
  // An installed program finds the data beside it, wherever the prefix was moved to.
  std::error_code no_exe;
  const fs::path exe = fs::read_symlink("/proc/self/exe", no_exe);
  if (!no_exe) folders.push_back(exe.parent_path().parent_path() / "share" / "anchoralign");
  folders.emplace_back(ANCHORALIGN_INSTALL_DATA_DIR);
  folders.emplace_back(ANCHORALIGN_BUILD_DATA_DIR);
  for (const fs::path& folder : folders) {
    std::error_code error;
    const fs::path file = folder / "cedict.tsv";
    if (fs::is_regular_file(file, error)) return file.string();
  }
  return "";
}

}  // namespace anchoralign
