// HTML to prose, and the character references HTML and Markdown share.
//
// One pass over the text, no DOM: tags go, and the block elements a browser starts on a new
// line (p, div, h1-h6, li, br, tr, blockquote...) end a paragraph. Table cells are separated
// by a space. The contents of script, style, head and template go with them, through their
// closing tag; when there is none (a damaged file) only the tag goes, so no text is lost.
// Comments, doctypes and processing instructions go; CDATA keeps its text. A '<' that opens
// no tag stays ("a < b"). Whitespace collapses as a browser's does, except that a run holding
// a line end stays a line end, so the splitter can join wrapped Chinese lines without a space.
// Tested by clean_test.cpp.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clean/markup.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

// HTML's names for U+00C0..U+00FF, in order.
constexpr std::array<const char*, 64> kLatin1Names = {
    "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",
    "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
    "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

// The other common named references; spaces of every width read as a plain space, and the
// invisible ones (soft hyphen, zero-width joiners) as nothing.
constexpr std::pair<const char*, char32_t> kNamed[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", ' '},     {"ensp", ' '},     {"emsp", ' '},      {"thinsp", ' '},   {"shy", 0},
    {"zwj", 0},        {"zwnj", 0},       {"copy", 0xA9},     {"reg", 0xAE},     {"trade", 0x2122},
    {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"bdquo", 0x201E}, {"laquo", 0xAB},
    {"raquo", 0xBB},   {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"middot", 0xB7}, {"bull", 0x2022},
    {"deg", 0xB0},     {"plusmn", 0xB1},  {"euro", 0x20AC},   {"pound", 0xA3},   {"yen", 0xA5},
    {"cent", 0xA2},    {"sect", 0xA7},    {"para", 0xB6},     {"iexcl", 0xA1},   {"iquest", 0xBF},
    {"prime", 0x2032}, {"Prime", 0x2033}, {"frac12", 0xBD},   {"frac14", 0xBC},  {"frac34", 0xBE},
    {"sup2", 0xB2},    {"sup3", 0xB3},    {"micro", 0xB5},    {"larr", 0x2190},  {"rarr", 0x2192},
    {"uarr", 0x2191},  {"darr", 0x2193},  {"le", 0x2264},     {"ge", 0x2265},    {"ne", 0x2260},
    {"infin", 0x221E}, {"minus", 0x2212}, {"dagger", 0x2020}, {"Dagger", 0x2021}, {"permil", 0x2030},
    {"ordf", 0xAA},    {"ordm", 0xBA},    {"not", 0xAC},      {"macr", 0xAF},    {"acute", 0xB4},
    {"cedil", 0xB8},   {"sup1", 0xB9},    {"uml", 0xA8},      {"brvbar", 0xA6},  {"curren", 0xA4}};

bool named_reference(std::string_view name, char32_t* c) {
  for (const auto& [known, value] : kNamed) {
    if (name == known) return *c = value, true;
  }
  for (std::size_t i = 0; i < kLatin1Names.size(); ++i) {
    if (name == kLatin1Names[i]) return *c = static_cast<char32_t>(0xC0 + i), true;
  }
  return false;
}

// &#20013; or &#x4E2D;: the code point, U+FFFD for none (0, surrogates, beyond U+10FFFF).
bool numeric_reference(std::string_view digits, char32_t* c) {
  const bool hex = !digits.empty() && (digits[0] == 'x' || digits[0] == 'X');
  if (hex) digits.remove_prefix(1);
  if (digits.empty() || digits.size() > (hex ? 6u : 7u)) return false;
  char32_t value = 0;
  for (char d : digits) {
    const int digit = std::isdigit(static_cast<unsigned char>(d)) ? d - '0'
                      : hex && std::isxdigit(static_cast<unsigned char>(d))
                          ? std::tolower(static_cast<unsigned char>(d)) - 'a' + 10
                          : -1;
    if (digit < 0) return false;
    value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
  }
  const bool valid = value != 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
  *c = valid ? value : kReplacementChar;
  // Decoded text has no CR or other C0 controls (decode.h): &#13; and kin are whitespace.
  if (*c < 0x20 && *c != '\n' && *c != '\t') *c = ' ';
  return true;
}

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

const std::set<std::string, std::less<>>& block_tags() {
  static const std::set<std::string, std::less<>> tags = {
      "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
      "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
      "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "legend", "li",
      "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody",
      "tfoot", "thead", "title", "tr", "ul"};
  return tags;
}

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

class HtmlCleaner {
 public:
  explicit HtmlCleaner(std::string_view text) : text_(text), lower_(lower_ascii(text)) {}

  std::string run() {
    for (std::size_t i = 0; i < text_.size();) {
      if (text_[i] == '<') {
        i = markup(i);
      } else if (text_[i] == '&') {
        std::string decoded;
        const std::size_t length = decode_character_reference(text_, i, &decoded);
        append(length > 0 ? std::string_view(decoded) : text_.substr(i, 1));
        i += std::max<std::size_t>(length, 1);
      } else {
        const std::size_t end = std::min(text_.find_first_of("<&", i), text_.size());
        append(text_.substr(i, end - i));
        i = end;
      }
    }
    end_paragraph();
    return join_paragraphs(paragraphs_);
  }

 private:
  // Text with whitespace collapsed; a pending space is written only before more text.
  void append(std::string_view text) {
    for (const char c : text) {
      if (is_html_space(c)) {
        space_ = true;
        line_end_ = line_end_ || c == '\n';
        continue;
      }
      if (space_ && !current_.empty()) current_ += line_end_ ? '\n' : ' ';
      space_ = line_end_ = false;
      current_ += c;
    }
  }

  void end_paragraph() {
    if (!current_.empty()) paragraphs_.push_back(std::move(current_));
    current_.clear();
    space_ = line_end_ = false;
  }

  // The first `needle` (lower case) at or after `from`. Searches remember their answer, so
  // that a text full of '<' without a '>' costs linear time, not quadratic.
  std::size_t find(const std::string& needle, std::size_t from) {
    auto [cached, inserted] = found_.try_emplace(needle, from, std::string::npos);
    auto& [cached_from, cached_at] = cached->second;
    if (inserted || from < cached_from || (cached_at != std::string::npos && cached_at < from)) {
      cached_from = from;
      cached_at = lower_.find(needle, from);
    }
    return cached_at;
  }

  // Just past the next `end`, or npos.
  std::size_t past(const std::string& end, std::size_t from) {
    const std::size_t found = find(end, from);
    return found == std::string::npos ? found : found + end.size();
  }

  std::size_t markup(std::size_t i);
  std::size_t tag(std::size_t i);
  std::size_t raw_text_end(const std::string& name, std::size_t after_tag);

  std::string_view text_;
  std::string lower_;
  std::vector<std::string> paragraphs_;
  std::string current_;
  bool space_ = false, line_end_ = false;
  std::map<std::string, std::pair<std::size_t, std::size_t>> found_;  // needle -> (from, at)
};

// What starts at text_[i] ('<'): a comment, CDATA, a declaration or a tag, skipped;
// returns where the text goes on. A '<' opening none of them is text.
std::size_t HtmlCleaner::markup(std::size_t i) {
  std::size_t end = std::string::npos;
  if (lower_.compare(i, 4, "<!--") == 0) {
    end = past("-->", i + 4);
  } else if (lower_.compare(i, 9, "<![cdata[") == 0) {
    end = past("]]>", i + 9);
    if (end != std::string::npos) append(text_.substr(i + 9, end - 3 - i - 9));
  } else if (lower_.compare(i, 2, "<!") == 0 || lower_.compare(i, 2, "<?") == 0) {
    end = past(">", i + 2);
  } else {
    end = tag(i);
  }
  if (end != std::string::npos) return end;
  append("<");
  return i + 1;
}

// A start or end tag at text_[i]: its effect on paragraphs, and where the text goes on
// (npos when it is no tag).
std::size_t HtmlCleaner::tag(std::size_t i) {
  const bool closing = lower_.compare(i, 2, "</") == 0;
  const std::size_t name_begin = i + (closing ? 2 : 1);
  std::size_t name_end = name_begin;
  while (name_end < lower_.size() && (std::isalnum(static_cast<unsigned char>(lower_[name_end])) ||
                                      lower_[name_end] == '-' || lower_[name_end] == ':')) {
    ++name_end;
  }
  if (name_end == name_begin || !std::isalpha(static_cast<unsigned char>(lower_[name_begin]))) {
    return std::string::npos;
  }
  // The first '>' ends the tag, even inside a quoted attribute value: rare there, and
  // tracking quotes would let one stray quote swallow the rest of the file.
  const std::size_t end = find(">", name_end);
  if (end == std::string::npos) return std::string::npos;
  const std::string name = lower_.substr(name_begin, name_end - name_begin);
  if (block_tags().contains(name)) {
    end_paragraph();
  } else if (name == "td" || name == "th") {
    space_ = true;
  }
  return closing ? end + 1 : raw_text_end(name, end + 1);
}

// After the start tag of an element whose content is no prose, the end of its content.
std::size_t HtmlCleaner::raw_text_end(const std::string& name, std::size_t after_tag) {
  if (name != "script" && name != "style" && name != "head" && name != "template") return after_tag;
  std::size_t close = find("</" + name, after_tag);
  if (close == std::string::npos && name == "head") close = find("<body", after_tag);
  if (close == std::string::npos) return after_tag;
  return close;  // the closing tag itself is read as a tag
}

}  // namespace

std::size_t decode_character_reference(std::string_view text, std::size_t pos, std::string* out) {
  const std::size_t limit = std::min(text.size(), pos + 12);
  std::size_t semicolon = pos + 1;
  while (semicolon < limit && std::isalnum(static_cast<unsigned char>(text[semicolon]))) ++semicolon;
  if (semicolon < limit && text[semicolon] == '#' && semicolon == pos + 1) {
    ++semicolon;
    while (semicolon < limit && std::isalnum(static_cast<unsigned char>(text[semicolon]))) ++semicolon;
  }
  if (semicolon >= limit || text[semicolon] != ';' || semicolon == pos + 1) return 0;
  const std::string_view name = text.substr(pos + 1, semicolon - pos - 1);
  char32_t c = 0;
  const bool known = name[0] == '#' ? numeric_reference(name.substr(1), &c) : named_reference(name, &c);
  if (!known) return 0;
  if (c != 0) append_utf8(*out, c);
  return semicolon + 1 - pos;
}

std::string clean_html(std::string_view text) { return HtmlCleaner(text).run(); }

}  // namespace anchoralign::detail
