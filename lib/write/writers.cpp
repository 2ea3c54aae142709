// The output formats of an alignment. Every writer first checks that each bead lies inside
// the sentence lists, so a bad alignment throws anchoralign::Error before any byte is written.
// Numbers are formatted with std::to_chars, never through the stream, so the caller's locale
// (std::locale::global or out.imbue) cannot change the output.
//
//   ladder  [3,4]:[5]:0.873      0-based sentence indices, "[]" for an empty side; read by
//                                shared/tools/score.py and vecalign-style tools.
//   TSV     source TAB target TAB score, one line per bead, no header line (so `cut -f1`
//           gives the source side); tabs, CR and LF inside a text become spaces.
//   JSONL   {"source":[3,4],"target":[5],"source_text":"…","target_text":"…","score":0.873}
//           compact, keys in this order; non-ASCII UTF-8 is written unescaped.
//   bitext  two streams with one line per bead each (an empty line for an empty side);
//           tabs, CR and LF inside a text become spaces.
//   TMX     1.4b, valid against tmx14.dtd; see write_tmx.
//
// Scores are printed with three decimals; a non-finite score is printed as 0.000.
// Writers leave stream errors to the caller: check out.fail() or set out.exceptions().
// Tested by write_test.cpp.
#include <charconv>
#include <climits>
#include <cmath>
#include <string>
#include <string_view>

#include "anchoralign/error.h"
#include "anchoralign/io.h"
#include "write/report_format.h"
#include "write/xml.h"

namespace anchoralign {
namespace {

// Throw unless [begin, begin + count) lies inside [0, size).
void check_range(int begin, int count, std::size_t size, const std::string& name) {
  const long long end = static_cast<long long>(begin) + count;
  if (begin < 0 || count < 0 || static_cast<unsigned long long>(end) > size) {
    throw Error("bead sentences [" + std::to_string(begin) + ", " + std::to_string(end) +
                ") lie outside the " + std::to_string(size) + " sentences of " +
                (name.empty() ? std::string("the text") : name));
  }
}

void check_alignment(const SplitText& source, const SplitText& target,
                     const Alignment& alignment) {
  for (const Bead& bead : alignment) {
    check_range(bead.src_begin, bead.src_len, source.sentences.size(), source.name);
    check_range(bead.tgt_begin, bead.tgt_len, target.sentences.size(), target.name);
  }
}

std::string format_score(double score) {
  if (!std::isfinite(score)) score = 0;
  char buffer[512];  // fixed notation of the largest double needs 313 characters
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, score, std::chars_format::fixed, 3);
  std::string text(buffer, ec == std::errc() ? end : buffer);
  if (text == "-0.000") text = "0.000";
  return text;
}

// "[3,4]" for sentences 3 and 4, "[]" for none.
std::string index_list(int begin, int count) {
  std::string out = "[";
  for (int k = 0; k < count; ++k) {
    if (k > 0) out += ',';
    out += std::to_string(begin + k);
  }
  out += ']';
  return out;
}

// Tabs and line breaks would break the line- and column-based formats.
std::string flatten(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

bool ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// BCP 47 tag for xml:lang; "und" (undetermined) when the language is unknown.
std::string_view lang_code(const SplitText& text) {
  switch (text.lang) {
    case Lang::kZh: return text.traditional ? "zh-TW" : "zh-CN";
    case Lang::kEn: return "en";
    case Lang::kUnknown: break;
  }
  return "und";
}

// "3" or "3-4": the 0-based sentence indices of one side of a bead.
std::string index_range(int begin, int count) {
  std::string out = std::to_string(begin);
  if (count > 1) {
    out += '-';
    out += std::to_string(begin + count - 1);
  }
  return out;
}

void write_tmx_header(std::ostream& out, const SplitText& source, const WriteOptions& options) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
         "<tmx version=\"1.4\">\n"
         "  <header creationtool=\"anchoralign\" creationtoolversion=\""
      << detail::xml_escape(options.tool_version)
      << "\" segtype=\"sentence\" o-tmf=\"anchoralign\" adminlang=\"en\" srclang=\""
      << lang_code(source) << "\" datatype=\"plaintext\" creationdate=\""
      << detail::tmx_date(options.creation_time) << "\"/>\n"
      << "  <body>\n";
}

void write_tu(std::ostream& out, int tuid, const Bead& bead, const SplitText& source,
              const std::string& source_text, const SplitText& target,
              const std::string& target_text) {
  std::string tu = "    <tu tuid=\"" + std::to_string(tuid) + "\">\n";
  tu += "      <prop type=\"x-anchoralign-score\">" + format_score(bead.score) + "</prop>\n";
  tu += "      <prop type=\"x-source-sentences\">" +
        index_range(bead.src_begin, bead.src_len) + "</prop>\n";
  tu += "      <prop type=\"x-target-sentences\">" +
        index_range(bead.tgt_begin, bead.tgt_len) + "</prop>\n";
  tu += "      <tuv xml:lang=\"" + std::string(lang_code(source)) + "\"><seg>" +
        detail::xml_escape(source_text) + "</seg></tuv>\n";
  tu += "      <tuv xml:lang=\"" + std::string(lang_code(target)) + "\"><seg>" +
        detail::xml_escape(target_text) + "</seg></tuv>\n";
  tu += "    </tu>\n";
  out << tu;
}

}  // namespace

