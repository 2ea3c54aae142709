// Which markup a document carries, and the shape every cleaner returns.
//
// Detection by content has to be conservative: cleaning a plain text as Markdown would eat
// footnote asterisks, list numbers and leading dashes, so a file counts as Markdown only on
// a sign no plain text carries (an image or URL link, a reference definition, a code fence, a
// table rule) or on two independent weaker ones (two ATX headings, two bold spans, or two of
// heading / bold / bullet list / block quote). Numbered lists are no sign at all: plain texts
// number their points too. HTML needs a document tag (<html, <body, <head>, a doctype) or at
// least three tags of at least two kinds among the common ones.
// Tested by clean_test.cpp.
#include "clean/markup.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace anchoralign::detail {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// The line without up to three leading spaces (Markdown's block indentation).
std::string_view unindent(std::string_view line) {
  std::size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') ++i;
  return line.substr(i);
}

bool is_url_start(std::string_view dest) {
  for (std::string_view prefix : {"http://", "https://", "mailto:", "www.", "/", "./", "../", "#"}) {
    if (dest.starts_with(prefix)) return true;
  }
  return false;
}

// "[text](dest)" on the line (with '!' before it for an image); a link's destination must
// look like a URL or a path, so that "[1](2)" in prose is no link. One pass: each ']' pairs
// with the last '[' since the ']' before it, and the search for ')' never goes back.
bool has_inline_link(std::string_view line, bool image) {
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t open = kNone, paren = 0;
  bool paren_searched = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') {
      if (image == (i > 0 && line[i - 1] == '!')) open = i;
      continue;
    }
    if (line[i] != ']') continue;
    const bool candidate = open != kNone && i + 1 < line.size() && line[i + 1] == '(';
    open = kNone;
    if (!candidate) continue;
    if (!paren_searched || (paren != kNone && paren < i + 2)) {
      paren = line.find(')', i + 2);
      paren_searched = true;
    }
    if (paren == kNone) return false;
    const std::string_view dest = line.substr(i + 2, paren - i - 2);
    if (!dest.empty() && (image || is_url_start(dest))) return true;
  }
  return false;
}

// "[label]: http://..." — a reference-link definition.
bool is_reference_definition(std::string_view line) {
  line = unindent(line);
  const std::size_t close = line.find("]:");
  if (!line.starts_with('[') || close == std::string_view::npos || close < 2) return false;
  std::size_t dest = close + 2;
  while (dest < line.size() && is_space(line[dest])) ++dest;
  return is_url_start(line.substr(dest));
}

// A GFM table's rule row: "|---|:---:|" or "--- | ---".
bool is_table_rule(std::string_view line) {
  if (line.find('|') == std::string_view::npos || line.find("---") == std::string_view::npos) {
    return false;
  }
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == '|' || c == '-' || c == ':' || is_space(c); });
}

bool is_atx_heading(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  return hashes >= 1 && hashes <= 6 && hashes + 1 < line.size() && line[hashes] == ' ' &&
         !is_space(line[hashes + 1]);
}

// "**word**" closed on the same line, the markers hugging the words.
bool has_bold(std::string_view line) {
  for (std::size_t open = line.find("**"); open != std::string_view::npos;) {
    const std::size_t close = line.find("**", open + 2);
    if (close == std::string_view::npos) return false;
    if (close > open + 2 && !is_space(line[open + 2]) && !is_space(line[close - 1])) return true;
    open = close;
  }
  return false;
}

bool is_bullet(std::string_view line) {
  line = unindent(line);
  return line.size() >= 3 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
         line[1] == ' ' && !is_space(line[2]);
}

struct MarkdownSigns {
  int strong = 0, headings = 0, bolds = 0, bullet_runs = 0, quotes = 0, fences = 0;
};

MarkdownSigns markdown_signs(std::string_view text) {
  MarkdownSigns signs;
  bool previous_bullet = false;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    if (has_inline_link(line, true) || has_inline_link(line, false) ||
        is_reference_definition(line) || is_table_rule(line)) {
      ++signs.strong;
    }
    const std::string_view block = unindent(line);
    if (block.starts_with("```") || block.starts_with("~~~")) ++signs.fences;
    if (is_atx_heading(line)) ++signs.headings;
    if (has_bold(line)) ++signs.bolds;
    if (block.starts_with("> ")) ++signs.quotes;
    const bool bullet = is_bullet(line);
    if (bullet && previous_bullet) ++signs.bullet_runs;
    previous_bullet = bullet;
  }
  return signs;
}

