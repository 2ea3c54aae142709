// The OptionError of validate() for a field outside its range, shared by every options
// struct so that all messages read alike: "min_band must be in [4, 1000000], got 2".
#pragma once

#include <type_traits>

namespace anchoralign::detail {

// Throws OptionError "<field> must be in <range>, got <value>"; the value is written in its
// shortest exact form, whatever the locale.
[[noreturn]] void throw_out_of_range(const char* field, const char* range, long long value);
[[noreturn]] void throw_out_of_range(const char* field, const char* range, double value);

template <typename Integer>
requires std::is_integral_v<Integer>
[[noreturn]] void throw_out_of_range(const char* field, const char* range, Integer value) {
  throw_out_of_range(field, range, static_cast<long long>(value));
}

}  // namespace anchoralign::detail
