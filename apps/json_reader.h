// A small, strict JSON reader for the one-object-per-line input of `batch --jsonl`
// (RFC 8259): the members of a top-level object, with strings decoded and everything else
// kept as its JSON text. No JSON library is available on the build machines.
// Tested by batch_test.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "anchoralign/error.h"

namespace anchoralign::cli::json {

enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

struct Value {
  Kind kind = Kind::kNull;
  std::string raw;   // the value's JSON text exactly as given (escapes and all)
  std::string text;  // kString: the decoded UTF-8 string; empty otherwise
};

// Malformed JSON; what() says what was expected, column() is the 1-based byte column.
class SyntaxError : public InputError {
 public:
  SyntaxError(const std::string& message, std::size_t column);
  std::size_t column() const { return column_; }

 private:
  std::size_t column_;
};

// Nesting deeper than this is refused rather than risking the stack.
inline constexpr int kMaxDepth = 256;

// Reads `json`, which must hold exactly one JSON object (whitespace around it allowed), and
// calls `member` with each key and value in order as soon as it is read, so a caller still
// has the members before a syntax error. Throws SyntaxError on malformed input, invalid
// UTF-8, a lone surrogate escape, a duplicate key or nesting deeper than kMaxDepth.
void read_object(std::string_view json,
                 const std::function<void(const std::string& key, Value value)>& member);

// Reads `json`, which must hold exactly one JSON value; throws SyntaxError as read_object().
Value read_value(std::string_view json);

// `text` as a JSON string literal: quotes, backslashes and control characters escaped,
// other UTF-8 written as is.
std::string quote(std::string_view text);

}  // namespace anchoralign::cli::json
