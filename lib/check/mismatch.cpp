// Disagreements inside aligned beads: numbers and Latin-script terms on one side only, and
// beads whose score says the two sides hardly render each other.
//
// A term of one side is missing when no term of the same key (numbers: the same value, see
// terms.h) appears on the other side of its bead or of the kNeighbours beads around it: a
// boundary put one sentence off would otherwise report every number twice. Spelled numbers
// up to ten never go missing (一个, "one of"), but they do match. Latin words: every one in
// Chinese text must reappear; an English one only when it is name-like and the Chinese
// text writes it in Latin somewhere (otherwise it is translated or transliterated).
//
// Severity: numbers missing on both sides of a bead read as a changed number (an error),
// on one side as a warning, and as information when each missing number turns up within
// kNearby beads (a misplaced boundary, which the low score usually reports too). A term is
// a warning when the other text never writes it, reported at its first bead only (a name
// the original never mentions would otherwise fill the report), else information (a pronoun
// or paraphrase standing in for a name the text knows).
//
// Tested by check_test.cpp.
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include "anchoralign/io.h"
#include "check/findings.h"
#include "check/terms.h"

namespace anchoralign::detail {
namespace {

constexpr int kNeighbours = 1;
constexpr int kNearby = 3;

// The terms of one text, per sentence, and which of its words the other text writes.
struct TextTerms {
  const SplitText& text;
  const std::vector<bool>& gaps;
  bool original = true;
  std::vector<std::vector<TermMention>> sentences;
  std::unordered_set<std::string> words;  // keys of its Latin words, whole text
  bool english_across = false;            // English facing Chinese: only name-like words count

