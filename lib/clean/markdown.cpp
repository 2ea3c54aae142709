// Markdown to prose, block by block (CommonMark's block structure, simplified).
//
// Every block the reader sees as a unit becomes its own paragraph: headings (their '#' or
// '===' underline gone), list items (the marker gone), table rows (cells separated by a
// space, the rule row gone), block-quote paragraphs (the '>' gone). What a reader does not see
// goes: horizontal rules, reference-link definitions, HTML comments. Fenced code is kept
// as-is, without its fences, as a paragraph of its own: code reads the same in a text and its
// translation, so it aligns one to one, and an unclosed fence would otherwise swallow the rest
// of the file. Indented code blocks are not recognised: Chinese texts indent prose.
// Paragraph text then goes through clean_markdown_inline() (markdown_inline.cpp).
// Tested by clean_test.cpp.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "clean/markup.h"

namespace anchoralign::detail {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string_view trim_left(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line;
}

// Up to three leading spaces, the indentation a block may carry.
std::string_view unindent(std::string_view line, std::size_t* indent = nullptr) {
  std::size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') ++i;
  if (indent) *indent = i;
  return line.substr(i);
}

// Removes the '>' marks of block quotes, at most `max_depth` of them; returns how many.
int strip_quote(std::string_view* line, int max_depth = 1 << 20) {
  int depth = 0;
  for (std::string_view rest = unindent(*line); rest.starts_with('>') && depth < max_depth;
       rest = unindent(*line)) {
    rest.remove_prefix(1);
    if (rest.starts_with(' ')) rest.remove_prefix(1);
    *line = rest;
    ++depth;
  }
  return depth;
}

// "```" or "~~~" opening a fence: the fence character and length, or 0.
std::size_t fence_length(std::string_view line, char* fence_char) {
  line = unindent(line);
  if (line.empty() || (line[0] != '`' && line[0] != '~')) return 0;
  std::size_t length = 0;
  while (length < line.size() && line[length] == line[0]) ++length;
  if (length < 3) return 0;
  if (line[0] == '`' && line.find('`', length) != std::string_view::npos) return 0;
  *fence_char = line[0];
  return length;
}

// "---", "***", "___", "- - -": three or more of one mark and nothing else.
bool is_thematic_break(std::string_view line) {
  line = unindent(line);
  if (line.empty() || (line[0] != '-' && line[0] != '*' && line[0] != '_')) return false;
  int marks = 0;
  for (char c : line) {
    if (c == line[0]) {
      ++marks;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return marks >= 3;
}

bool is_setext_underline(std::string_view line) {
  line = unindent(line);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.empty() || (line[0] != '=' && line[0] != '-')) return false;
  return line.find_first_not_of(line[0]) == std::string_view::npos;
}

// The text of an ATX heading ("## Title ##" gives "Title"), or false.
bool atx_heading(std::string_view line, std::string_view* text) {
  line = unindent(line);
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6 || (hashes < line.size() && line[hashes] != ' ' &&
                                    line[hashes] != '\t')) {
    return false;
  }
  std::string_view rest = trim_left(line.substr(hashes));
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.remove_suffix(1);
  const std::size_t closing = rest.find_last_not_of('#');
  if (closing == std::string_view::npos) {
    rest = {};
  } else if (closing + 1 < rest.size() && (rest[closing] == ' ' || rest[closing] == '\t')) {
    rest = rest.substr(0, closing);
  }
  *text = rest;
  return true;
}

struct ListMarker {
  std::string_view rest;  // the item's text after the marker
  bool ordered = false;
  long number = 0;
};

// "- item", "* item", "+ item", "1. item", "1) item" (a marker alone is an empty item).
bool list_marker(std::string_view line, ListMarker* marker) {
  line = unindent(line);
  std::size_t length = 0;
  if (!line.empty() && (line[0] == '-' || line[0] == '*' || line[0] == '+')) {
    length = 1;
  } else {
    while (length < line.size() && length < 9 && std::isdigit(static_cast<unsigned char>(line[length]))) {
      ++length;
    }
    if (length == 0 || length >= line.size() || (line[length] != '.' && line[length] != ')')) {
      return false;
    }
    marker->ordered = true;
    marker->number = std::stol(std::string(line.substr(0, length)));
    ++length;
  }
  if (length < line.size() && line[length] != ' ' && line[length] != '\t') return false;
  std::string_view rest = trim_left(line.substr(length));
  for (std::string_view task : {"[ ] ", "[x] ", "[X] "}) {
    if (rest.starts_with(task)) rest.remove_prefix(task.size());
  }
  marker->rest = rest;
  return true;
}

// "[label]: destination 'title'" — the label, lower-cased, or false. "[^1]: note" is a
// footnote, not a definition: its text is prose.
bool reference_definition(std::string_view line, std::string* label) {
  line = unindent(line);
  const std::size_t close = line.find("]:");
  if (!line.starts_with('[') || line.starts_with("[^") || close == std::string_view::npos ||
      close < 2 || line.substr(1, close - 1).find_first_of("[]") != std::string_view::npos) {
    return false;
  }
  const std::string_view rest = trim_left(line.substr(close + 2));
  if (rest.empty()) return false;
  label->clear();
  for (char c : line.substr(1, close - 1)) {
    label->push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return true;
}

bool is_table_rule(std::string_view line) {
  if (line.find('-') == std::string_view::npos) return false;
  return std::all_of(line.begin(), line.end(), [](char c) {
    return c == '|' || c == '-' || c == ':' || c == ' ' || c == '\t';
  });
}

// The cells of a table row, joined by a space: "| a | b |" gives "a b". A '|' escaped or
// inside a code span stays.
std::string table_cells(std::string_view row) {
  row = trim_left(row);
  while (!row.empty() && std::isspace(static_cast<unsigned char>(row.back()))) row.remove_suffix(1);
  if (row.starts_with('|')) row.remove_prefix(1);
  if (row.ends_with('|') && !row.ends_with("\\|")) row.remove_suffix(1);
  std::string cells;
  bool code = false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
      cells += "\\|";
      ++i;
    } else if (row[i] == '|' && !code) {
      cells += ' ';
    } else {
      if (row[i] == '`') code = !code;
      cells += row[i];
    }
  }
  return cells;
}

