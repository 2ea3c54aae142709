// The binary lexicon cache: a loaded Lexicon's flat tables on disk, so that the next load of
// the same file skips parsing and lemmatising (see lexicon_cache.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace anchoralign::detail {

// Bump when the cache layout changes, or when loading a lexicon file gives different tables
// than before (lexicon.cpp, flat_tables.h) in a way code_fingerprint() may not notice.
constexpr std::uint32_t kLexiconCacheVersion = 2;

// The folder for cache files: $ANCHORALIGN_CACHE_DIR ("off" disables the cache), else
// $XDG_CACHE_HOME/anchoralign, else $HOME/.cache/anchoralign; empty when there is none.
std::filesystem::path default_cache_folder();

// The cache file of the lexicon file `lexicon_path` in `folder`: one per absolute path.
std::filesystem::path lexicon_cache_file(const std::filesystem::path& folder,
                                         const std::string& lexicon_path);

// What a cache depends on besides the lexicon file: the cache version, the ICU version
// (normalisation) and what the code makes of a few probe glosses and lines (lemmas, gloss
// clean-up), so that a cache written by older code is not used by newer code.
std::uint64_t code_fingerprint();

}  // namespace anchoralign::detail
