#!/usr/bin/env python3
"""Bead-type shares from gold alignments, counted as (Chinese, English) sentences.

  bench/fit_priors.py [--exclude CORPUS/NAME ...] [--corpora DIR ...]

Each corpus weighs equally (mac-dev is literary zh->en, aca academic en->zh; their mixes differ
widely). Prints "prior.Z-E = share" lines for --params; the defaults in
lib/score/bead_scorer.cpp were produced by this script with no exclusion.
"""
import argparse
import collections
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.join(HERE, '..', '..', 'shared', 'corpora')
HAN = re.compile(r'[\u3400-\u9fff]')


def is_chinese(path):
    with open(path, encoding='utf-8') as handle:
        text = handle.read(20000)
    return len(HAN.findall(text)) * 12 >= len(re.findall(r'[A-Za-z]', text))


def side(text):
    text = text.strip()
    return [] if text == '[]' else [int(x) for x in text.strip('[]').split(',') if x.strip()]


def shares(corpus_dir, exclude):
    counts = collections.Counter()
    name = os.path.basename(corpus_dir.rstrip('/'))
    for doc in sorted(os.listdir(os.path.join(corpus_dir, 'src'))):
        if '%s/%s' % (name, doc) in exclude:
            continue
        zh_is_source = is_chinese(os.path.join(corpus_dir, 'src', doc))
        with open(os.path.join(corpus_dir, 'gold', doc + '.align')) as gold:
            for line in gold:
                if not line.strip():
                    continue
                source, target = line.split(':')[:2]
                s, t = len(side(source)), len(side(target))
                counts[(s, t) if zh_is_source else (t, s)] += 1
    total = sum(counts.values())
    return {key: value / total for key, value in counts.items()} if total else {}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--exclude', nargs='*', default=[], help='CORPUS/NAME documents to leave out')
    parser.add_argument('--corpora', nargs='*', default=[os.path.join(CORPORA, c) for c in ('mac-dev', 'aca')])
    args = parser.parse_args()
    per_corpus = [s for s in (shares(c, set(args.exclude)) for c in args.corpora) if s]
    pooled = collections.Counter()
    for corpus_shares in per_corpus:
        for key, value in corpus_shares.items():
            pooled[key] += value / len(per_corpus)
    for (zh, en), share in sorted(pooled.items(), key=lambda item: -item[1]):
        if zh <= 4 and en <= 4 and share >= 0.0005:
            print('prior.%d-%d = %.4f' % (zh, en, share))


if __name__ == '__main__':
    main()