// Removes "<!-- ... -->" comments; an unclosed one stays, so that no text is lost.
std::string strip_comments(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  for (std::size_t open = text.find("<!--"); open != std::string_view::npos;
       open = text.find("<!--", pos)) {
    const std::size_t close = text.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    pos = close + 3;
  }
  out.append(text.substr(pos));
  return out;
}

// "[^1]: The note." — the note's text, or false.
bool footnote_definition(std::string_view line, std::string_view* text) {
  line = unindent(line);
  const std::size_t close = line.find("]:");
  if (!line.starts_with("[^") || close == std::string_view::npos ||
      line.substr(0, close).find_first_of(" \t") != std::string_view::npos) {
    return false;
  }
  *text = trim_left(line.substr(close + 2));
  return true;
}

struct Block {
  std::string text;
  bool code = false;  // kept verbatim: no inline pass
};

class BlockParser {
 public:
  explicit BlockParser(std::vector<std::string_view> lines) : lines_(std::move(lines)) {}

  void run() {
    for (index_ = 0; index_ < lines_.size(); ++index_) {
      std::string_view line = lines_[index_];
      if (fence_length_ > 0) {
        strip_quote(&line, quote_depth_);  // a fence opened inside a quote
        code_line(line);
        continue;
      }
      if (!raw_end_.empty()) {
        if (lower_ascii(line).find(raw_end_) != std::string::npos) raw_end_.clear();
        continue;
      }
      const int depth = strip_quote(&line);
      if (depth > quote_depth_ && !is_blank(line)) close();
      quote_depth_ = depth;
      block_line(line);
    }
    close();
  }

  std::vector<Block> blocks;
  std::vector<std::string> labels;

 private:
  void close() {
    if (!paragraph_.empty()) blocks.push_back({paragraph_, fence_length_ > 0});
    paragraph_.clear();
    in_list_item_ = false;
  }

  void append(std::string_view text) {
    if (!paragraph_.empty()) paragraph_ += '\n';
    paragraph_.append(text);
  }

  void code_line(std::string_view line) {
    char fence_char = 0;
    const std::size_t length = fence_length(line, &fence_char);
    if (length >= fence_length_ && fence_char == fence_char_ && is_blank(unindent(line).substr(length))) {
      close();
      fence_length_ = 0;
      return;
    }
    if (!paragraph_.empty() || !is_blank(line)) {
      if (!paragraph_.empty()) paragraph_ += '\n';
      paragraph_.append(line);
    }
  }

