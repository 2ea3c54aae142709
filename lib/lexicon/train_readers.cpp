// Readers of training data: TMX translation memories, TSV sentence pairs, parallel files.
//
// TMX is read by a small XML reader rather than an XML library (none is a dependency). It
// understands what TMX files contain: the XML declaration, comments, a DOCTYPE (with an
// internal subset), processing instructions, CDATA sections, the five predefined entities and
// character references, and attributes in either quote. Inside <seg>, the TMX 1.4b inline
// elements that carry native codes (<bpt>, <ept>, <it>, <ph>, <ut>) are dropped with their
// content, <sub> included (it only occurs inside them); the text of every other element
// (<hi>, unknown ones) is kept. Mismatched tags, unknown entities and unterminated
// constructs are errors naming the line, since guessing would teach the lexicon garbage.
//
// Tested by lexicon_train_test.cpp.
#include <algorithm>
#include <cctype>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "lexicon/train.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

using std::string_view;

std::size_t line_of(string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(
                 text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string lower_ascii(string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

// Runs of whitespace collapsed to one space, and none at either end.
std::string collapse_spaces(string_view text) {
  std::string result;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (result.empty() || result.back() == ' ')) continue;
    result += space ? ' ' : c;
  }
  if (!result.empty() && result.back() == ' ') result.pop_back();
  return result;
}

enum class TuvLang { kOther, kChinese, kEnglish };

// By the primary subtag: zh, zh-CN, zh_TW, ZH-Hant, zho, chi -> Chinese; en, en-US, eng ->
// English.
TuvLang tuv_lang(string_view code) {
  const std::string primary = lower_ascii(code.substr(0, code.find_first_of("-_")));
  if (primary == "zh" || primary == "zho" || primary == "chi" || primary == "cmn") {
    return TuvLang::kChinese;
  }
  if (primary == "en" || primary == "eng") return TuvLang::kEnglish;
  return TuvLang::kOther;
}

// TMX inline elements whose content is native code, not text.
bool is_code_element(string_view name) {
  return name == "bpt" || name == "ept" || name == "it" || name == "ph" || name == "ut" ||
         name == "sub";
}

// The character an entity ("amp", "#20013", "#x4E2D") stands for; 0 when it is not one of
// XML's five predefined entities or a reference to a valid character.
char32_t decode_entity(string_view entity) {
  static constexpr std::pair<string_view, char32_t> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
  for (const auto& [name, c] : kNamed) {
    if (entity == name) return c;
  }
  if (entity.size() < 2 || entity[0] != '#') return 0;
  const bool hex = entity[1] == 'x' || entity[1] == 'X';
  const string_view digits = entity.substr(hex ? 2 : 1);
  std::uint32_t code = 0;
  for (const char c : digits) {
    const auto byte = static_cast<unsigned char>(c);
    const int digit = std::isdigit(byte)           ? c - '0'
                      : hex && std::isxdigit(byte) ? std::tolower(byte) - 'a' + 10
                                                   : -1;
    if (digit < 0 || code > 0x10FFFF) return 0;  // the check keeps code * 16 in range
    code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
  }
  if (digits.empty() || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return static_cast<char32_t>(code);
}

struct Tag {
  std::string name;
  std::string lang;  // the xml:lang (TMX 1.4) or lang (TMX 1.1) attribute
  bool closing = false, empty = false;
};

class TmxReader {
 public:
  TmxReader(string_view text, const std::string& name) : text_(text), name_(name) {}
  std::vector<SentencePair> read();

 private:
  struct Open {
    std::string name;
    std::size_t offset;
  };

  InputError error(std::size_t offset, const std::string& what) const {
    const std::size_t line = line_of(text_, offset);
    return InputError(name_ + ":" + std::to_string(line) + ": " + what, name_, line);
  }
  std::size_t skip_past(std::size_t from, string_view end, const char* what) const;
  void markup();
  std::size_t skip_declaration(std::size_t from) const;
  Tag parse_tag(std::size_t begin);
  void parse_attribute(Tag& tag, std::size_t tag_begin);
  void open_element(const Tag& tag, std::size_t offset);
  void close_element(const Tag& tag, std::size_t offset);
  void decode_text(string_view raw, std::size_t offset, std::string& out) const;
  bool collecting() const { return in_seg_ && code_depth_ == 0; }

  string_view text_;
  const std::string& name_;
  std::size_t pos_ = 0;
  std::vector<Open> open_;
  bool seen_root_ = false, in_tu_ = false, in_seg_ = false;
  int code_depth_ = 0;
  TuvLang tuv_ = TuvLang::kOther;
  bool in_tuv_ = false;
  std::string seg_, chinese_, english_;
  std::vector<SentencePair> pairs_;
};

std::vector<SentencePair> TmxReader::read() {
  while (pos_ < text_.size()) {
    const std::size_t lt = std::min(text_.find('<', pos_), text_.size());
    if (collecting()) decode_text(text_.substr(pos_, lt - pos_), pos_, seg_);
    pos_ = lt;
    if (pos_ < text_.size()) markup();
  }
  if (!open_.empty()) {
    throw error(open_.back().offset, "<" + open_.back().name + "> is never closed");
  }
  if (!seen_root_) throw error(0, "no <tmx> element: not a TMX file");
  return std::move(pairs_);
}

std::size_t TmxReader::skip_past(std::size_t from, string_view end, const char* what) const {
  const std::size_t found = text_.find(end, from);
  if (found == string_view::npos) throw error(pos_, std::string("unterminated ") + what);
  return found + end.size();
}

// Handles the markup at pos_ ('<') and moves past it.
void TmxReader::markup() {
  const string_view rest = text_.substr(pos_);
  if (rest.starts_with("<!--")) {
    pos_ = skip_past(pos_ + 4, "-->", "comment");
  } else if (rest.starts_with("<![CDATA[")) {
    const std::size_t end = skip_past(pos_ + 9, "]]>", "CDATA section");
    if (collecting()) seg_.append(text_.substr(pos_ + 9, end - 3 - (pos_ + 9)));
    pos_ = end;
  } else if (rest.starts_with("<!")) {
    pos_ = skip_declaration(pos_ + 2);
  } else if (rest.starts_with("<?")) {
    pos_ = skip_past(pos_ + 2, "?>", "processing instruction");
  } else {
    const std::size_t begin = pos_;
    const Tag tag = parse_tag(begin);
    if (tag.closing) {
      close_element(tag, begin);
    } else {
      open_element(tag, begin);
      if (tag.empty) close_element(tag, begin);
    }
  }
}

// Past the '>' ending a <!DOCTYPE ...> that may hold an internal subset in brackets.
std::size_t TmxReader::skip_declaration(std::size_t from) const {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = from; i < text_.size(); ++i) {
    const char c = text_[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '>' && depth <= 0) {
      return i + 1;
    }
  }
  throw error(pos_, "unterminated <! declaration");
}

bool is_name_end(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '/' || c == '>'; }

Tag TmxReader::parse_tag(std::size_t begin) {
  Tag tag;
  pos_ = begin + 1;
  if (pos_ < text_.size() && text_[pos_] == '/') {
    tag.closing = true;
    ++pos_;
  }
  const std::size_t name_begin = pos_;
  while (pos_ < text_.size() && !is_name_end(text_[pos_]) && text_[pos_] != '<') ++pos_;
  tag.name = std::string(text_.substr(name_begin, pos_ - name_begin));
  if (tag.name.empty()) throw error(begin, "'<' does not start a tag; write &lt; for a literal <");
  while (true) {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    if (pos_ >= text_.size()) throw error(begin, "unterminated tag <" + tag.name);
    if (text_[pos_] == '>') break;
    if (text_.substr(pos_).starts_with("/>") && !tag.closing) {
      tag.empty = true;
      ++pos_;
      break;
    }
    if (tag.closing) throw error(begin, "malformed closing tag </" + tag.name);
    parse_attribute(tag, begin);
  }
  ++pos_;  // the '>'
  return tag;
}

void TmxReader::parse_attribute(Tag& tag, std::size_t tag_begin) {
  const std::size_t name_begin = pos_;
  while (pos_ < text_.size() && text_[pos_] != '=' && !is_name_end(text_[pos_])) ++pos_;
  const string_view name = text_.substr(name_begin, pos_ - name_begin);
  while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  if (name.empty() || pos_ >= text_.size() || text_[pos_] != '=') {
    throw error(tag_begin, "malformed attribute in <" + tag.name + ">; expected name=\"value\"");
  }
  ++pos_;
  while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  const char quote = pos_ < text_.size() ? text_[pos_] : 0;
  const std::size_t close = quote ? text_.find(quote, pos_ + 1) : string_view::npos;
  if ((quote != '"' && quote != '\'') || close == string_view::npos) {
    throw error(tag_begin,
                "attribute " + std::string(name) + " of <" + tag.name + "> needs a quoted value");
  }
  if (name == "xml:lang" || name == "lang") {
    tag.lang.clear();
    decode_text(text_.substr(pos_ + 1, close - pos_ - 1), pos_ + 1, tag.lang);
  }
  pos_ = close + 1;
}

void TmxReader::open_element(const Tag& tag, std::size_t offset) {
  const std::string name = lower_ascii(tag.name);
  if (!seen_root_ && name != "tmx") {
    throw error(offset, "the root element is <" + tag.name + ">, not <tmx>: not a TMX file");
  }
  seen_root_ = true;
  open_.push_back({tag.name, offset});
  if (name == "tu") {
    if (in_tu_) throw error(offset, "<tu> inside <tu>");
    in_tu_ = true;
    chinese_.clear();
    english_.clear();
  } else if (name == "tuv" && in_tu_) {
    in_tuv_ = true;
    tuv_ = tuv_lang(tag.lang);
  } else if (name == "seg" && in_tuv_) {
    if (in_seg_) throw error(offset, "<seg> inside <seg>");
    in_seg_ = true;
    seg_.clear();
  } else if (in_seg_ && is_code_element(name)) {
    ++code_depth_;
  }
}

void TmxReader::close_element(const Tag& tag, std::size_t offset) {
  if (open_.empty() || open_.back().name != tag.name) {
    throw error(offset, open_.empty()
                            ? "</" + tag.name + "> closes nothing"
                            : "</" + tag.name + "> closes <" + open_.back().name + "> of line " +
                                  std::to_string(line_of(text_, open_.back().offset)));
  }
  open_.pop_back();
  const std::string name = lower_ascii(tag.name);
  if (name == "tu") {
    // The first Chinese and the first English variant of the unit make its pair.
    if (!chinese_.empty() && !english_.empty()) pairs_.push_back({chinese_, english_});
    in_tu_ = false;
  } else if (name == "tuv") {
    in_tuv_ = false;
  } else if (name == "seg" && in_seg_) {
    in_seg_ = false;
    std::string& side = tuv_ == TuvLang::kChinese ? chinese_ : english_;
    if (tuv_ != TuvLang::kOther && side.empty()) side = collapse_spaces(seg_);
  } else if (in_seg_ && is_code_element(name)) {
    --code_depth_;
  }
}

// Appends `raw` with its entity and character references decoded.
void TmxReader::decode_text(string_view raw, std::size_t offset, std::string& out) const {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '&') {
      out += raw[i];
      continue;
    }
    const std::size_t semicolon = raw.find(';', i);
    const string_view entity =
        raw.substr(i + 1, semicolon == string_view::npos ? 0 : semicolon - i - 1);
    const char32_t c = semicolon == string_view::npos ? 0 : decode_entity(entity);
    if (c == 0) {
      throw error(offset + i, "bad entity '&" + std::string(entity.substr(0, 12)) +
                                  (semicolon == string_view::npos ? "" : ";") +
                                  "'; write &amp; for a literal &");
    }
    append_utf8(out, c);
    i = semicolon;
  }
}

