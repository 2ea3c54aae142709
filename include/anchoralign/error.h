// The one exception family of the library: catch anchoralign::Error.
#pragma once

#include <stdexcept>
#include <string>

namespace anchoralign {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An option value out of range; the message names the option and the allowed range.
class OptionError : public Error {
 public:
  using Error::Error;
};

// Unreadable or malformed input; the message names the file and the position.
class InputError : public Error {
 public:
  using Error::Error;
};

}  // namespace anchoralign
