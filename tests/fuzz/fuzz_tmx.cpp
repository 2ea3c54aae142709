// Fuzzes align() and write_tmx() on two texts cut from the input, split and aligned with the
// default options. Promised: the alignment covers every sentence once, in order; the TMX is
// valid UTF-8, every '<' opens one of the writer's own tags, and each <seg> holds the bead's
// text escaped (no raw '<' or '&' from the text), one <tu> per kept bead.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "anchoralign/error.h"
#include "anchoralign/io.h"
#include "anchoralign/pipeline.h"
#include "fuzz_common.h"

namespace {

void check_alignment(const anchoralign::Alignment& alignment, std::size_t source_size,
                     std::size_t target_size) {
  int src = 0, tgt = 0;
  for (const anchoralign::Bead& bead : alignment) {
    fuzz::check(bead.src_begin == src && bead.tgt_begin == tgt, "beads skip or repeat sentences");
    fuzz::check(bead.src_len >= 0 && bead.tgt_len >= 0, "negative bead length");
    fuzz::check(bead.src_len + bead.tgt_len > 0, "empty bead");
    fuzz::check(bead.score >= 0 && bead.score <= 1, "bead score outside [0, 1]");
    src += bead.src_len;
    tgt += bead.tgt_len;
  }
  fuzz::check(static_cast<std::size_t>(src) == source_size &&
                  static_cast<std::size_t>(tgt) == target_size,
              "alignment does not cover every sentence");
}

bool xml_safe(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return text.find("\xEF\xBF\xBE") == std::string_view::npos &&
         text.find("\xEF\xBF\xBF") == std::string_view::npos;
}

std::string unescape(std::string_view text) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool matched = false;
    for (const auto& [entity, c] : kEntities) {
      if (text.substr(i).starts_with(entity)) {
        out += c;
        i += entity.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    fuzz::check(text[i] != '&', "raw '&' in TMX text", text);
    fuzz::check(text[i] != '<', "raw '<' in TMX text", text);
    out += text[i++];
  }
  return out;
}

// Every '<' must open a tag the writer writes; segments are checked against the beads.
void check_tmx(const std::string& tmx, const anchoralign::SplitText& source,
               const anchoralign::SplitText& target, const anchoralign::Alignment& alignment,
               double min_score) {
  fuzz::check(fuzz::valid_utf8(tmx), "TMX is not valid UTF-8");
  static constexpr std::string_view kTags[] = {
      "<?xml ", "<!DOCTYPE ", "<tmx ", "</tmx>", "<header ", "<body>", "</body>", "<tu ",
      "</tu>", "<prop ", "</prop>", "<tuv ", "</tuv>", "<seg>", "</seg>"};
  for (std::size_t pos = tmx.find('<'); pos != std::string::npos; pos = tmx.find('<', pos + 1)) {
    bool known = false;
    for (std::string_view tag : kTags) known = known || tmx.compare(pos, tag.size(), tag) == 0;
    fuzz::check(known, "'<' that opens no TMX tag", tmx.substr(pos, 40));
  }
  std::size_t pos = 0;
  for (const anchoralign::Bead& bead : alignment) {
    if (bead.src_len == 0 || bead.tgt_len == 0 || !(bead.score >= min_score)) continue;
    for (const auto& [text, begin, count] :
         {std::tuple{&source, bead.src_begin, bead.src_len},
          std::tuple{&target, bead.tgt_begin, bead.tgt_len}}) {
      const std::size_t open = tmx.find("<seg>", pos);
      fuzz::check(open != std::string::npos, "missing <seg> for a kept bead");
      const std::size_t close = tmx.find("</seg>", open);
      fuzz::check(close != std::string::npos, "unclosed <seg>");
      const std::string seg = unescape(std::string_view(tmx).substr(open + 5, close - open - 5));
      const std::string joined = anchoralign::join_sentences(*text, begin, count);
      if (xml_safe(joined)) fuzz::check(seg == joined, "segment text differs from the bead", seg);
      pos = close;
    }
  }
  fuzz::check(tmx.find("<seg>", pos) == std::string::npos, "more segments than kept beads");
}

anchoralign::SplitText split_half(std::string bytes, const char* name, anchoralign::Lang lang) {
  anchoralign::ReadOptions read;
  read.on_invalid = anchoralign::InvalidBytes::kReplace;
  read.format = anchoralign::InputFormat::kText;
  anchoralign::SplitOptions options;
  options.lang = lang;
  return anchoralign::split(anchoralign::decode_document(std::move(bytes), name, read), options);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Input input = fuzz::take_selector(data, size);
  // A 0x01 byte marks the cut when there is one, else the middle.
  std::size_t cut = input.rest.find('\x01');
  if (cut == std::string::npos) cut = input.rest.size() / 2;
  const std::string first = input.rest.substr(0, cut);
  const std::string second = input.rest.substr(std::min(cut + 1, input.rest.size()));
  anchoralign::WriteOptions write;
  write.tool_version = "fuzz<&>";
  write.creation_time = static_cast<std::int64_t>(input.selector) * 86'400 * 365;
  write.min_score = (input.selector & 3) / 4.0;
  try {
    const anchoralign::SplitText source = split_half(first, "en.txt", anchoralign::Lang::kEn);
    const anchoralign::Lang target_lang =
        (input.selector & 4) != 0 ? anchoralign::Lang::kZh : anchoralign::Lang::kUnknown;
    const anchoralign::SplitText target = split_half(second, "zh.txt", target_lang);
    const anchoralign::Alignment alignment = anchoralign::align(source, target, {});
    check_alignment(alignment, source.sentences.size(), target.sentences.size());
    std::ostringstream out;
    anchoralign::write_tmx(out, source, target, alignment, write);
    check_tmx(out.str(), source, target, alignment, write.min_score);
  } catch (const anchoralign::Error&) {
    // Undecodable halves are expected outcomes.
  }
  return 0;
}
