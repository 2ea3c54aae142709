// Markdown inline markup to prose, one paragraph at a time.
//
// Links keep their text and lose their target. Images go entirely, alt text included: alt
// text describes a picture ("图片", "cover.png", often nothing), it is not part of the prose a
// translator translated, and the two versions of a text rarely carry the same pictures, so
// keeping it would only add sentences without a counterpart. Footnote references ("[^1]") go;
// footnote texts stay (markdown.cpp). Code spans keep their text verbatim. Autolinks and bare
// URLs stay as text, protected from the emphasis pass ("?__biz=" is no emphasis).
//
// Emphasis is looser than CommonMark on purpose: its flanking rules fail on Chinese (a
// closing "**" between "”" and a Han character does not close), and in files exported from
// editors bold marks often do not even pair up. So runs of two or more '*' go wherever they
// touch text; single '*', '_' and '__' and "~~" go in pairs, an opener hugging the text on
// its right and a closer on its left; '_' never opens or closes inside a Latin word, so
// snake_case stays, and an unpaired '*' (a footnote mark) stays too.
//
// Every look-ahead is bounded (kMaxReach) and draws on a budget proportional to the
// paragraph's length, so that a paragraph full of unmatched '[', '`' or "](" costs linear
// time; once the budget is spent (never, in real texts) the rest stays literal.
// Tested by clean_test.cpp.
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "clean/markup.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

// How far a bracket, backtick or tag looks for its partner, in bytes.
constexpr std::size_t kMaxReach = 4096;
// Bytes of look-ahead per byte of text, and the least budget of a paragraph.
constexpr std::size_t kBudgetPerByte = 16, kMinBudget = 1 << 16;
// How many unmatched openers a closer looks back through.
constexpr std::size_t kMaxOpeners = 64;

struct Token {
  std::string text;
  char delim = 0;  // '*', '_' or '~' for a delimiter run; 0 for literal text
  bool can_open = false, can_close = false, removed = false;
};

bool is_unicode_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

bool is_word_char(char32_t c) { return (c < 0x80 && std::isalnum(static_cast<int>(c))) || is_latin_letter(c); }

// The code points either side of text[begin, end); a text edge counts as a space.
char32_t char_before(std::string_view text, std::size_t begin) {
  if (begin == 0) return ' ';
  std::size_t length = 0;
  return decode_utf8(text, previous_char_start(text, begin), &length);
}

char32_t char_after(std::string_view text, std::size_t end) {
  if (end >= text.size()) return ' ';
  std::size_t length = 0;
  return decode_utf8(text, end, &length);
}

// Whether text[begin, end) has nothing but spaces beside it on its line.
bool alone_on_line(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  return (begin == 0 || text[begin - 1] == '\n') && (end == text.size() || text[end] == '\n');
}

const std::set<std::string, std::less<>>& inline_html_tags() {
  static const std::set<std::string, std::less<>> tags = {
      "a",     "abbr",   "b",      "big",  "br",     "center",  "cite",    "code",   "del",
      "div",   "em",     "font",   "hr",   "i",      "img",     "ins",     "kbd",    "mark",
      "p",     "q",      "s",      "small", "span",  "strike",  "strong",  "sub",    "sup",
      "u",     "video",  "audio",  "source", "iframe", "figure", "figcaption", "section",
      "details", "summary", "table", "tr",  "td",    "th",      "thead",   "tbody",  "ul",
      "ol",    "li",     "blockquote", "h1", "h2",  "h3",      "h4",      "h5",     "h6"};
  return tags;
}

class InlineScanner {
 public:
  InlineScanner(const std::vector<std::string>& labels, std::size_t length)
      : labels_(labels), budget_(kBudgetPerByte * length + kMinBudget) {}

  std::vector<Token> tokens;

  void scan(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) i = step(text, i);
  }

 private:
  void literal(std::string_view text) {
    if (tokens.empty() || tokens.back().delim != 0) tokens.emplace_back();
    tokens.back().text.append(text);
  }

  std::size_t step(std::string_view text, std::size_t i);
  std::size_t escape(std::string_view text, std::size_t i);
  std::size_t code_span(std::string_view text, std::size_t i);
  std::size_t bracket(std::string_view text, std::size_t i, bool image);
  std::size_t angle(std::string_view text, std::size_t i);
  std::size_t bare_url(std::string_view text, std::size_t i);
  std::size_t delimiter_run(std::string_view text, std::size_t i);
  bool defined(std::string_view label) const;

  // The end of a look-ahead from `from`: kMaxReach bytes at most, and what the budget allows.
  std::size_t reach(std::string_view text, std::size_t from) const {
    return std::min({text.size(), from + kMaxReach, from + budget_});
  }
  void spend(std::size_t from, std::size_t to) { budget_ -= std::min(budget_, to - from); }
  std::size_t matching_bracket(std::string_view text, std::size_t open);
  std::size_t link_destination_end(std::string_view text, std::size_t open);

  const std::vector<std::string>& labels_;
  std::size_t budget_;
};

