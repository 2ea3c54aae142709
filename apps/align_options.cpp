#include "align_options.h"

#include "cli.h"

namespace anchoralign::cli {
namespace po = boost::program_options;

AlignOptions AlignFlags::align_options() const {
  AlignOptions align;
  align.use_anchors = !no_anchors;
  align.use_paragraphs = !no_paragraphs;
  align.adapt_priors = !one_pass;
  align.params_file = params_file;
  if (!beads.empty()) align.bead_types = parse_bead_types(beads);
  validate(align);
  return align;
}

WriteOptions AlignFlags::write_options() const {
  WriteOptions write;
  write.min_score = min_score;
  validate(write);
  return write;
}

std::string AlignFlags::format_for(const std::string& output) const {
  return format_of(format, output);
}

void add_align_options(po::options_description& description, AlignFlags* flags) {
  description.add_options()
      ("format,f", po::value(&flags->format), "tmx, tsv, jsonl, ladder or bitext (default: from the output's extension, else tsv)")
      ("min-score", po::value(&flags->min_score), "TMX: drop pairs scoring below this confidence in [0, 1]")
      ("beads", po::value(&flags->beads), "bead types the search may use, e.g. 1-0,0-1,1-1,1-2,2-1 (default: up to 1-4/4-1, 2-2 and gaps up to 4-0/0-4)")
      ("no-anchors", po::bool_switch(&flags->no_anchors), "align on length alone")
      ("no-paragraphs", po::bool_switch(&flags->no_paragraphs), "ignore paragraph boundaries")
      ("one-pass", po::bool_switch(&flags->one_pass), "do not re-estimate bead-type shares from a first pass")
      ("params", po::value(&flags->params_file), "tuning: file of key = value scoring parameters");
}

}  // namespace anchoralign::cli
