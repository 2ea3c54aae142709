// validate() of the stage options: one rule per message, naming the field, its range and the
// value given. Tested by api_test.cpp.
#include "anchoralign/options.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "anchoralign/error.h"
#include "pipeline/out_of_range.h"

namespace anchoralign {
namespace {

// Shortest round-trip text of a value, locale-independent ("0.5", "nan", "-1").
template <typename Number>
std::string text_of(Number value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, ec == std::errc() ? end : buffer);
}

std::string bead_name(BeadType type) { return text_of(type.src) + "-" + text_of(type.tgt); }

void validate_bead_types(const std::vector<BeadType>& types) {
  for (auto it = types.begin(); it != types.end(); ++it) {
    if (it->src < 0 || it->src > 4 || it->tgt < 0 || it->tgt > 4) {
      throw OptionError("bead_types: each side must be in [0, 4], got " + bead_name(*it));
    }
    if (it->src == 0 && it->tgt == 0) throw OptionError("bead_types: 0-0 is not a bead");
    // The search numbers the types in one byte; a repeat would only slow it down.
    if (std::find(types.begin(), it, *it) != it) {
      throw OptionError("bead_types: " + bead_name(*it) + " is listed twice");
    }
  }
  for (BeadType required : {BeadType{1, 0}, BeadType{0, 1}, BeadType{1, 1}}) {
    if (std::find(types.begin(), types.end(), required) == types.end()) {
      throw OptionError("bead_types must include 1-0, 0-1 and 1-1; " + bead_name(required) +
                        " is missing");
    }
  }
}

}  // namespace

namespace detail {

void throw_out_of_range(const char* field, const char* range, long long value) {
  throw OptionError(std::string(field) + " must be in " + range + ", got " + text_of(value));
}

void throw_out_of_range(const char* field, const char* range, double value) {
  throw OptionError(std::string(field) + " must be in " + range + ", got " + text_of(value));
}

}  // namespace detail

InvalidBytes parse_invalid_bytes(std::string_view name, std::string_view option) {
  if (name == "error") return InvalidBytes::kError;
  if (name == "replace") return InvalidBytes::kReplace;
  throw OptionError(std::string(option) + " must be error or replace, not '" + std::string(name) + "'");
}

InputFormat parse_input_format(std::string_view name, std::string_view option) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "markdown") return InputFormat::kMarkdown;
  if (name == "html") return InputFormat::kHtml;
  throw OptionError(std::string(option) + " must be auto, text, markdown or html, not '" +
                    std::string(name) + "'");
}

Lang parse_lang(std::string_view name, std::string_view option) {
  if (name == "zh") return Lang::kZh;
  if (name == "en") return Lang::kEn;
  if (name == "auto") return Lang::kUnknown;
  throw OptionError(std::string(option) + " must be zh, en or auto, not '" + std::string(name) + "'");
}

void validate(const ReadOptions& options) {
  if (options.encoding.empty()) throw OptionError("encoding: give 'auto' or an encoding name");
  const int on_invalid = static_cast<int>(options.on_invalid);
  if (on_invalid < 0 || on_invalid > static_cast<int>(InvalidBytes::kReplace)) {
    detail::throw_out_of_range("on_invalid", "{kError, kReplace}", on_invalid);
  }
  const int format = static_cast<int>(options.format);
  if (format < 0 || format > static_cast<int>(InputFormat::kHtml)) {
    detail::throw_out_of_range("format", "{kAuto, kText, kMarkdown, kHtml}", format);
  }
}

void validate(const SplitOptions& options) {
  const int lang = static_cast<int>(options.lang);
  if (lang < 0 || lang > static_cast<int>(Lang::kEn)) {
    detail::throw_out_of_range("lang", "{kUnknown, kZh, kEn}", lang);
  }
}

void validate(const AlignOptions& options) {
  validate_bead_types(options.bead_types);
  if (options.min_band < 4 || options.min_band > 1000000) {
    detail::throw_out_of_range("min_band", "[4, 1000000]", options.min_band);
  }
}

void validate(const WriteOptions& options) {
  if (options.creation_time < WriteOptions::kMinCreationTime ||
      options.creation_time > WriteOptions::kMaxCreationTime) {
    detail::throw_out_of_range("creation_time", "[-62167219200, 253402300799] (years 0000 to 9999)",
                               options.creation_time);
  }
  if (!(options.min_score >= 0 && options.min_score <= 1)) {
    detail::throw_out_of_range("min_score", "[0, 1]", options.min_score);
  }
}

}  // namespace anchoralign