std::size_t InlineScanner::step(std::string_view text, std::size_t i) {
  switch (text[i]) {
    case '\\': return escape(text, i);
    case '`': return code_span(text, i);
    case '!':
      if (i + 1 < text.size() && text[i + 1] == '[') {
        if (const std::size_t end = bracket(text, i + 1, true); end > 0) return end;
      }
      break;
    case '[':
      if (const std::size_t end = bracket(text, i, false); end > 0) return end;
      break;
    case '<':
      if (const std::size_t end = angle(text, i); end > 0) return end;
      break;
    case '&': {
      std::string decoded;
      if (const std::size_t length = decode_character_reference(text, i, &decoded); length > 0) {
        literal(decoded);
        return i + length;
      }
      break;
    }
    case 'h': case 'w': case 'H': case 'W':
      if (const std::size_t end = bare_url(text, i); end > 0) return end;
      break;
    case '*': case '_': case '~': return delimiter_run(text, i);
    default: break;
  }
  literal(text.substr(i, 1));
  return i + 1;
}

// "\*" is a literal '*'; a backslash before a line end is a hard line break.
std::size_t InlineScanner::escape(std::string_view text, std::size_t i) {
  if (i + 1 < text.size() && std::ispunct(static_cast<unsigned char>(text[i + 1]))) {
    literal(text.substr(i + 1, 1));
    return i + 2;
  }
  if (i + 1 < text.size() && text[i + 1] == '\n') {
    literal("\n");
    return i + 2;
  }
  literal("\\");
  return i + 1;
}

// `code` or ``co`de``: the text between runs of equally many backticks, verbatim.
std::size_t InlineScanner::code_span(std::string_view text, std::size_t i) {
  std::size_t run = 0;
  while (i + run < text.size() && text[i + run] == '`') ++run;
  const std::size_t limit = reach(text, i + run);
  std::size_t j = i + run;
  while (j < limit) {
    if (text[j] != '`') {
      ++j;
      continue;
    }
    std::size_t close = 0;
    while (j + close < text.size() && text[j + close] == '`') ++close;
    if (close == run) break;
    j += close;
  }
  spend(i + run, j);
  if (j >= limit) {
    literal(text.substr(i, run));
    return i + run;
  }
  std::string code(text.substr(i + run, j - i - run));
  std::replace(code.begin(), code.end(), '\n', ' ');
  literal(code);
  return j + run;
}

bool InlineScanner::defined(std::string_view label) const {
  std::string lower(label);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(labels_.begin(), labels_.end(), lower) != labels_.end();
}

// The end of the bracket text opened at text[open] ('['), nested brackets and escapes
// skipped, or 0.
std::size_t InlineScanner::matching_bracket(std::string_view text, std::size_t open) {
  int depth = 0;
  const std::size_t limit = reach(text, open);
  std::size_t j = open;
  for (; j < limit; ++j) {
    if (text[j] == '\\') {
      ++j;
    } else if (text[j] == '[') {
      ++depth;
    } else if (text[j] == ']' && --depth == 0) {
      break;
    }
  }
  spend(open, std::min(j, limit));
  return j < limit ? j : 0;
}

// The end of an inline link's "(destination "title")" opened at text[open], or 0.
std::size_t InlineScanner::link_destination_end(std::string_view text, std::size_t open) {
  const std::size_t limit = reach(text, open);
  int depth = 0;
  char quote = 0;
  std::size_t j = open, end = 0;
  for (; j < limit && end == 0; ++j) {
    const char c = text[j];
    if (c == '\\') {
      ++j;
    } else if (quote != 0) {
      if (c == quote) quote = 0;
    } else if ((c == '"' || c == '\'') && j > open && std::isspace(static_cast<unsigned char>(text[j - 1]))) {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      end = j + 1;
    } else if (c == '\n' && j + 1 < limit && text[j + 1] == '\n') {
      break;
    }
  }
  spend(open, std::min(j, limit));
  return end;
}

// [text](dest), [text][label], [text][] and [label] when defined, ![alt](...) alike, and
// footnote references [^1]. Returns where the link ends, or 0 when there is none.
std::size_t InlineScanner::bracket(std::string_view text, std::size_t i, bool image) {
  const std::size_t close = matching_bracket(text, i);
  if (close == 0) return 0;
  const std::string_view inner = text.substr(i + 1, close - i - 1);
  std::size_t end = 0;
  if (!image && inner.starts_with('^') && inner.find_first_of(" \t\n") == std::string_view::npos) {
    end = close + 1;  // a footnote reference
    return end;
  }
  if (close + 1 < text.size() && text[close + 1] == '(') {
    end = link_destination_end(text, close + 1);
  } else if (close + 1 < text.size() && text[close + 1] == '[') {
    const std::size_t label_end = matching_bracket(text, close + 1);
    const std::string_view label = text.substr(close + 2, label_end - close - 2);
    if (label_end > 0 && defined(label.empty() ? inner : label)) end = label_end + 1;
  } else if (defined(inner)) {
    end = close + 1;
  }
  if (end == 0) return 0;
  if (!image) scan(inner);
  return end;
}

