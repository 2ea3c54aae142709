// What the subcommands share: atomic output files, the common input options of docs/CLI.md,
// loading inputs and writing alignments.
#pragma once

#include <cstdint>
#include <fstream>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <boost/program_options.hpp>

#include "anchoralign/io.h"
#include "anchoralign/lexicon.h"
#include "anchoralign/options.h"
#include "anchoralign/types.h"

namespace anchoralign::cli {

// An output file that appears only when complete: written to a temporary file beside the
// target, renamed into place by commit(), removed if never committed. "-" is standard output.
class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path);
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  ~AtomicOutput();
  std::ostream& stream();
  void commit();

 private:
  std::string path_, temp_;
  std::ofstream file_;
  bool committed_ = false;
};

// The input options every command that reads texts accepts (docs/CLI.md, "Common").
struct InputOptions {
  bool presplit = false;
  std::string encoding = "auto", on_invalid = "error", input_format = "auto";
  bool mixed = false;  // one file holding both languages
  std::string source_lang = "auto", target_lang = "auto";
  std::vector<std::string> lexicons;
  bool no_lexicon = false;

  // The read options, checked (throws OptionError).
  ReadOptions read_options() const;
  SplitOptions source_split() const;
  SplitOptions target_split() const;
  // The lexicon these options ask for (see load_lexicon()).
  Lexicon lexicon() const;
};

// Adds the common input options, bound to *options; `languages` adds --source-lang and
// --target-lang, `lexicon` adds --lexicon and --no-lexicon.
void add_input_options(boost::program_options::options_description& description,
                       InputOptions* options, bool languages = true, bool lexicon = true);

// Parses `args` into the variables bound to `visible` and `hidden`; prints the help and
// returns false when it was asked for.
bool parse_command_line(const std::vector<std::string>& args,
                        const boost::program_options::options_description& visible,
                        const boost::program_options::options_description& hidden,
                        const boost::program_options::positional_options_description& positional);

std::vector<BeadType> parse_bead_types(const std::string& list);

// The lexicon for a run: none with `none`, else the files given, else the default one
// (saying once on stderr when there is none).
Lexicon load_lexicon(std::vector<std::string> paths, bool none);

// Reads, decodes and splits one input, refusing texts with nothing to align.
SplitText load_text(const std::string& path, const ReadOptions& read, const SplitOptions& options);

// Splits a document, refusing one with nothing to align.
SplitText split_nonempty(const Document& document, const SplitOptions& options);

// Reads a file holding both languages (--mixed) and cuts it into its Chinese and English parts,
// saying on stderr what it found; returns the parts in file order.
std::pair<Document, Document> load_mixed(const std::string& path, const ReadOptions& read);

// Warns on stderr when both texts are in the same language.
void warn_same_language(const SplitText& source, const SplitText& target);

// The output format: `format` when given (checked), else from the output's extension.
std::string format_of(const std::string& format, const std::string& output);

// Seconds since the epoch for TMX dates: SOURCE_DATE_EPOCH when set, else now.
std::int64_t creation_time();

// Writes an alignment to `output` (atomically) in `format` (a value of format_of()).
void write_alignment(const std::string& output, const std::string& format, WriteOptions write,
                     const SplitText& source, const SplitText& target, const Alignment& alignment);

}  // namespace anchoralign::cli
