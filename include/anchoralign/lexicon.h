// Bilingual lexicons (Chinese words -> English words) for the lexical part of the score.
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
  // "中文<TAB>english[<TAB>weight]", detected from the content); throws InputError naming the
  // file and line of a malformed entry. The first file is read from a binary cache in
  // $ANCHORALIGN_CACHE_DIR ("off": none), else $XDG_CACHE_HOME/anchoralign, else
  // ~/.cache/anchoralign, when one matches its content; else parsed and the cache written.
  static Lexicon load(const std::vector<std::string>& paths);

  bool empty() const;
  std::size_t entries() const;  // Chinese headwords

  // The implementation, for the library's own stages.
  const detail::Lexicon* impl() const { return impl_.get(); }

 private:
  std::shared_ptr<const detail::Lexicon> impl_;
};

// The default lexicon file: $ANCHORALIGN_DATA/cedict.tsv, else share/anchoralign/cedict.tsv
// beside the running program's prefix, else under the configured install prefix, else in
// the build tree; "" when none exists.
std::string find_default_lexicon();

}  // namespace anchoralign