// Han characters minus Latin letters: which of two columns is the Chinese one.
long chinese_score(string_view text) {
  long score = 0;
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += length) {
    const char32_t c = decode_utf8(text, pos, &length);
    score += is_han(c) ? 1 : is_latin_letter(c) ? -1 : 0;
  }
  return score;
}

bool is_blank(string_view line) { return line.find_first_not_of(" \t\r") == string_view::npos; }

// The lines of `text`, without the empty one after a final newline.
std::vector<string_view> split_lines(string_view text) {
  std::vector<string_view> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == string_view::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

}  // namespace

std::vector<SentencePair> parse_tmx_pairs(string_view text, const std::string& name) {
  return TmxReader(text, name).read();
}

std::vector<SentencePair> parse_tsv_pairs(string_view text, const std::string& name) {
  std::vector<SentencePair> pairs;
  bool chinese_first = true;  // the order of the last line that showed it
  const std::vector<string_view> lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const string_view line = lines[i];
    if (is_blank(line)) continue;
    const std::size_t tab = line.find('\t');
    if (tab == string_view::npos) {
      if (line.front() == '#') continue;  // a comment, as in lexicon files
      throw InputError(name + ":" + std::to_string(i + 1) +
                           ": no tab; expected 中文<TAB>english or english<TAB>中文",
                       name, i + 1);
    }
    const std::size_t second = line.find('\t', tab + 1);
    string_view first_column = line.substr(0, tab);
    string_view second_column =
        line.substr(tab + 1, second == string_view::npos ? second : second - tab - 1);
    const long first_score = chinese_score(first_column),
               second_score = chinese_score(second_column);
    if (first_score != second_score) chinese_first = first_score > second_score;
    if (!chinese_first) std::swap(first_column, second_column);
    SentencePair pair{collapse_spaces(first_column), collapse_spaces(second_column)};
    if (!pair.chinese.empty() && !pair.english.empty()) pairs.push_back(std::move(pair));
  }
  return pairs;
}

