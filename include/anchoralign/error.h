// The one exception family of the library: catch anchoralign::Error.
//
// The library reports every failure by throwing one of these; it never prints, exits or
// aborts. what() is one line for people and names the file and position itself; file(),
// line() and byte_offset() give the same position to programs, when the error has one.
// Errors are cheap to copy and copying never throws (the position is shared, immutable).
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

namespace anchoralign {

class Error : public std::runtime_error {
 public:
  // byte_offset() of an error that knows no byte offset.
  static constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

  // An error without a position (or whose position only the message gives).
  using std::runtime_error::runtime_error;
  // An error at `line` (1-based; 0: unknown) and `byte_offset` (0-based, in the file's bytes
  // as read, before decoding; kNoOffset: unknown) of the file `file`.
  Error(const std::string& message, std::string file, std::size_t line = 0,
        std::size_t byte_offset = kNoOffset);

  // The file the error concerns ("-" for standard input); "" when none.
  const std::string& file() const noexcept;
  // 1-based line in that file; 0 when unknown.
  std::size_t line() const noexcept;
  // 0-based byte offset in that file; kNoOffset when unknown.
  std::size_t byte_offset() const noexcept;

 private:
  struct Position;
  std::shared_ptr<const Position> position_;
};

// An option value out of range; the message names the option, the allowed range and the
// value given. file() is set when the option came from a file (AlignOptions::params_file).
class OptionError : public Error {
 public:
  using Error::Error;
};

// Unreadable or malformed input; the message names the file and the position, and file(),
// line() and byte_offset() carry them as far as they are known.
class InputError : public Error {
 public:
  using Error::Error;
};

}  // namespace anchoralign
