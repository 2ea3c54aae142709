// The options of `align` beyond the common input options (docs/CLI.md, "align"): output
// format, TMX score floor and the search settings: one definition for `align` and `batch`.
#pragma once

#include <boost/program_options.hpp>
#include <string>

#include "anchoralign/options.h"

namespace anchoralign::cli {

// The align options as given on the command line.
struct AlignFlags {
  std::string format;  // -f; "" takes the format from each output's extension
  std::string beads;   // "1-0,0-1,1-1,..."; "" keeps the default bead types
  bool no_anchors = false, no_paragraphs = false, one_pass = false;
  std::string params_file;
  double min_score = 0;

  // The AlignOptions these flags ask for, without a lexicon; checked (throws OptionError).
  AlignOptions align_options() const;
  // The WriteOptions (min_score; TMX version and date are set when writing); checked.
  WriteOptions write_options() const;
  // The format of `output`: -f when given (checked), else from the extension (format_of()).
  std::string format_for(const std::string& output) const;
};

// Adds -f/--format, --min-score, --beads, --no-anchors, --no-paragraphs, --one-pass and
// --params, bound to *flags.
void add_align_options(boost::program_options::options_description& description, AlignFlags* flags);

}  // namespace anchoralign::cli
