// Error's position and the names of the public enums.
#include <utility>

#include "anchoralign/error.h"
#include "anchoralign/types.h"

namespace anchoralign {

struct Error::Position {
  std::string file;
  std::size_t line = 0, byte_offset = kNoOffset;
};

Error::Error(const std::string& message, std::string file, std::size_t line,
             std::size_t byte_offset)
    : std::runtime_error(message),
      position_(std::make_shared<const Position>(Position{std::move(file), line, byte_offset})) {}

const std::string& Error::file() const noexcept {
  static const std::string kNone;
  return position_ ? position_->file : kNone;
}

std::size_t Error::line() const noexcept { return position_ ? position_->line : 0; }

std::size_t Error::byte_offset() const noexcept {
  return position_ ? position_->byte_offset : kNoOffset;
}

const char* lang_name(Lang lang) {
  switch (lang) {
    case Lang::kZh: return "zh";
    case Lang::kEn: return "en";
    case Lang::kUnknown: break;
  }
  return "unknown";
}

}  // namespace anchoralign
