// Bilingual lexicons (Chinese words -> English words) for the lexical part of the score.
//
// Thread safety: a loaded Lexicon is immutable. Copies share one table (a reference count),
// and any number of threads may use one Lexicon, or copies of it, at once: load it once and
// put it in the AlignOptions (or CheckOptions) of every concurrent align(). Lexicon::load
// itself is reentrant; concurrent loads of one file may both write its cache, and the cache
// stays whole (written to a temporary file, then renamed).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace anchoralign {

namespace detail {
class Lexicon;
}

// A loaded lexicon: immutable, cheap to copy, safe to share between threads. An empty
// Lexicon (the default) aligns on length and anchors alone.
class Lexicon {
 public:
  Lexicon() = default;

  // Loads and merges lexicon files (CC-CEDICT text, hunalign .dic, or TSV
  // "中文<TAB>english[<TAB>weight]", detected from the content, UTF-8); throws InputError
  // naming the file (file()) and, for a malformed entry, its line (line()). The first file is
  // read from a binary cache in $ANCHORALIGN_CACHE_DIR ("off": none), else
  // $XDG_CACHE_HOME/anchoralign, else ~/.cache/anchoralign, when one matches its size and
  // modification time; else parsed and the cache written (a cache that cannot be written is
  // skipped silently). An empty list gives an empty Lexicon.
  static Lexicon load(const std::vector<std::string>& paths);

  bool empty() const;           // no headword: aligning with it uses length and anchors only
  std::size_t entries() const;  // distinct Chinese headwords; 0 when empty()

  // The implementation, for the library's own stages.
  const detail::Lexicon* impl() const { return impl_.get(); }

 private:
  std::shared_ptr<const detail::Lexicon> impl_;
};

// The default lexicon file: $ANCHORALIGN_DATA/cedict.tsv, else share/anchoralign/cedict.tsv
// beside the running program's prefix, else under the configured install prefix, else in
// the build tree; "" when none exists. Never throws; does not load it.
std::string find_default_lexicon();

}  // namespace anchoralign
