#!/usr/bin/env python3
"""Nothing lost, nothing doubled: every input sentence appears in the output exactly once and
in order, and the output's text is the input's text modulo whitespace.

  invariant_test.py ANCHORALIGN SAMPLES_DIR [CORPORA_DIR]

Runs `align -f jsonl` on the bundled samples (split by the aligner, the Markdown sample
cleaned) and, when CORPORA_DIR exists, on every document pair of ../shared/corpora with
--presplit. For each run it checks that the beads' source and target indices are 0, 1, 2, ...
without gaps or repeats, and that the concatenated bead texts equal the input file's text
with all whitespace removed (for presplit input: line by line).
"""
import json
import os
import subprocess
import sys


def squeeze(text):
    return ''.join(text.split())


def beads_of(binary, source, target, extra):
    command = [binary, 'align', '-f', 'jsonl', '--no-lexicon'] + extra + [source, target]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit('FAIL %s: exit %d: %s' % (' '.join(command), result.returncode, result.stderr))
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def check_side(beads, side, path, presplit):
    indices = [i for bead in beads for i in bead[side]]
    if indices != list(range(len(indices))):
        sys.exit('FAIL %s: %s indices are not 0..n-1 in order' % (path, side))
    joined = squeeze(''.join(bead[side + '_text'] for bead in beads))
    with open(path, encoding='utf-8-sig') as handle:
        original = handle.read()
    if presplit and len(indices) != len(original.split('\n')) - (1 if original.endswith('\n') else 0):
        sys.exit('FAIL %s: %d sentences for %d lines' % (path, len(indices), original.count('\n')))
    if joined != squeeze(original):
        at = next((k for k, (a, b) in enumerate(zip(joined, squeeze(original))) if a != b),
                  min(len(joined), len(squeeze(original))))
        sys.exit('FAIL %s: output text differs from the input at character %d: %r vs %r'
                 % (path, at, joined[at:at + 30], squeeze(original)[at:at + 30]))


def main():
    binary, samples = sys.argv[1], sys.argv[2]
    corpora = sys.argv[3] if len(sys.argv) > 3 else ''
    pairs = [(os.path.join(samples, 'harbour.en.txt'), os.path.join(samples, 'harbour.zh.txt'), [])]
    if corpora and os.path.isdir(corpora):
        for corpus in sorted(os.listdir(corpora)):
            folder = os.path.join(corpora, corpus)
            if not os.path.isdir(os.path.join(folder, 'src')):
                continue
            for name in sorted(os.listdir(os.path.join(folder, 'src'))):
                pairs.append((os.path.join(folder, 'src', name), os.path.join(folder, 'tgt', name),
                              ['--presplit']))
    for source, target, extra in pairs:
        beads = beads_of(binary, source, target, extra)
        check_side(beads, 'source', source, bool(extra))
        check_side(beads, 'target', target, bool(extra))
    print('ok: %d document pairs, every sentence once, in order, no text lost' % len(pairs))


if __name__ == '__main__':
    main()