std::string join_sentences(const SplitText& text, int begin, int count) {
  check_range(begin, count, text.sentences.size(), text.name);
  std::string out;
  for (int k = begin; k < begin + count; ++k) {
    const std::string& next = text.sentences[k].text;
    if (next.empty()) continue;
    // Chinese needs no space between sentences, but Latin words or numbers meeting at the
    // seam would run together.
    if (!out.empty() && (text.lang != Lang::kZh || (ascii_alnum(out.back()) &&
                                                    ascii_alnum(next.front())))) {
      out += ' ';
    }
    out += next;
  }
  return out;
}

// A TMX translation unit per bead with both sides non-empty (as text, not only as sentence
// counts) and score >= options.min_score, numbered from 1 in document order. Each unit carries
// its score and the 0-based sentence indices ("3" or "3-4") of both sides as props; the
// source tuv comes first. Texts keep their tabs and line breaks (XML-escaped).
void write_tmx(std::ostream& out, const SplitText& source, const SplitText& target,
               const Alignment& alignment, const WriteOptions& options) {
  validate(options);
  check_alignment(source, target, alignment);
  write_tmx_header(out, source, options);
  int tuid = 0;
  for (const Bead& bead : alignment) {
    if (bead.src_len == 0 || bead.tgt_len == 0 || !(bead.score >= options.min_score)) continue;
    const std::string source_text = join_sentences(source, bead.src_begin, bead.src_len);
    const std::string target_text = join_sentences(target, bead.tgt_begin, bead.tgt_len);
    if (source_text.empty() || target_text.empty()) continue;
    write_tu(out, ++tuid, bead, source, source_text, target, target_text);
  }
  out << "  </body>\n</tmx>\n";
}

void write_tsv(std::ostream& out, const SplitText& source, const SplitText& target,
               const Alignment& alignment) {
  check_alignment(source, target, alignment);
  for (const Bead& bead : alignment) {
    out << flatten(join_sentences(source, bead.src_begin, bead.src_len)) + '\t' +
               flatten(join_sentences(target, bead.tgt_begin, bead.tgt_len)) + '\t' +
               format_score(bead.score) + '\n';
  }
}

void write_jsonl(std::ostream& out, const SplitText& source, const SplitText& target,
                 const Alignment& alignment) {
  check_alignment(source, target, alignment);
  for (const Bead& bead : alignment) {
    out << "{\"source\":" + index_list(bead.src_begin, bead.src_len) +
               ",\"target\":" + index_list(bead.tgt_begin, bead.tgt_len) +
               ",\"source_text\":" +
               detail::json_quote(join_sentences(source, bead.src_begin, bead.src_len)) +
               ",\"target_text\":" +
               detail::json_quote(join_sentences(target, bead.tgt_begin, bead.tgt_len)) +
               ",\"score\":" + format_score(bead.score) + "}\n";
  }
}

void write_ladder(std::ostream& out, const Alignment& alignment) {
  // Without the sentence lists only the sign and int overflow of each side can be checked.
  for (const Bead& bead : alignment) {
    for (const long long value : {0LL + bead.src_begin, 0LL + bead.src_len, 0LL + bead.tgt_begin,
                                  0LL + bead.tgt_len, 0LL + bead.src_begin + bead.src_len,
                                  0LL + bead.tgt_begin + bead.tgt_len}) {
      if (value < 0 || value > INT_MAX) {
        throw Error("bead has a negative or too large sentence index or count");
      }
    }
  }
  for (const Bead& bead : alignment) {
    out << index_list(bead.src_begin, bead.src_len) + ':' +
               index_list(bead.tgt_begin, bead.tgt_len) + ':' + format_score(bead.score) + '\n';
  }
}

void write_bitext(std::ostream& source_out, std::ostream& target_out, const SplitText& source,
                  const SplitText& target, const Alignment& alignment) {
  check_alignment(source, target, alignment);
  for (const Bead& bead : alignment) {
    source_out << flatten(join_sentences(source, bead.src_begin, bead.src_len)) + '\n';
    target_out << flatten(join_sentences(target, bead.tgt_begin, bead.tgt_len)) + '\n';
  }
}

}  // namespace anchoralign
