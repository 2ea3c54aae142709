// ICU converters and charset detection behind plain functions, so that decode.cpp deals only
// in bytes, offsets and names. Conversion runs through a fixed UTF-16 buffer, so memory stays
// the size of the input and its UTF-8 text whatever the length of a line.
// Tested by text_test.cpp.
#include "text/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <memory>

#include "anchoralign/error.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

// Charset detection looks at this much; enough for ICU's statistics, cheap on any file.
constexpr std::size_t kDetectionBytes = 64 * 1024;

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

// Names of the GB family whose files GB18030 decodes the same: ICU's canonical names of
// GBK (windows-936) and of GB2312 (EUC-CN).
bool is_gb_subset(std::string_view canonical) {
  return canonical == "windows-936-2000" || canonical == "ibm-1383_P110-1999";
}

int unit_size_of(UConverterType type) {
  switch (type) {
    case UCNV_UTF16_BigEndian:
    case UCNV_UTF16_LittleEndian:
    case UCNV_UTF16:
      return 2;
    case UCNV_UTF32_BigEndian:
    case UCNV_UTF32_LittleEndian:
    case UCNV_UTF32:
      return 4;
    default:
      return 1;
  }
}

std::string standard_name(const char* canonical) {
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode status = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(canonical, standard, &status);
    if (U_SUCCESS(status) && name != nullptr) return name;
  }
  return canonical;
}

Converter open_converter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  // An empty name would open ICU's default converter, and ICU stops a name at a NUL.
  if (name.empty() || name.find('\0') != std::string::npos) return nullptr;
  Converter converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  return converter;
}

// Where the first invalid sequence began, and whether to go on with U+FFFD.
struct CallbackState {
  const char* file_begin = nullptr;
  bool replace = false;
  std::size_t first_invalid = kNoOffset;
};

void on_invalid_bytes(const void* context, UConverterToUnicodeArgs* args, const char*,
                      int32_t length, UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close or clone: nothing to report
  auto* state = static_cast<CallbackState*>(const_cast<void*>(context));
  // ICU calls back with the source just past the invalid bytes, and the whole file is one
  // source buffer, so the bytes lie in it (checked for UTF-16, GB18030 and Big5 by tests).
  if (state->first_invalid == kNoOffset) {
    state->first_invalid = static_cast<std::size_t>(args->source - state->file_begin) -
                           static_cast<std::size_t>(length);
  }
  if (!state->replace) return;  // leaving the error set stops the conversion here
  *status = U_ZERO_ERROR;
  const UChar replacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

// Appends UTF-16 code units as UTF-8; a lead surrogate at the end of one buffer waits in
// *pending for its trail in the next.
void append_utf16(std::string& out, const UChar* begin, const UChar* end, UChar* pending) {
  for (const UChar* unit = begin; unit != end; ++unit) {
    if (*pending != 0) {
      const UChar lead = *pending;
      *pending = 0;
      if (U16_IS_TRAIL(*unit)) {
        append_utf8(out, U16_GET_SUPPLEMENTARY(lead, *unit));
        continue;
      }
      append_utf8(out, kReplacementChar);
    }
    if (U16_IS_LEAD(*unit)) {
      *pending = *unit;
    } else {
      append_utf8(out, U16_IS_TRAIL(*unit) ? kReplacementChar : static_cast<char32_t>(*unit));
    }
  }
}

}  // namespace

Charset resolve_charset(const std::string& name) {
  const Converter converter = open_converter(name);
  if (!converter) {
    throw OptionError("encoding: unknown encoding '" + name +
                      "'; give auto or a name such as UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, "
                      "Big5, Big5-HKSCS or windows-1252 (uconv -l lists all)");
  }
  UErrorCode status = U_ZERO_ERROR;
  const char* canonical = ucnv_getName(converter.get(), &status);
  if (U_FAILURE(status)) throw OptionError("encoding: ICU cannot name '" + name + "'");
  if (is_gb_subset(canonical)) return resolve_charset("GB18030");
  const UConverterType type = ucnv_getType(converter.get());
  Charset charset;
  charset.icu_name = canonical;
  charset.display = standard_name(canonical);
  charset.utf8 = type == UCNV_UTF8;
  charset.unit_size = unit_size_of(type);
  return charset;
}

Decoded decode_with_icu(std::string_view file, std::size_t begin, const Charset& charset,
                        bool replace, const std::string& name) {
  const Converter converter = open_converter(charset.icu_name);
  if (!converter) throw InputError(name + ": cannot open the " + charset.display + " decoder");
  CallbackState state{file.data(), replace};
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter.get(), on_invalid_bytes, &state, nullptr, nullptr, &status);
  Decoded decoded;
  decoded.text.reserve(file.size() - begin);
  std::array<UChar, 16384> buffer;
  const char* source = file.data() + begin;
  UChar pending = 0;
  do {
    UChar* target = buffer.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, buffer.data() + buffer.size(), &source,
                   file.data() + file.size(), nullptr, true, &status);
    append_utf16(decoded.text, buffer.data(), target, &pending);
  } while (status == U_BUFFER_OVERFLOW_ERROR);
  if (pending != 0) append_utf8(decoded.text, kReplacementChar);
  if (U_FAILURE(status) && state.first_invalid == kNoOffset) {
    throw InputError(name + ": cannot decode as " + charset.display + ": " + u_errorName(status));
  }
  decoded.invalid_offset = state.first_invalid;
  if (state.first_invalid != kNoOffset && !replace) {
    decoded.invalid_line = line_at_end(decoded.text);
  }
  return decoded;
}

std::vector<CharsetGuess> guess_charsets(std::string_view bytes) {
  if (bytes.size() > kDetectionBytes) {
    // Cut after a line end: no byte of a GB18030 or Big5 character is 0x0A, so no character
    // is cut in half to look like an error.
    const std::size_t cut = bytes.rfind('\n', kDetectionBytes - 1);
    bytes = bytes.substr(0, cut == std::string_view::npos ? kDetectionBytes : cut + 1);
  }
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  std::vector<CharsetGuess> guesses;
  for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
    CharsetGuess guess;
    guess.name = ucsdet_getName(matches[i], &status);
    guess.confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_SUCCESS(status)) guesses.push_back(std::move(guess));
  }
  std::stable_sort(guesses.begin(), guesses.end(),
                   [](const auto& a, const auto& b) { return a.confidence > b.confidence; });
  return guesses;
}

std::size_t line_at_end(std::string_view text) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

}  // namespace anchoralign::detail
