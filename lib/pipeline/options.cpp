#include <algorithm>
#include <cmath>

#include "anchoralign/error.h"
#include "anchoralign/options.h"

namespace anchoralign {

void validate(const ReadOptions& options) {
  if (options.encoding.empty()) throw OptionError("encoding: give 'auto' or an encoding name");
}

void validate(const SplitOptions& options) {
  (void)options;  // every combination of presplit and language is meaningful
}

void validate(const AlignOptions& options) {
  const auto& types = options.bead_types;
  for (const BeadType& type : types) {
    if (type.src < 0 || type.src > 4 || type.tgt < 0 || type.tgt > 4) {
      throw OptionError("bead_types: each side must be in [0, 4]");
    }
    if (type.src == 0 && type.tgt == 0) throw OptionError("bead_types: 0-0 is not a bead");
  }
  for (BeadType required : {BeadType{1, 0}, BeadType{0, 1}, BeadType{1, 1}}) {
    if (std::find(types.begin(), types.end(), required) == types.end()) {
      throw OptionError("bead_types must include 1-0, 0-1 and 1-1");
    }
  }
  if (options.min_band < 4 || options.min_band > 1000000) {
    throw OptionError("min_band must be in [4, 1000000]");
  }
}

void validate(const WriteOptions& options) {
  if (!(options.min_score >= 0 && options.min_score <= 1)) {
    throw OptionError("min_score must be in [0, 1]");
  }
}

}  // namespace anchoralign
