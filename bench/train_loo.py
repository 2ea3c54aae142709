#!/usr/bin/env python3
"""Does a lexicon trained on aligned data help alignment? Held-out evaluation of `lexicon train`.

mac-dev (zh -> en), leave one document out: for each document D, the gold beads of the other
five become parallel files (a bead's sentences joined), `anchoralign lexicon train` learns a
lexicon from them, and D is aligned with CC-CEDICT plus that lexicon. aca (en -> zh, one
document) is measured twice: trained on all of mac-dev (another genre), and two-fold (the
document cut in halves at the gold bead nearest its middle; each half aligned on its own with
the lexicon of the other half; the baseline aligns the same halves). Strict F1 pooled over
the documents, by ../shared/tools/score.py.

  bench/train_loo.py [--binary build/anchoralign] [--cedict FILE] [--no-cedict] [--leaky]
                     [--shared ../shared] [-- EXTRA LEXICON TRAIN ARGS]

--no-cedict compares "no lexicon" with "trained lexicon alone" (trained on characters).
--leaky adds an upper bound that is NOT a fair result: the lexicon is trained on every
document, the held-out one included.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, '..', 'shared')  # corpora/ and tools/score.py; see --shared


def read_lines(path):
    with open(path, encoding='utf-8') as handle:
        return handle.read().split('\n')[:-1]


def read_beads(path):
    beads = []
    for line in read_lines(path):
        src, tgt = line.split(':')[:2]
        beads.append((json.loads(src), json.loads(tgt)))
    return beads


class Document:
    """One gold-aligned document: sentences of both sides, beads, and which side is Chinese."""

    def __init__(self, corpus, name, src=None, tgt=None, beads=None):
        self.corpus, self.name = corpus, name
        base = os.path.join(SHARED, 'corpora', corpus)
        self.src = src if src is not None else read_lines(os.path.join(base, 'src', name))
        self.tgt = tgt if tgt is not None else read_lines(os.path.join(base, 'tgt', name))
        self.beads = beads if beads is not None else read_beads(os.path.join(base, 'gold', name + '.align'))
        self.chinese_source = corpus == 'mac-dev'

    def pairs(self):
        """(Chinese, English) text of every bead with both sides."""
        for src, tgt in self.beads:
            if not src or not tgt:
                continue
            s = [self.src[i] for i in src]
            t = [self.tgt[i] for i in tgt]
            zh, en = (s, t) if self.chinese_source else (t, s)
            yield ''.join(zh), ' '.join(en)

    def halves(self):
        """The document cut at the bead nearest its middle, each half renumbered from 0."""
        middle = min(range(1, len(self.beads)), key=lambda k: abs(k - len(self.beads) / 2))
        parts = []
        for beads in (self.beads[:middle], self.beads[middle:]):
            s0 = min(i for b in beads for i in b[0])
            t0 = min(i for b in beads for i in b[1])
            s1 = max(i for b in beads for i in b[0]) + 1
            t1 = max(i for b in beads for i in b[1]) + 1
            shifted = [([i - s0 for i in s], [i - t0 for i in t]) for s, t in beads]
            parts.append(Document(self.corpus, '%s_%d' % (self.name, len(parts) + 1),
                                  self.src[s0:s1], self.tgt[t0:t1], shifted))
        return parts

    def write(self, folder):
        """Writes src, tgt and gold of this document under folder; returns (src, tgt) paths."""
        paths = []
        for side, lines in (('src', self.src), ('tgt', self.tgt)):
            os.makedirs(os.path.join(folder, side), exist_ok=True)
            path = os.path.join(folder, side, self.name)
            with open(path, 'w', encoding='utf-8') as out:
                out.write(''.join(line + '\n' for line in lines))
            paths.append(path)
        os.makedirs(os.path.join(folder, 'gold'), exist_ok=True)
        with open(os.path.join(folder, 'gold', self.name + '.align'), 'w') as out:
            for s, t in self.beads:
                out.write('%s:%s\n' % (json.dumps(s).replace(' ', ''), json.dumps(t).replace(' ', '')))
        return paths


def run(command):
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit('bench/train_loo: %s failed (%d): %s' % (' '.join(command), done.returncode, done.stderr))
    return done


def train(args, documents, folder):
    """A lexicon trained on the gold beads of `documents`; returns its path and entry count."""
    os.makedirs(folder, exist_ok=True)
    zh_path, en_path = os.path.join(folder, 'train.zh'), os.path.join(folder, 'train.en')
    with open(zh_path, 'w', encoding='utf-8') as zh, open(en_path, 'w', encoding='utf-8') as en:
        for document in documents:
            for chinese, english in document.pairs():
                zh.write(chinese + '\n')
                en.write(english + '\n')
    lexicon = os.path.join(folder, 'trained.tsv')
    segmentation = ['--no-lexicon'] if args.no_cedict else ['--lexicon', args.cedict]
    run([args.binary, 'lexicon', 'train', '--parallel', zh_path, en_path, '-o', lexicon]
        + segmentation + args.train_args)
    entries = sum(1 for line in read_lines(lexicon) if line and not line.startswith('#'))
    return lexicon, entries


def align(args, document, folder, lexicons):
    """Aligns `document` (written under folder/data) into folder/test; lexicons: files or None."""
    src, tgt = document.write(os.path.join(folder, 'data'))
    os.makedirs(os.path.join(folder, 'test'), exist_ok=True)
    lexicon_args = ['--no-lexicon'] if not lexicons else sum((['--lexicon', f] for f in lexicons), [])
    run([args.binary, 'align', '--presplit', '--format', 'ladder', src, tgt,
         '-o', os.path.join(folder, 'test', document.name + '.align')] + lexicon_args)


def score(folder):
    done = run([sys.executable, os.path.join(SHARED, 'tools', 'score.py'), '--gold', os.path.join(folder, 'data', 'gold'),
                '--test', os.path.join(folder, 'test'), '--json'])
    return json.loads(done.stdout.strip().splitlines()[-1])['f1']


def evaluate(args, work, label, tasks):
    """tasks: (held-out document, training documents); prints baseline and trained strict F1."""
    base = [] if args.no_cedict else [args.cedict]
    baseline_dir, trained_dir = os.path.join(work, label, 'baseline'), os.path.join(work, label, 'trained')
    sizes = []
    for k, (document, training) in enumerate(tasks):
        lexicon, entries = train(args, training, os.path.join(work, label, 'lexicon%d' % k))
        sizes.append(entries)
        align(args, document, baseline_dir, base)
        align(args, document, trained_dir, base + [lexicon])
    before, after = score(baseline_dir), score(trained_dir)
    print('%-28s baseline %.4f  +trained %.4f  (%+.4f)  trained entries %s' % (
        label, before, after, after - before, '/'.join(map(str, sizes))), flush=True)
    return before, after


def main():
    global SHARED
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--binary', default=os.path.join(ROOT, 'build', 'anchoralign'))
    parser.add_argument('--cedict', default=None, help='the default lexicon (CC-CEDICT TSV)')
    parser.add_argument('--no-cedict', action='store_true')
    parser.add_argument('--leaky', action='store_true')
    parser.add_argument('--shared', default=SHARED, help='folder holding corpora/ and tools/')
    argv = sys.argv[1:]
    extra = argv[argv.index('--') + 1:] if '--' in argv else []
    args = parser.parse_args(argv[:argv.index('--')] if '--' in argv else argv)
    args.train_args = extra
    args.binary = os.path.abspath(args.binary)
    SHARED = os.path.abspath(args.shared)
    if args.cedict is None:
        built = os.path.join(os.path.dirname(args.binary), 'share', 'anchoralign', 'cedict.tsv')
        args.cedict = built if os.path.exists(built) else os.path.join(ROOT, 'data', 'cedict.tsv')
    names = sorted(os.listdir(os.path.join(SHARED, 'corpora', 'mac-dev', 'src')))
    mac = [Document('mac-dev', name) for name in names]
    aca = Document('aca', '001')
    halves = aca.halves()
    with tempfile.TemporaryDirectory() as work:
        evaluate(args, work, 'mac-dev leave-one-out', [(d, [o for o in mac if o is not d]) for d in mac])
        evaluate(args, work, 'aca trained on mac-dev', [(aca, mac)])
        evaluate(args, work, 'aca halves, two-fold', [(halves[0], [halves[1]]), (halves[1], [halves[0]])])
        if args.leaky:
            evaluate(args, work, 'LEAKY mac-dev (all six)', [(d, mac) for d in mac])
            evaluate(args, work, 'LEAKY aca (itself)', [(aca, [aca])])


if __name__ == '__main__':
    main()