const std::set<std::string, std::less<>>& common_html_tags() {
  static const std::set<std::string, std::less<>> tags = {
      "p",  "div", "br",   "span",  "a",      "li", "ul", "ol", "h1", "h2", "h3",
      "h4", "h5",  "h6",   "table", "tr",     "td", "th", "em", "strong", "b", "i",
      "img", "blockquote", "section", "article", "meta", "title", "hr"};
  return tags;
}

}  // namespace

bool looks_like_markdown(std::string_view text) {
  const MarkdownSigns signs = markdown_signs(text);
  if (signs.strong > 0 || signs.fences >= 2) return true;
  const int kinds = (signs.headings > 0) + (signs.bolds > 0) + (signs.bullet_runs > 0) +
                    (signs.quotes > 0);
  return kinds >= 2 || signs.headings >= 2 || signs.bolds >= 2;
}

bool looks_like_html(std::string_view text) {
  const std::string lower = lower_ascii(text);
  for (const char* document_tag : {"<!doctype html", "<html", "<body", "<head>"}) {
    if (lower.find(document_tag) != std::string::npos) return true;
  }
  int count = 0;
  std::set<std::string, std::less<>> kinds;
  for (std::size_t open = lower.find('<'); open != std::string::npos;
       open = lower.find('<', open + 1)) {
    std::size_t name = open + 1 + (open + 1 < lower.size() && lower[open + 1] == '/');
    std::size_t end = name;
    while (end < lower.size() && std::isalnum(static_cast<unsigned char>(lower[end]))) ++end;
    if (end >= lower.size() || (lower[end] != '>' && lower[end] != ' ' && lower[end] != '/')) {
      continue;
    }
    const std::string_view tag = std::string_view(lower).substr(name, end - name);
    if (common_html_tags().contains(tag)) {
      ++count;
      kinds.emplace(tag);
    }
  }
  return count >= 3 && kinds.size() >= 2;
}

InputFormat detect_format(const Document& document) {
  const std::string extension =
      lower_ascii(std::filesystem::path(document.name).extension().string());
  if (extension == ".md" || extension == ".markdown") return InputFormat::kMarkdown;
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml") {
    return InputFormat::kHtml;
  }
  if (!extension.empty() && extension != ".txt" && document.name != "-") return InputFormat::kText;
  // Markdown may embed a few tags, so it is asked about before the weaker HTML signs.
  const std::string lower = lower_ascii(document.text.substr(0, 4096));
  if (lower.find("<!doctype html") != std::string::npos ||
      lower.find("<html") != std::string::npos) {
    return InputFormat::kHtml;
  }
  if (looks_like_markdown(document.text)) return InputFormat::kMarkdown;
  if (looks_like_html(document.text)) return InputFormat::kHtml;
  return InputFormat::kText;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& paragraph : paragraphs) {
    std::string kept;
    for (std::size_t begin = 0; begin <= paragraph.size();) {
      std::size_t end = paragraph.find('\n', begin);
      if (end == std::string::npos) end = paragraph.size();
      std::size_t last = end;
      while (last > begin && std::isspace(static_cast<unsigned char>(paragraph[last - 1]))) --last;
      std::size_t first = begin;
      while (first < last && std::isspace(static_cast<unsigned char>(paragraph[first]))) ++first;
      if (first < last) {
        if (!kept.empty()) kept += '\n';
        kept.append(paragraph, begin, last - begin);
      }
      begin = end + 1;
    }
    if (kept.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += kept;
  }
  if (!out.empty()) out += '\n';
  return out;
}

void clean_markup(Document& document, InputFormat format) {
  if (format == InputFormat::kAuto) format = detect_format(document);
  if (format == InputFormat::kMarkdown) document.text = clean_markdown(document.text);
  if (format == InputFormat::kHtml) document.text = clean_html(document.text);
}

}  // namespace anchoralign::detail
