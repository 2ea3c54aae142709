// Aligns two inline texts through the installed headers and library and writes TMX to
// standard output. Exits 1 when the alignment is empty or the library throws, so that a
// package that links but does not work fails the install test too.
#include <iostream>

#include "anchoralign/error.h"
#include "anchoralign/io.h"
#include "anchoralign/pipeline.h"

namespace {

constexpr const char* kEnglish =
    "The bridge is 1.2 kilometres long and cost 350 million dollars. "
    "It opened on Monday.\n";
constexpr const char* kChinese = "大桥全长1.2公里，耗资3.5亿美元。大桥于周一通车。\n";

}  // namespace

int main() {
  try {
    const anchoralign::SplitText english =
        anchoralign::split(anchoralign::decode_document(kEnglish, "english"));
    const anchoralign::SplitText chinese =
        anchoralign::split(anchoralign::decode_document(kChinese, "chinese"));
    const anchoralign::Alignment beads = anchoralign::align(english, chinese);
    if (beads.empty()) {
      std::cerr << "consumer: empty alignment\n";
      return 1;
    }
    anchoralign::write_tmx(std::cout, english, chinese, beads, {.tool_version = "consumer"});
    return 0;
  } catch (const anchoralign::Error& error) {
    std::cerr << "consumer: " << error.what() << '\n';
    return 1;
  }
}
