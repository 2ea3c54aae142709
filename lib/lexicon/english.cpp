// English content lemmas: the English side of the lexical score, applied alike to dictionary
// glosses and to the sentences being aligned, so what matters is that both reduce a word to
// the same lemma, not that the lemma is a dictionary form.
//
// Tokens are runs of Latin letters; an apostrophe between two letters stays inside the word
// (o'clock, don't), anything else separates, so hyphenated words give their parts (well-known
// -> well, know; e-mail -> mail): glosses and texts hyphenate inconsistently, the parts agree.
// Contractions lose their clitic ('s 're 've 'll 'd 'm n't), stopwords and one-letter words
// are dropped, and the stemmer runs:
//   1. a table of irregular forms (went -> go, children -> child) and of words the rules
//      below would get wrong (morning, news, created);
//   2. plurals and third persons: -sses -> -ss, -ies -> -y, -es after x ch sh zz (o), -s
//      except after s u i; -men -> -man (fishermen);
//   3. -ed and -ing when the stem keeps a vowel (Porter's step 1b), then a doubled final
//      consonant is undoubled (running -> run) or an e restored (hoped -> hope, caused ->
//      cause) by Porter's short-syllable rule plus spelling patterns that English words do not
//      end in (-v, -u, -c, -s, consonant + l, -ag, -ide, -ure, -ine, ...).
// The steps repeat until nothing changes, so every lemma is its own lemma: english_lemmas()
// of a lemma gives it back, and lemmas can be stored and read back as text. Stopwords are
// checked on the word and on its lemma (others -> other). Words outside ASCII are only
// touched at ASCII suffixes, so the result is always valid UTF-8.
//
// Tested by lexicon_test.cpp.
#include <algorithm>
#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/lexicon.h"
#include "text/utf8.h"

namespace anchoralign::detail {
namespace {

using std::string_view;

// A fixed table of short words: open addressing over FNV-1a, several times faster than
// std::unordered_map here, where every word of every gloss is looked up twice or more.
class WordTable {
 public:
  using Entry = std::pair<string_view, string_view>;

  // From space-separated words, each "word" (a set) or "word:value" (a map).
  explicit WordTable(string_view spec) {
    const auto count = static_cast<std::size_t>(std::count(spec.begin(), spec.end(), ' ')) + 1;
    std::size_t capacity = 16;
    while (capacity < 4 * count) capacity *= 2;
    slots_.resize(capacity);
    for (std::size_t begin = 0; begin < spec.size();) {
      std::size_t end = spec.find(' ', begin);
      if (end == string_view::npos) end = spec.size();
      const string_view item = spec.substr(begin, end - begin);
      const std::size_t colon = item.find(':');
      if (!item.empty()) {
        insert(item.substr(0, colon), colon == string_view::npos ? item : item.substr(colon + 1));
      }
      begin = end + 1;
    }
  }

  // The value stored for `word`, nullptr when it is not in the table.
  const string_view* find(string_view word) const {
    if (word.size() > longest_) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash(word) & mask;; slot = (slot + 1) & mask) {
      if (slots_[slot].first.empty()) return nullptr;
      if (slots_[slot].first == word) return &slots_[slot].second;
    }
  }

 private:
  void insert(string_view key, string_view value) {
    assert(find(key) == nullptr);
    longest_ = std::max(longest_, key.size());
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = hash(key) & mask;
    while (!slots_[slot].first.empty()) slot = (slot + 1) & mask;
    slots_[slot] = {key, value};
  }

  static std::size_t hash(string_view word) {
    std::uint32_t h = 2166136261u;
    for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }

