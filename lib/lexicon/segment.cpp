// Chinese word segmentation by greedy longest match against the lexicon's headwords, run by
// run of Han characters. The field's experience (FIELD.md) is that a statistical segmenter
// (Jieba) gains nothing over this for alignment: the words that matter for the lexical score
// are exactly the headwords.
//
// Tested by lexicon_test.cpp.
#include "lexicon/lexicon.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

// Appends the words of a run of Han characters; a match never crosses the run's end.
void segment_run(std::string_view run, const Lexicon& lexicon,
                 std::vector<std::string_view>& words) {
  for (std::size_t pos = 0; pos < run.size();) {
    std::size_t length = lexicon.longest_match(run, pos);
    if (length == 0) decode_utf8(run, pos, &length);
    words.push_back(run.substr(pos, length));
    pos += length;
  }
}

}  // namespace

std::vector<std::string_view> segment_chinese(std::string_view normalized, const Lexicon& lexicon) {
  std::vector<std::string_view> words;
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < normalized.size();) {
    if (!is_han(decode_utf8(normalized, pos, &length))) {
      pos += length;
      continue;
    }
    std::size_t end = pos + length;
    while (end < normalized.size() && is_han(decode_utf8(normalized, end, &length))) {
      end += length;
    }
    segment_run(normalized.substr(pos, end - pos), lexicon, words);
    pos = end;
  }
  return words;
}

}  // namespace anchoralign::detail
