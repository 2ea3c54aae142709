// `align` and `split`: the two commands on one document pair or one document.
#include <optional>

#include <fmt/core.h>

#include "anchoralign/error.h"
#include "align_options.h"
#include "anchoralign/pipeline.h"
#include "cli.h"
#include "commands.h"

namespace anchoralign::cli {
namespace po = boost::program_options;
namespace {

// Everything `align` was asked to do, checked before any file is read.
struct AlignRequest {
  std::string source_path, target_path, output = "-", format;
  InputOptions input;
  AlignFlags flags;
  AlignOptions align;
  WriteOptions write;
};

std::optional<AlignRequest> parse_align(const std::vector<std::string>& args) {
  AlignRequest request;
  po::options_description visible(
      "Usage: anchoralign align [options] SOURCE TARGET\n"
      "       anchoralign align [options] --mixed FILE  (SOURCE: the part that comes first)\n\nOptions");
  add_input_options(visible, &request.input);
  visible.add_options()
      ("output,o", po::value(&request.output), "output file ('-': standard output, the default)");
  add_align_options(visible, &request.flags);
  visible.add_options()("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("source", po::value(&request.source_path))("target", po::value(&request.target_path));
  po::positional_options_description positional;
  positional.add("source", 1).add("target", 1);
  if (!parse_command_line(args, visible, hidden, positional)) return std::nullopt;

  if (request.input.mixed && !request.target_path.empty()) {
    throw OptionError("align --mixed takes one FILE holding both languages, not SOURCE and TARGET");
  }
  if (request.source_path.empty() || (request.target_path.empty() && !request.input.mixed)) {
    throw OptionError("align needs SOURCE and TARGET files ('-' for standard input)");
  }
  if (request.source_path == "-" && request.target_path == "-") {
    throw OptionError("only one input can be '-'");
  }
  request.input.read_options();  // checks the input options before any file is read
  request.input.source_split();
  request.input.target_split();
  request.align = request.flags.align_options();
  request.write = request.flags.write_options();
  request.format = request.flags.format_for(request.output);
  return request;
}

}  // namespace

int run_align(const std::vector<std::string>& args) {
  std::optional<AlignRequest> request = parse_align(args);
  if (!request) return kExitOk;
  request->align.lexicon = request->input.lexicon();
  const ReadOptions read = request->input.read_options();
  SplitText source, target;
  if (request->input.mixed) {
    const auto [first, second] = load_mixed(request->source_path, read);
    source = split_nonempty(first, request->input.source_split());
    target = split_nonempty(second, request->input.target_split());
  } else {
    source = load_text(request->source_path, read, request->input.source_split());
    target = load_text(request->target_path, read, request->input.target_split());
  }
  warn_same_language(source, target);
  write_alignment(request->output, request->format, request->write, source, target,
                  align(source, target, request->align));
  return kExitOk;
}

int run_split(const std::vector<std::string>& args) {
  std::string path, output = "-", lang = "auto";
  InputOptions input;
  po::options_description visible("Usage: anchoralign split [options] FILE\n\nOptions");
  add_input_options(visible, &input, /*languages=*/false, /*lexicon=*/false);
  visible.add_options()
      ("output,o", po::value(&output), "output file ('-': standard output, the default)")
      ("lang", po::value(&lang), "zh, en or auto (default)")
      ("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&path));
  po::positional_options_description positional;
  positional.add("file", 1);
  if (!parse_command_line(args, visible, hidden, positional)) return kExitOk;
  if (path.empty()) throw OptionError("split needs a FILE ('-' for standard input)");
  const SplitOptions options{input.presplit, parse_lang(lang, "--lang")};
  if (input.mixed && options.lang != Lang::kUnknown) {
    throw OptionError("--lang does not go with --mixed: each part is split in its own language");
  }
  std::vector<SplitText> texts;
  if (input.mixed) {
    const auto [first, second] = load_mixed(path, input.read_options());
    texts = {split(first, options), split(second, options)};
  } else {
    texts = {split(read_document(path, input.read_options()), options)};
  }
  AtomicOutput out(output);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) out.stream() << '\n';  // the parts of a mixed file, in file order
    int paragraph = 0;
    for (const Sentence& sentence : texts[i].sentences) {
      // A blank line between paragraphs, so the output reads as the input's structure.
      if (sentence.paragraph != paragraph && !input.presplit) out.stream() << '\n';
      paragraph = sentence.paragraph;
      out.stream() << sentence.text << '\n';
    }
  }
  out.commit();
  return kExitOk;
}

}  // namespace anchoralign::cli