  std::vector<Entry> slots_;
  std::size_t longest_ = 0;
};

// Function words (NLTK's English list without the clitic fragments, plus a few modals and
// prepositions it lacks, "one"/"ones", and CC-CEDICT's "sb", "sth" and "etc").
const WordTable& stopwords() {
  static const WordTable words(
      "about above after again against all also although am among an and another any are as at "
      "be because been before being below between both but by can cannot could did do does doing "
      "done down during each eg either else etc every few for from further had has have having "
      "he her here hers herself him himself his how however ie if in into is it its itself just "
      "let may me might more most must my myself neither no nor not now of off on once one ones "
      "only onto or other others ought our ours ourselves out over own same sb shall she should "
      "since so some sth such than that the their theirs them themselves then there these they "
      "this those though through thus to too toward towards under until up upon us very was we "
      "were what whatever when whenever where whether which while who whoever whom whose why "
      "will with within without would yet you your yours yourself yourselves anything everything "
      "nothing something anyone everyone someone somebody anybody everybody nobody ah oh");
  return words;
}

// Irregular forms, and words the suffix rules would mangle, as "form:lemma". Every lemma is a
// fixed point of the rules (lexicon_test.cpp checks them).
const WordTable& exceptions() {
  static const WordTable table(
      // Irregular verbs.
      "went:go gone:go goes:go said:say took:take taken:take came:come saw:see seen:see "
      "knew:know known:know thought:think told:tell left:leave felt:feel found:find got:get "
      "gotten:get gave:give given:give ran:run made:make began:begin begun:begin brought:bring "
      "bought:buy caught:catch chose:choose chosen:choose drew:draw drawn:draw drank:drink "
      "drunk:drink drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall flew:fly "
      "flown:fly forgot:forget forgotten:forget forgave:forgive forgiven:forgive grew:grow "
      "grown:grow heard:hear held:hold kept:keep laid:lay led:lead lost:lose meant:mean met:meet "
      "paid:pay rode:ride ridden:ride rose:rise risen:rise arose:arise sat:sit sold:sell "
      "sent:send shot:shoot slept:sleep spoke:speak spoken:speak spent:spend stood:stand "
      "stole:steal stolen:steal struck:strike swam:swim taught:teach threw:throw thrown:throw "
      "understood:understand woke:wake woken:wake awoke:awake wore:wear worn:wear won:win "
      "wrote:write written:write broke:break broken:break built:build fought:fight hid:hide "
      "hidden:hide sang:sing sung:sing rang:ring rung:ring hung:hang fed:feed fled:flee "
      "bled:bleed bred:breed bent:bend lent:lend lit:light shook:shake shaken:shake tore:tear "
      "torn:tear sought:seek sank:sink sunk:sink stuck:stick swung:swing dug:dig dealt:deal "
      "knelt:kneel wept:weep swept:sweep crept:creep froze:freeze frozen:freeze shone:shine "
      "spun:spin slid:slide clung:cling flung:fling sprang:spring became:become becoming:become "
      "overcame:overcome overcoming:overcome welcomed:welcome welcoming:welcome dying:die "
      "lying:lie tying:tie "
      // Irregular plurals.
      "men:man women:woman seamen:seaman children:child feet:foot teeth:tooth geese:goose "
      "mice:mouse oxen:ox wives:wife knives:knife wolves:wolf halves:half shelves:shelf "
      "thieves:thief calves:calf loaves:loaf elves:elf scarves:scarf hooves:hoof selves:self "
      "movies:movie cookies:cookie calories:calorie aches:ache headaches:headache "
      // Words that only look inflected, or whose e the rules cannot restore.
      "morning:morning evening:evening ceiling:ceiling news:news series:series species:species "
      "hundred:hundred focused:focus focusing:focus focussed:focus biased:bias bias:bias "
      "created:create creating:create completed:complete completing:complete required:require "
      "requiring:require acquired:acquire acquiring:acquire escaped:escape escaping:escape "
      "ignored:ignore ignoring:ignore explored:explore exploring:explore restored:restore "
      "restoring:restore invited:invite inviting:invite excited:excite exciting:excite "
      "united:unite uniting:unite promoted:promote promoting:promote quoted:quote quoting:quote "
      "tasted:taste tasting:taste wasted:waste wasting:waste murmured:murmur murmuring:murmur "
      "changed:change changing:change arranged:arrange arranging:arrange exchanged:exchange "
      "exchanging:exchange challenged:challenge challenging:challenge plunged:plunge "
      "plunging:plunge ranged:range ranging:range avenged:avenge avenging:avenge "
      "breathed:breathe breathing:breathe");
  return table;
}

bool is_ascii_letter(char c) { return c >= 'a' && c <= 'z'; }
bool is_vowel_letter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
// A letter that is a consonant whatever its neighbours (y is not: style, fly).
bool is_plain_consonant(char c) { return is_ascii_letter(c) && !is_vowel_letter(c) && c != 'y'; }

// Porter's consonant: not a vowel letter, and y only after a vowel or at the start.
// Bytes outside ASCII count as consonants.
bool is_consonant(string_view word, std::size_t i) {
  if (is_vowel_letter(word[i])) return false;
  if (word[i] != 'y') return true;
  // A y is a consonant after a vowel or at the start; in a run of y's that alternates.
  std::size_t run = 0;
  while (run < i && word[i - run - 1] == 'y') ++run;
  const bool after_start_or_vowel = run == i || is_vowel_letter(word[i - run - 1]);
  return after_start_or_vowel == (run % 2 == 0);
}

bool has_vowel(string_view stem) {
  for (std::size_t i = 0; i < stem.size(); ++i) {
    if (!is_consonant(stem, i)) return true;
  }
  return false;
}

// Porter's measure m: the number of vowel-consonant sequences.
int measure(string_view stem) {
  int m = 0;
  bool previous_vowel = false;
  for (std::size_t i = 0; i < stem.size(); ++i) {
    const bool consonant = is_consonant(stem, i);
    if (consonant && previous_vowel) ++m;
    previous_vowel = !consonant;
  }
  return m;
}

// Ends consonant-vowel-consonant, the last not w, x or y (hop, mak, smil).
bool ends_cvc(string_view stem) {
  const std::size_t n = stem.size();
  if (n < 3) return false;
  const char last = stem[n - 1];
  return is_consonant(stem, n - 3) && !is_consonant(stem, n - 2) && is_consonant(stem, n - 1) &&
         last != 'w' && last != 'x' && last != 'y';
}

// Whether the base form of a stem that lost -ed or -ing ends in e.
bool restores_e(string_view stem) {
  const std::size_t n = stem.size();
  const char c1 = stem[n - 1];
  const char c2 = n >= 2 ? stem[n - 2] : '\0';
  const char c3 = n >= 3 ? stem[n - 3] : '\0';
  const bool after_consonant = is_plain_consonant(c3);
  switch (c1) {
    case 'v':
    case 'u':
    case 'c':
      return true;  // believe argue notice
    case 'z':
      return c2 != 'z';  // realize freeze
    case 's':
      return c2 != 's';  // cause raise close
    case 'l':
      return is_plain_consonant(c2) && c2 != 'r' && c2 != 'w' && c2 != 'l';  // settle
    case 'g':
      return c2 == 'd' || c2 == 'l' || c2 == 'r' ||          // judge indulge charge
             ((c2 == 'a' || c2 == 'i') && after_consonant);  // manage oblige
    case 't':
      return (c2 == 'a' && (after_consonant || c3 == 'i' || c3 == 'u')) ||  // state
             (c2 == 'u' && after_consonant);                                // execute
    case 'b':
    case 'd':
    case 'k':  // describe decide invoke
      return (c2 == 'a' || c2 == 'i' || c2 == 'o' || c2 == 'u') && after_consonant;
    case 'r':
      return (c2 == 'a' || c2 == 'i' || c2 == 'u') && after_consonant;  // prepare
    case 'm':
      return (c2 == 'i' || c2 == 'u') && after_consonant;  // assume
    case 'n':
      return c2 == 'i' && after_consonant;  // determine
    default:
      break;
  }
  return measure(stem) == 1 && ends_cvc(stem);  // Porter: hop -> hope, but hopp -> hop
}

// The stem left by -ed or -ing, in place: undouble (runn -> run; ll only after a long stem,
// controll -> control but call stays), else restore the e.
void finish_verb_stem(std::string& stem) {
  const std::size_t n = stem.size();
  const char last = stem[n - 1];
  if (n >= 4 && last == stem[n - 2] && is_plain_consonant(last)) {
    if (last == 'l' ? measure(stem) > 1 : last != 's' && last != 'z') stem.pop_back();
    return;
  }
  if (restores_e(stem)) stem += 'e';
}

bool strip_plural(std::string& word) {
  const std::size_t n = word.size();
  if (word.ends_with("sses")) {
    word.resize(n - 2);
  } else if (word.ends_with("ies")) {
    if (n > 4) {
      word.resize(n - 3);  // cities -> city
      word += 'y';
    } else {
      word.pop_back();  // ties -> tie
    }
  } else if (word.ends_with("xes") || word.ends_with("ches") || word.ends_with("shes") ||
             word.ends_with("zzes") || (word.ends_with("oes") && n > 5)) {
    word.resize(n - 2);
  } else if (word.ends_with("ss") || word.ends_with("us") || word.ends_with("is")) {
    return false;
  } else {
    word.pop_back();
  }
  return true;
}

bool strip_verb_suffix(std::string& word, std::size_t suffix_length) {
  const string_view stem = string_view(word).substr(0, word.size() - suffix_length);
  if (stem.size() < 2 || !has_vowel(stem)) return false;  // bed, sing, thing
  word.resize(stem.size());
  finish_verb_stem(word);
  return true;
}

// One rewriting step; false when no rule applies.
bool stem_step(std::string& word) {
  if (const string_view* lemma = exceptions().find(word)) {
    if (word == *lemma) return false;
    word.assign(*lemma);
    return true;
  }
  const std::size_t n = word.size();
  if (n <= 3) return false;
  if (word.ends_with("men")) {
    const char before = word[n - 4];  // fishermen, policemen, gentlemen; not specimen, omen
    if (n >= 5 && is_ascii_letter(before) && before != 'a' && before != 'i' && before != 'o' &&
        before != 'u' && before != 'y') {
      word[n - 2] = 'a';
      return true;
    }
    return false;
  }
  if (word.back() == 's') return strip_plural(word);
  if (word.ends_with("eed")) {  // agreed -> agree; need, speed stay
    if (measure(string_view(word).substr(0, n - 3)) == 0) return false;
    word.pop_back();
    return true;
  }
  if (word.ends_with("ied")) {
    if (n > 4) {
      word.resize(n - 3);  // carried -> carry
      word += 'y';
    } else {
      word.pop_back();  // died -> die
    }
    return true;
  }
  if (word.ends_with("ed")) return strip_verb_suffix(word, 2);
  if (word.ends_with("ing")) return strip_verb_suffix(word, 3);
  return false;
}

std::string stem(std::string word) {
  // Each step shortens the word or swaps -men for -man, and table values are fixed points,
  // so a handful of rounds always reaches the fixed point.
  for (int round = 0; round < 16 && stem_step(word); ++round) {
  }
  return word;
}

// Drops a clitic: don't -> do, can't -> can, bridge's -> bridge, we're -> we.
void strip_clitic(std::string& word) {
  if (word.ends_with("n't") && word.size() > 3) {
    word.resize(word.size() - 3);
    if (word == "ca") word = "can";
    if (word == "wo") word = "will";
    if (word == "sha") word = "shall";
    if (word == "ai") word = "be";
    return;
  }
  const std::size_t apostrophe = word.rfind('\'');
  if (apostrophe == std::string::npos) return;
  const string_view clitic = string_view(word).substr(apostrophe + 1);
  if (clitic == "s" || clitic == "re" || clitic == "ve" || clitic == "ll" || clitic == "d" ||
      clitic == "m") {
    word.resize(apostrophe);
  }
}

std::size_t count_chars(string_view word) {
  return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

}  // namespace

void english_words(std::string_view normalized, std::vector<std::string>* words) {
  words->clear();
  std::string word;
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < normalized.size(); pos += length) {
    const auto byte = static_cast<unsigned char>(normalized[pos]);
    length = 1;
    const char32_t c = byte < 0x80 ? byte : decode_utf8(normalized, pos, &length);
    if (is_latin_letter(c)) {
      if (c < 0x80) {
        word += static_cast<char>(c | 0x20);  // the caller normalised, but glosses may not be
      } else {
        word.append(normalized.substr(pos, length));
      }
      continue;
    }
    if (is_apostrophe(c) && !word.empty() && pos + length < normalized.size()) {
      std::size_t next_length = 0;
      if (is_latin_letter(decode_utf8(normalized, pos + length, &next_length))) {
        word += '\'';
        continue;
      }
    }
    if (!word.empty()) words->push_back(std::move(word));
    word.clear();
  }
  if (!word.empty()) words->push_back(std::move(word));
}

std::string english_word_lemma(std::string word) {
  strip_clitic(word);
  const WordTable& stop = stopwords();
  if (count_chars(word) < 2 || stop.find(word)) return {};
  std::string lemma = stem(std::move(word));
  if (count_chars(lemma) < 2 || stop.find(lemma)) return {};
  return lemma;
}

std::vector<std::string> english_lemmas(std::string_view normalized) {
  std::vector<std::string> words;
  english_words(normalized, &words);
  std::vector<std::string> lemmas;
  for (std::string& word : words) {
    std::string lemma = english_word_lemma(std::move(word));
    if (!lemma.empty()) lemmas.push_back(std::move(lemma));
  }
  return lemmas;
}

}  // namespace anchoralign::detail
