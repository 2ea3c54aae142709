// A recursive-descent reader for RFC 8259 JSON, strict where leniency would hide mistakes in
// batch input: no comments, no trailing commas, no leading zeros, no raw control characters
// in strings, UTF-8 only, and \uXXXX surrogates only in valid pairs (a lone surrogate has no
// UTF-8 form). Nested values are checked and kept as text, never built into a tree.
#include "json_reader.h"

#include <set>
#include <utility>

namespace anchoralign::cli::json {

SyntaxError::SyntaxError(const std::string& message, std::size_t column)
    : InputError(message + " at column " + std::to_string(column)), column_(column) {}

namespace {

using Member = std::function<void(const std::string&, Value)>;

class Parser {
 public:
  explicit Parser(std::string_view json) : json_(json) {}

  Value value(int depth);
  void object(int depth, const Member* member);
  void skip_space();
  void expect_end() {
    skip_space();
    if (pos_ < json_.size()) fail("unexpected text after the value");
  }
  bool at(char c) const { return pos_ < json_.size() && json_[pos_] == c; }

 private:
  [[noreturn]] void fail(const std::string& what) const { throw SyntaxError(what, pos_ + 1); }
  void expect(char c, const char* what) {
    if (!at(c)) fail(std::string("expected ") + what);
    ++pos_;
  }
  void array(int depth);
  std::string string();
  void escape(std::string& out);
  char32_t hex4();
  void utf8_sequence(std::string& out);
  void number();
  void literal(std::string_view word);
  bool digit() const { return pos_ < json_.size() && json_[pos_] >= '0' && json_[pos_] <= '9'; }
  void digits(const char* what) {
    if (!digit()) fail(std::string("expected a digit ") + what);
    while (digit()) ++pos_;
  }

