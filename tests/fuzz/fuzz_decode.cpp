// Fuzzes decode_document(): any bytes, "auto" or a forced encoding, both on_invalid modes,
// every markup format. Promised: valid UTF-8 out, line ends folded, or an anchoralign::Error;
// valid UTF-8 text without NUL, CR or BOM read as plain text comes back unchanged.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "fuzz_common.h"

namespace {

constexpr std::array<const char*, 8> kEncodings = {
    "auto", "auto", "UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE", "windows-1252"};
constexpr std::array<const char*, 4> kNames = {"in.txt", "in.md", "in.html", "-"};

bool plain_utf8(const std::string& bytes) {
  return fuzz::valid_utf8(bytes) && bytes.find('\0') == std::string::npos &&
         bytes.find('\r') == std::string::npos && !bytes.starts_with("\xEF\xBB\xBF");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Input input = fuzz::take_selector(data, size);
  anchoralign::ReadOptions options;
  options.encoding = kEncodings[input.selector & 7];
  options.on_invalid = (input.selector & 8) != 0 ? anchoralign::InvalidBytes::kReplace
                                                  : anchoralign::InvalidBytes::kError;
  options.format = static_cast<anchoralign::InputFormat>((input.selector >> 4) & 3);
  const std::string name = kNames[(input.selector >> 6) & 3];
  try {
    const anchoralign::Document document = anchoralign::decode_document(input.rest, name, options);
    fuzz::check(fuzz::valid_utf8(document.text), "decoded text is not valid UTF-8");
    fuzz::check(document.text.find('\r') == std::string::npos, "CR left in decoded text");
    fuzz::check(!document.encoding.empty(), "no encoding reported");
    const bool utf8_name = options.encoding == std::string("auto") ||
                           options.encoding == std::string("UTF-8");
    if (utf8_name && options.format == anchoralign::InputFormat::kText && plain_utf8(input.rest)) {
      fuzz::check(document.text == input.rest, "plain UTF-8 text changed by decoding");
    }
  } catch (const anchoralign::Error&) {
    // Rejected input is an expected outcome.
  }
  return 0;
}