// <https://autolink> and <a@b.c> stay as their text; known HTML tags go (<br> breaks the line).
std::size_t InlineScanner::angle(std::string_view text, std::size_t i) {
  const std::size_t limit = reach(text, i);
  std::size_t j = i + 1;
  while (j < limit && text[j] != '>' && text[j] != '<' && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
  spend(i, j);
  const std::string_view inside = text.substr(i + 1, j - i - 1);
  if (j < limit && text[j] == '>' && (inside.find(':') != std::string_view::npos ||
                                      inside.find('@') != std::string_view::npos) &&
      !inside.starts_with('/')) {
    literal(inside);
    return j + 1;
  }
  std::size_t name = i + 1 + (i + 1 < text.size() && text[i + 1] == '/');
  std::size_t name_end = name;
  while (name_end < text.size() && std::isalnum(static_cast<unsigned char>(text[name_end]))) ++name_end;
  std::string tag(text.substr(name, name_end - name));
  for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!inline_html_tags().contains(tag)) return 0;
  // The first '>' ends the tag, as in html.cpp; a '<' first means there was no tag.
  for (j = name_end; j < limit && text[j] != '>' && text[j] != '<'; ++j) {
  }
  spend(name_end, j);
  if (j >= limit || text[j] != '>') return 0;
  if (tag == "br") literal("\n");
  return j + 1;
}

// A bare http(s):// or www. URL, kept as it is and out of the emphasis pass.
std::size_t InlineScanner::bare_url(std::string_view text, std::size_t i) {
  if (is_word_char(char_before(text, i))) return 0;
  std::string head(text.substr(i, 8));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!head.starts_with("http://") && !head.starts_with("https://") && !head.starts_with("www.")) {
    return 0;
  }
  std::size_t end = i;
  while (end < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[end]);
    if (c >= 0x80 || std::isspace(c) || c == '<' || c == '>' || c == '"' || c == '`' || c == '*') break;
    ++end;
  }
  literal(text.substr(i, end - i));
  return end;
}

std::size_t InlineScanner::delimiter_run(std::string_view text, std::size_t i) {
  std::size_t end = i;
  while (end < text.size() && text[end] == text[i]) ++end;
  Token token;
  token.text = std::string(text.substr(i, end - i));
  token.delim = text[i];
  const char32_t before = char_before(text, i), after = char_after(text, end);
  token.can_open = !is_unicode_space(after);
  token.can_close = !is_unicode_space(before);
  if (token.delim == '_') {
    token.can_open = token.can_open && !is_word_char(before);
    token.can_close = token.can_close && !is_word_char(after);
  }
  if (token.delim == '*' && token.text.size() >= 2 && alone_on_line(text, i, end)) {
    token.can_open = token.can_close = true;  // "**" on a line of its own closes a bold block
  }
  if (token.delim == '~' && token.text.size() != 2) token.delim = 0;  // 约~10: a tilde
  if (token.delim == 0) {
    literal(token.text);
  } else {
    tokens.push_back(std::move(token));
  }
  return end;
}

// Marks the delimiter runs that are emphasis as removed (see the essay above).
void pair_delimiters(std::vector<Token>& tokens) {
  std::vector<std::size_t> openers;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token& token = tokens[i];
    if (token.delim == 0) continue;
    if (token.delim == '*' && token.text.size() >= 2) {
      token.removed = token.can_open || token.can_close;
      continue;
    }
    bool paired = false;
    if (token.can_close) {
      const std::size_t bottom = openers.size() > kMaxOpeners ? openers.size() - kMaxOpeners : 0;
      for (std::size_t k = openers.size(); k > bottom && !paired; --k) {
        Token& opener = tokens[openers[k - 1]];
        if (opener.delim != token.delim || opener.text.size() != token.text.size()) continue;
        opener.removed = token.removed = paired = true;
        openers.resize(k - 1);
      }
    }
    if (!paired && token.can_open) openers.push_back(i);
  }
}

// Runs of spaces become one space; lines lose their outer spaces.
std::string tidy_lines(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (c == '\n') {
      space = false;
    } else if (space && !out.empty() && out.back() != '\n') {
      out += ' ';
    }
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string clean_markdown_inline(std::string_view text, const std::vector<std::string>& labels) {
  InlineScanner scanner(labels, text.size());
  scanner.scan(text);
  pair_delimiters(scanner.tokens);
  std::string out;
  for (const Token& token : scanner.tokens) {
    if (!token.removed) out += token.text;
  }
  return tidy_lines(out);
}

}  // namespace anchoralign::detail