  std::string_view json_;
  std::size_t pos_ = 0;
};

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void Parser::skip_space() {
  while (pos_ < json_.size()) {
    const char c = json_[pos_];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    ++pos_;
  }
}

Value Parser::value(int depth) {
  skip_space();
  if (pos_ >= json_.size()) fail("expected a value, found the end of the line");
  if (depth > kMaxDepth) fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
  const std::size_t start = pos_;
  Value result;
  const char first = json_[pos_];
  if (first == '{') {
    result.kind = Kind::kObject;
    object(depth + 1, nullptr);
  } else if (first == '[') {
    result.kind = Kind::kArray;
    array(depth + 1);
  } else if (first == '"') {
    result.kind = Kind::kString;
    result.text = string();
  } else if (first == 't' || first == 'f') {
    result.kind = Kind::kBool;
    literal(first == 't' ? "true" : "false");
  } else if (first == 'n') {
    literal("null");
  } else if (first == '-' || digit()) {
    result.kind = Kind::kNumber;
    number();
  } else {
    fail("expected a value");
  }
  result.raw = std::string(json_.substr(start, pos_ - start));
  return result;
}

// With `member`, calls it for each member and refuses duplicate keys (the top level, whose
// keys matter); nested objects are only checked.
void Parser::object(int depth, const Member* member) {
  expect('{', "'{'");
  std::set<std::string> keys;
  skip_space();
  if (at('}')) {
    ++pos_;
    return;
  }
  while (true) {
    skip_space();
    const std::size_t key_pos = pos_;
    if (!at('"')) fail("expected a key in double quotes");
    std::string key = string();
    skip_space();
    expect(':', "':' after the key");
    Value item = value(depth);
    if (member) {
      if (!keys.insert(key).second) {
        pos_ = key_pos;
        fail("duplicate key " + quote(key));
      }
      (*member)(key, std::move(item));
    }
    skip_space();
    if (at('}')) break;
    expect(',', "',' or '}'");
  }
  ++pos_;
}

void Parser::array(int depth) {
  expect('[', "'['");
  skip_space();
  if (at(']')) {
    ++pos_;
    return;
  }
  while (true) {
    value(depth);
    skip_space();
    if (at(']')) break;
    expect(',', "',' or ']'");
  }
  ++pos_;
}

std::string Parser::string() {
  expect('"', "'\"'");
  std::string out;
  while (true) {
    if (pos_ >= json_.size()) fail("unterminated string");
    const auto c = static_cast<unsigned char>(json_[pos_]);
    if (c == '"') break;
    if (c == '\\') {
      escape(out);
    } else if (c < 0x20) {
      fail("control character in a string (write it as an escape, e.g. \\n)");
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++pos_;
    } else {
      utf8_sequence(out);
    }
  }
  ++pos_;
  return out;
}

void Parser::escape(std::string& out) {
  ++pos_;  // the backslash
  if (pos_ >= json_.size()) fail("unterminated escape");
  const char c = json_[pos_++];
  switch (c) {
    case '"': out += '"'; return;
    case '\\': out += '\\'; return;
    case '/': out += '/'; return;
    case 'b': out += '\b'; return;
    case 'f': out += '\f'; return;
    case 'n': out += '\n'; return;
    case 'r': out += '\r'; return;
    case 't': out += '\t'; return;
    default: break;
  }
  if (c != 'u') {
    --pos_;
    fail(std::string("unknown escape \\") + c);
  }
  const std::size_t start = pos_ - 2;
  char32_t code = hex4();
  if (code >= 0xDC00 && code <= 0xDFFF) {
    pos_ = start;
    fail("lone low surrogate escape");
  }
  if (code >= 0xD800 && code <= 0xDBFF) {
    char32_t low = 0;
    if (json_.substr(pos_, 2) == "\\u") {
      pos_ += 2;
      low = hex4();
    }
    if (low < 0xDC00 || low > 0xDFFF) {
      pos_ = start;
      fail("high surrogate escape without its low half");
    }
    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
  }
  append_utf8(out, code);
}

char32_t Parser::hex4() {
  char32_t code = 0;
  for (int k = 0; k < 4; ++k) {
    const char c = pos_ < json_.size() ? json_[pos_] : '\0';
    int digit_value = -1;
    if (c >= '0' && c <= '9') digit_value = c - '0';
    if (c >= 'a' && c <= 'f') digit_value = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') digit_value = c - 'A' + 10;
    if (digit_value < 0) fail("expected four hex digits after \\u");
    code = code * 16 + static_cast<char32_t>(digit_value);
    ++pos_;
  }
  return code;
}

// Copies one well-formed multi-byte UTF-8 sequence (Unicode 15, table 3-7: no overlong
// forms, no surrogates, nothing above U+10FFFF).
void Parser::utf8_sequence(std::string& out) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(json_[i]); };
  const unsigned char lead = byte(pos_);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  }
  bool valid = length > 0 && json_.size() - pos_ >= length && byte(pos_ + 1) >= low &&
               byte(pos_ + 1) <= high;
  for (std::size_t i = 2; valid && i < length; ++i) valid = (byte(pos_ + i) & 0xC0) == 0x80;
  if (!valid) fail("invalid UTF-8 (JSON text must be UTF-8)");
  out.append(json_.substr(pos_, length));
  pos_ += length;
}

void Parser::number() {
  if (at('-')) ++pos_;
  if (at('0')) {
    ++pos_;
    if (digit()) fail("leading zero in a number");
  } else {
    digits("in the number");
  }
  if (at('.')) {
    ++pos_;
    digits("after the decimal point");
  }
  if (at('e') || at('E')) {
    ++pos_;
    if (at('+') || at('-')) ++pos_;
    digits("in the exponent");
  }
}

void Parser::literal(std::string_view word) {
  if (json_.substr(pos_, word.size()) != word) fail("expected a value");
  pos_ += word.size();
}

}  // namespace

void read_object(std::string_view json, const Member& member) {
  Parser parser(json);
  parser.skip_space();
  if (!parser.at('{')) {
    // Says what the line holds instead, e.g. an array or a bare string.
    parser.value(0);
    throw SyntaxError("expected a JSON object {...}", 1);
  }
  parser.object(1, &member);
  parser.expect_end();
}

Value read_value(std::string_view json) {
  Parser parser(json);
  Value result = parser.value(0);
  parser.expect_end();
  return result;
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace anchoralign::cli::json
