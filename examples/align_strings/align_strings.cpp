// Aligns an English text with its Chinese translation, both held in memory, and writes the
// sentence pairs as TMX to standard output: the whole public API a program needs.
//
// Build against an installed anchoralign, with CMake (see CMakeLists.txt beside this file):
//   cmake -S . -B build -DCMAKE_PREFIX_PATH=/usr/local && cmake --build build && build/align_strings
// or with pkg-config; --static when the installed library is libanchoralign.a, which needs ICU
// linked too (harmless with the shared one). The headers need C++20:
//   g++ -std=c++20 align_strings.cpp $(pkg-config --cflags --static --libs anchoralign) -o align_strings
#include <ctime>
#include <iostream>

#include "anchoralign/error.h"
#include "anchoralign/io.h"
#include "anchoralign/lexicon.h"
#include "anchoralign/pipeline.h"

namespace {

// Three English sentences; the translation joins the last two into one Chinese sentence, so
// the alignment has a 1-1 bead and a 2-1 bead.
constexpr const char* kEnglish =
    "The bridge is 1.2 kilometres long and cost 350 million dollars. "
    "It opened on Monday. Thousands of people walked across it.\n";
constexpr const char* kChinese = "大桥全长1.2公里，耗资3.5亿美元。大桥于周一通车，数千人步行过桥。\n";

}  // namespace

int main() {
  try {
    // decode_document() takes raw bytes (any encoding it can detect) and a name used in error
    // messages; split() detects each text's language and cuts it into sentences.
    const anchoralign::SplitText english =
        anchoralign::split(anchoralign::decode_document(kEnglish, "english"));
    const anchoralign::SplitText chinese =
        anchoralign::split(anchoralign::decode_document(kChinese, "chinese"));

    // Word translations improve the alignment of real texts. The default lexicon is the
    // installed CC-CEDICT ($ANCHORALIGN_DATA overrides where it is looked for); without one,
    // sentences are aligned by length and anchors (numbers, names) alone. A loaded Lexicon is
    // immutable: load it once and share it between threads and calls.
    anchoralign::AlignOptions options;
    if (const std::string path = anchoralign::find_default_lexicon(); !path.empty()) {
      options.lexicon = anchoralign::Lexicon::load({path});
    }

    // Every sentence of both texts lands in exactly one bead, in document order.
    const anchoralign::Alignment beads = anchoralign::align(english, chinese, options);

    // TMX keeps the beads that have both sides: a translation memory holds pairs.
    anchoralign::WriteOptions write;
    write.tool_version = "align_strings example";
    write.creation_time = std::time(nullptr);
    anchoralign::write_tmx(std::cout, english, chinese, beads, write);
    return 0;
  } catch (const anchoralign::Error& error) {
    // Every library error derives from anchoralign::Error and names what went wrong where.
    std::cerr << "align_strings: " << error.what() << '\n';
    return 1;
  }
}