  bool next_is_table_rule() const {
    if (index_ + 1 >= lines_.size()) return false;
    std::string_view next = lines_[index_ + 1];
    strip_quote(&next);
    return is_table_rule(next) && next.find('|') != std::string_view::npos;
  }

  void block_line(std::string_view line);
  bool structural_line(std::string_view line);
  bool raw_html_line(std::string_view line);

  std::vector<std::string_view> lines_;
  std::size_t index_ = 0;
  std::string paragraph_;
  int quote_depth_ = 0;
  std::size_t fence_length_ = 0;
  char fence_char_ = 0;
  bool in_list_item_ = false, in_table_ = false;
  std::string raw_end_;  // the closing tag of a <script> or <style> block being skipped
  std::size_t next_close_[2] = {0, 0};  // the lines of the next </script> and </style>
};

// A <script> or <style> block is no prose: skipped through its closing tag, when it has one.
bool BlockParser::raw_html_line(std::string_view line) {
  const std::string lower = lower_ascii(trim_left(line));
  for (const char* tag : {"script", "style"}) {
    const std::string open = std::string("<") + tag;
    if (!lower.starts_with(open) ||
        (lower.size() > open.size() && lower[open.size()] != '>' && lower[open.size()] != ' ')) {
      continue;
    }
    const std::string end = std::string("</") + tag + ">";
    if (lower.find(end) != std::string::npos) return true;
    // The line of the next closing tag, remembered, so many unclosed tags cost linear time.
    std::size_t& next = next_close_[tag[1] == 't'];
    if (next <= index_) {
      next = index_ + 1;
      while (next < lines_.size() && lower_ascii(lines_[next]).find(end) == std::string::npos) ++next;
    }
    if (next < lines_.size()) {
      raw_end_ = end;
      return true;
    }
  }
  return false;
}

// Lines that open, close or make a block of their own; true when the line was used up.
bool BlockParser::structural_line(std::string_view line) {
  std::string_view heading;
  std::string label;
  if (const std::size_t length = fence_length(line, &fence_char_); length > 0) {
    close();
    fence_length_ = length;  // the info string ("```cpp") is no prose
  } else if (atx_heading(line, &heading)) {
    close();
    append(heading);
    close();
  } else if (!paragraph_.empty() && !in_list_item_ && !in_table_ && is_setext_underline(line)) {
    close();  // the paragraph above was a heading
  } else if (is_thematic_break(line) || is_setext_underline(line)) {
    close();
  } else if (footnote_definition(line, &heading)) {
    close();
    append(heading);
  } else if (reference_definition(line, &label)) {
    close();
    labels.push_back(label);
  } else if (raw_html_line(line)) {
    close();
  } else {
    return false;
  }
  return true;
}

void BlockParser::block_line(std::string_view line) {
  if (is_blank(line)) {
    close();
    in_table_ = false;
    return;
  }
  if (structural_line(line)) return;
  if (line.find('|') != std::string_view::npos && (in_table_ || next_is_table_rule())) {
    if (!in_table_) close();
    in_table_ = true;
    if (!is_table_rule(line)) blocks.push_back({table_cells(line), false});
    return;
  }
  if (in_table_) close();
  in_table_ = false;
  ListMarker marker;
  // An ordered item interrupts a paragraph only as "1." or inside a list, as in CommonMark,
  // so a wrapped line starting "2022. That year" stays prose.
  if (list_marker(line, &marker) &&
      (paragraph_.empty() || in_list_item_ || !marker.ordered || marker.number == 1)) {
    close();
    append(marker.rest);
    in_list_item_ = true;
    return;
  }
  append(trim_left(line));
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

}  // namespace

std::string clean_markdown(std::string_view text) {
  const std::string uncommented = strip_comments(text);
  BlockParser parser(split_lines(uncommented));
  parser.run();
  std::vector<std::string> paragraphs;
  for (const Block& block : parser.blocks) {
    paragraphs.push_back(block.code ? block.text : clean_markdown_inline(block.text, parser.labels));
  }
  return join_paragraphs(paragraphs);
}

}  // namespace anchoralign::detail
