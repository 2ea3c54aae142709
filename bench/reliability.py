#!/usr/bin/env python3
"""Reliability of bead scores: aligns a corpus (--presplit, ladder) and, per score bucket,
prints how many beads fall in it and what share of them is exactly a gold bead.

  bench/reliability.py CORPUS_DIR [CORPUS_DIR ...] [--binary build/anchoralign] [-- ALIGN ARGS]
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUCKETS = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01]


def parse(line):
    fields = line.strip().split(':')
    sides = [tuple(int(x) for x in f.strip('[] ').split(',') if x.strip()) for f in fields[:2]]
    return tuple(sides), float(fields[2]) if len(fields) > 2 else None


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index('--') + 1:] if '--' in argv else []
    argv = argv[:argv.index('--')] if '--' in argv else argv
    parser = argparse.ArgumentParser()
    parser.add_argument('corpora', nargs='+')
    parser.add_argument('--binary', default=os.path.join(HERE, '..', 'build', 'anchoralign'))
    args = parser.parse_args(argv)
    counts = [[0, 0] for _ in BUCKETS[:-1]]
    with tempfile.TemporaryDirectory() as out:
        for corpus in args.corpora:
            for name in sorted(os.listdir(os.path.join(corpus, 'src'))):
                path = os.path.join(out, name + '.align')
                subprocess.run([args.binary, 'align', '--presplit', '-f', 'ladder', os.path.join(corpus, 'src', name),
                                os.path.join(corpus, 'tgt', name), '-o', path] + extra, check=True)
                with open(os.path.join(corpus, 'gold', name + '.align')) as handle:
                    gold = {parse(line)[0] for line in handle if line.strip()}
                with open(path) as handle:
                    for line in handle:
                        bead, score = parse(line)
                        k = max(i for i, low in enumerate(BUCKETS[:-1]) if score >= low)
                        counts[k][0] += 1
                        counts[k][1] += bead in gold
    print('score         beads  exactly right')
    for (low, high), (total, right) in zip(zip(BUCKETS, BUCKETS[1:]), counts):
        if total:
            print('[%.2f, %.2f)  %5d  %.3f' % (low, min(high, 1.0), total, right / total))
    high = [c for low, c in zip(BUCKETS, counts) if low >= 0.9]
    total, right = sum(c[0] for c in high), sum(c[1] for c in high)
    if total:
        print('score >= 0.9: %d beads, %.3f exactly right' % (total, right / total))


if __name__ == '__main__':
    main()