std::vector<SentencePair> parse_parallel_pairs(string_view chinese, string_view english,
                                               const std::string& chinese_name,
                                               const std::string& english_name) {
  const std::vector<string_view> zh = split_lines(chinese), en = split_lines(english);
  if (zh.size() != en.size()) {
    const bool zh_longer = zh.size() > en.size();
    const std::size_t shorter = std::min(zh.size(), en.size());
    const std::string& longer = zh_longer ? chinese_name : english_name;
    throw InputError(longer + ":" + std::to_string(shorter + 1) + ": no counterpart: " +
                         (zh_longer ? english_name : chinese_name) + " has only " +
                         std::to_string(shorter) + " lines; parallel files need line i of one" +
                         " to translate line i of the other",
                     longer, shorter + 1);
  }
  std::vector<SentencePair> pairs;
  for (std::size_t i = 0; i < zh.size(); ++i) {
    if (is_blank(zh[i]) || is_blank(en[i])) continue;
    pairs.push_back({collapse_spaces(zh[i]), collapse_spaces(en[i])});
  }
  return pairs;
}

}  // namespace anchoralign::detail

namespace anchoralign {
namespace {

// A training file decoded to UTF-8 as the texts to align are (BOM, UTF-8, else detected),
// markup left alone.
Document read_training_file(const std::string& path) {
  ReadOptions options;
  options.format = InputFormat::kText;
  return read_document(path, options);
}

}  // namespace

std::vector<SentencePair> read_tmx_pairs(const std::string& path) {
  return detail::parse_tmx_pairs(read_training_file(path).text, path);
}

std::vector<SentencePair> read_tsv_pairs(const std::string& path) {
  return detail::parse_tsv_pairs(read_training_file(path).text, path);
}

std::vector<SentencePair> read_parallel_pairs(const std::string& chinese_path,
                                              const std::string& english_path) {
  const Document chinese = read_training_file(chinese_path);
  const Document english = read_training_file(english_path);
  if (detect_language(chinese.text) == Lang::kEn && detect_language(english.text) == Lang::kZh) {
    throw InputError(chinese_path + ": looks English and " + english_path +
                     " Chinese; give the Chinese file first");
  }
  return detail::parse_parallel_pairs(chinese.text, english.text, chinese_path, english_path);
}

}  // namespace anchoralign