  TextTerms(const SplitText& t, const std::vector<bool>& g, bool is_original, Lang other)
      : text(t), gaps(g), original(is_original) {
    english_across = t.lang == Lang::kEn && other != Lang::kEn;
    for (const Sentence& sentence : t.sentences) {
      sentences.push_back(find_terms(sentence.text, t.lang));
      for (const TermMention& term : sentences.back()) {
        if (!term.number) words.insert(term.key);
      }
    }
  }
  const char* name() const { return original ? "original" : "translation"; }
};

// Sentences of one text in beads [b - reach, b + reach].
std::pair<int, int> sentences_around(const Alignment& alignment, int b, int reach, bool original) {
  const int n = static_cast<int>(alignment.size());
  const Bead& first = alignment[std::max(0, b - reach)];
  const Bead& last = alignment[std::min(n - 1, b + reach)];
  return original ? std::pair{first.src_begin, last.src_begin + last.src_len}
                  : std::pair{first.tgt_begin, last.tgt_begin + last.tgt_len};
}

TermMention probe(const Term& term) {
  TermMention m;
  m.key = term.key;
  m.number = !term.key.starts_with("w:");
  if (m.number) m.value = std::strtod(term.key.c_str() + 2, nullptr);
  return m;
}

// The first sentence of [begin, end) of `text` holding `term`; -1 when none does.
int find_in(const TextTerms& text, std::pair<int, int> range, const TermMention& term) {
  for (int k = range.first; k < range.second; ++k) {
    for (const TermMention& other : text.sentences[k]) {
      if (same_term(term, other)) return k;
    }
  }
  return -1;
}

bool must_reappear(const TermMention& term, const TextTerms& here, const TextTerms& there) {
  if (term.number) return term.strong;
  if (here.english_across) return term.strong && there.words.contains(term.key);
  return here.text.lang != Lang::kEn || term.strong;
}

// The terms of bead b on `here`'s side that `there` lacks around the bead, numbers or words.
std::vector<Term> missing_terms(const TextTerms& here, const TextTerms& there,
                                const Alignment& alignment, int b, bool numbers) {
  const Bead& bead = alignment[b];
  const int begin = here.original ? bead.src_begin : bead.tgt_begin;
  const int end = begin + (here.original ? bead.src_len : bead.tgt_len);
  const std::pair<int, int> around = sentences_around(alignment, b, kNeighbours, there.original);
  std::vector<Term> missing;
  for (int k = begin; k < end; ++k) {
    if (here.gaps[k]) continue;
    for (const TermMention& term : here.sentences[k]) {
      if (term.number != numbers || !must_reappear(term, here, there)) continue;
      if (find_in(there, around, term) >= 0) continue;
      const std::string& text = here.text.sentences[k].text;
      missing.push_back(
          {k, term.begin, term.end, text.substr(term.begin, term.end - term.begin), term.key});
    }
  }
  return missing;
}

// "350 million, 35亿": each key once.
std::string list_terms(const std::vector<Term>& terms) {
  std::string out;
  std::unordered_set<std::string> seen;
  for (const Term& term : terms) {
    if (!seen.insert(term.key).second) continue;
    if (!out.empty()) out += ", ";
    out += term.text;
  }
  return out;
}

Finding bead_finding(FindingKind kind, const SplitText& original, const SplitText& translation,
                     const Alignment& alignment, int b) {
  const Bead& bead = alignment[b];
  Finding f;
  f.kind = kind;
  f.bead = b;
  f.original = {bead.src_begin, bead.src_len};
  f.translation = {bead.tgt_begin, bead.tgt_len};
  f.original_text = join_sentences(original, bead.src_begin, bead.src_len);
  f.translation_text = join_sentences(translation, bead.tgt_begin, bead.tgt_len);
  f.score = bead.score;
  return f;
}

// "12" or "12-14".
std::string range_text(std::pair<int, int> range) {
  std::string out = std::to_string(range.first);
  if (range.second - range.first > 1) out.append("-").append(std::to_string(range.second - 1));
  return out;
}

// Where the other text has the missing numbers nearby; true when it has them all.
bool explain_numbers(const std::vector<Term>& missing, const TextTerms& there,
                     const Alignment& alignment, int b, std::string* evidence) {
  const std::pair<int, int> near = sentences_around(alignment, b, kNearby, there.original);
  bool all = true;
  std::string found;
  for (const Term& term : missing) {
    const int k = find_in(there, near, probe(term));
    all = all && k >= 0;
    if (k < 0) continue;
    if (!found.empty()) found += "; ";
    found.append(term.text).append(" is in ").append(there.name()).append(" sentence ");
    found += std::to_string(k);
  }
  if (!found.empty()) evidence->append("; ").append(found).append(" (a misplaced bead boundary?)");
  return all;
}

void describe_numbers(Finding& f, const TextTerms& src, const TextTerms& tgt,
                      const Alignment& alignment) {
  const bool both = !f.original_only.empty() && !f.translation_only.empty();
  if (both) {
    f.message = "numbers differ: " + list_terms(f.original_only) + " in the original, " +
                list_terms(f.translation_only) + " in the translation";
  } else if (!f.original_only.empty()) {
    f.message = "number only in the original: " + list_terms(f.original_only);
  } else {
    f.message = "number only in the translation: " + list_terms(f.translation_only);
  }
  const bool in_original = f.original_only.empty();  // where the missing numbers were sought
  f.evidence = std::string("not in ") + (in_original ? "original" : "translation") + " sentences " +
               range_text(sentences_around(alignment, f.bead, kNeighbours, in_original)) +
               " (this bead and the next on either side)";
  bool nearby = explain_numbers(f.original_only, tgt, alignment, f.bead, &f.evidence);
  nearby = explain_numbers(f.translation_only, src, alignment, f.bead, &f.evidence) && nearby;
  f.severity = nearby ? Severity::kInfo : both ? Severity::kError : Severity::kWarning;
}

int occurrences(const TextTerms& text, const std::string& key) {
  int count = 0;
  for (const auto& sentence : text.sentences) {
    for (const TermMention& term : sentence) count += term.key == key ? 1 : 0;
  }
  return count;
}

// Drops the terms `there` never writes that an earlier bead has reported already.
void keep_first_reports(std::vector<Term>& terms, const TextTerms& there,
                        std::unordered_set<std::string>& reported) {
  std::unordered_set<std::string> here;  // keys this bead reports
  std::erase_if(terms, [&](const Term& term) {
    if (there.words.contains(term.key)) return false;
    if (here.contains(term.key)) return false;
    if (!reported.insert(term.key).second) return true;
    here.insert(term.key);
    return false;
  });
}

// "never in the translation: Sam (12 times in the original); elsewhere in the translation: X"
std::string term_evidence(const std::vector<Term>& terms, const TextTerms& here,
                          const TextTerms& there, bool* unknown) {
  std::string never, elsewhere;
  std::unordered_set<std::string> seen;
  for (const Term& term : terms) {
    if (!seen.insert(term.key).second) continue;
    std::string& list = there.words.contains(term.key) ? elsewhere : never;
    if (!list.empty()) list += ", ";
    list += term.text;
    if (&list == &never) {
      *unknown = true;
      const int count = occurrences(here, term.key);
      if (count > 1)
        list.append(" (")
            .append(std::to_string(count))
            .append(" times in the ")
            .append(here.name())
            .append(")");
    }
  }
  std::string out;
  if (!never.empty()) out.append("never in the ").append(there.name()).append(": ").append(never);
  if (!elsewhere.empty()) {
    if (!out.empty()) out += "; ";
    out.append("elsewhere in the ").append(there.name()).append(": ").append(elsewhere);
  }
  return out;
}

void describe_terms(Finding& f, const TextTerms& src, const TextTerms& tgt) {
  bool unknown = false;
  std::string evidence = term_evidence(f.original_only, src, tgt, &unknown);
  const std::string more = term_evidence(f.translation_only, tgt, src, &unknown);
  if (!evidence.empty() && !more.empty()) evidence += "; ";
  f.evidence = evidence + more;
  f.severity = unknown ? Severity::kWarning : Severity::kInfo;
  f.message = "Latin-script term";
  if (!f.original_only.empty())
    f.message.append(" only in the original: ").append(list_terms(f.original_only));
  if (!f.translation_only.empty()) {
    f.message.append(f.original_only.empty() ? " only in the translation: "
                                             : "; only in the translation: ");
    f.message += list_terms(f.translation_only);
  }
}

std::string fixed2(double value) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  return std::string(buffer, result.ec == std::errc() ? result.ptr : buffer);
}

Finding low_score_finding(const SplitText& original, const SplitText& translation,
                          const Alignment& alignment, int b, double threshold) {
  Finding f = bead_finding(FindingKind::kLowScore, original, translation, alignment, b);
  f.severity = Severity::kWarning;
  f.message = "weak alignment: score " + fixed2(f.score) + ", below " + fixed2(threshold);
  f.evidence =
      "the two sides share few translated words, numbers or names; they may not "
      "render each other";
  return f;
}

// The number and term findings of bead b, if any.
void bead_mismatches(const TextTerms& src, const TextTerms& tgt, const Alignment& alignment, int b,
                     const CheckOptions& options, std::unordered_set<std::string> reported[2],
                     std::vector<Finding>& findings) {
  for (const bool numbers : {true, false}) {
    if (!(numbers ? options.numbers : options.terms)) continue;
    Finding f = bead_finding(numbers ? FindingKind::kNumberMismatch : FindingKind::kTermMismatch,
                             src.text, tgt.text, alignment, b);
    f.original_only = missing_terms(src, tgt, alignment, b, numbers);
    f.translation_only = missing_terms(tgt, src, alignment, b, numbers);
    if (!numbers) {
      keep_first_reports(f.original_only, tgt, reported[0]);
      keep_first_reports(f.translation_only, src, reported[1]);
    }
    if (f.original_only.empty() && f.translation_only.empty()) continue;
    if (numbers) {
      describe_numbers(f, src, tgt, alignment);
    } else {
      describe_terms(f, src, tgt);
    }
    findings.push_back(std::move(f));
  }
}

}  // namespace

std::vector<Finding> find_mismatches(const SplitText& original, const SplitText& translation,
                                     const Alignment& alignment, const Gaps& gaps,
                                     const CheckOptions& options) {
  const TextTerms src(original, gaps.original, true, translation.lang);
  const TextTerms tgt(translation, gaps.translation, false, original.lang);
  std::unordered_set<std::string> reported[2];  // terms never in the other text, per side
  std::vector<Finding> findings;
  for (int b = 0; b < static_cast<int>(alignment.size()); ++b) {
    const Bead& bead = alignment[b];
    if (bead.src_len == 0 || bead.tgt_len == 0) continue;
    bead_mismatches(src, tgt, alignment, b, options, reported, findings);
    if (bead.score < options.low_score) {
      findings.push_back(low_score_finding(original, translation, alignment, b, options.low_score));
    }
  }
  return findings;
}

}  // namespace anchoralign::detail
