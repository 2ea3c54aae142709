#!/usr/bin/env python3
"""Leave-one-document-out evaluation of everything fitted on the development corpora.

For each document D of mac-dev and aca: the bead-type shares are re-fitted without D
(bench/fit_priors.py --exclude), length_variance and anchor_weight are chosen by grid search
on the other documents (mean strict F1 of the two corpora), and D is aligned with that
choice. The held-out alignments are then scored together per corpus, so the numbers printed
are what the fitting would give on documents it never saw.

  bench/loo.py [--grid-variance 5,7,9,12,16] [--grid-anchor 4,6,8,10]
"""
import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.join(HERE, '..', '..', 'shared', 'corpora')
SCORER = os.path.join(HERE, '..', '..', 'shared', 'tools', 'score.py')


SETTINGS = 'length_variance = %s\nanchor_weight = %s\n'
BINARY = [os.path.join(HERE, '..', 'build', 'anchoralign')]


def accuracy(corpus, only, params, keep=None):
    command = [os.path.join(HERE, 'accuracy'), os.path.join(CORPORA, corpus), '--json',
               '--binary', BINARY[0], '--only'] + only
    if keep:
        command += ['--keep', keep]
    done = subprocess.run(command + ['--', '--params', params], stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout)['f1']


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--grid-variance', default='5,7,9,12,16')
    parser.add_argument('--grid-anchor', default='4,6,8,10')

    parser.add_argument('--binary', default=BINARY[0])
    args = parser.parse_args()
    BINARY[0] = os.path.abspath(args.binary)
    docs = [(c, d) for c in ('mac-dev', 'aca') for d in sorted(os.listdir(os.path.join(CORPORA, c, 'src')))]
    grid = list(itertools.product(args.grid_variance.split(','), args.grid_anchor.split(',')))
    with tempfile.TemporaryDirectory() as work:
        for held_corpus, held_doc in docs:
            priors = subprocess.run([os.path.join(HERE, 'fit_priors.py'), '--exclude', '%s/%s' % (held_corpus, held_doc)],
                                    stdout=subprocess.PIPE, text=True, check=True).stdout
            best = None
            for variance, anchor in grid:
                params = os.path.join(work, 'p.params')
                with open(params, 'w') as handle:
                    handle.write(priors + SETTINGS % (variance, anchor))
                scores = []
                for corpus in ('mac-dev', 'aca'):
                    rest = [d for c, d in docs if c == corpus and (c, d) != (held_corpus, held_doc)]
                    if rest:
                        scores.append(accuracy(corpus, rest, params))
                mean = sum(scores) / len(scores)
                if best is None or mean > best[0]:
                    best = (mean, variance, anchor)
            with open(params, 'w') as handle:
                handle.write(priors + SETTINGS % best[1:])
            held_dir = os.path.join(work, 'out', held_corpus)
            f1 = accuracy(held_corpus, [held_doc], params, keep=held_dir)
            print('%s/%s: chose length_variance=%s anchor_weight=%s, held-out strict F1 %.4f'
                  % ((held_corpus, held_doc) + best[1:] + (f1,)), flush=True)
        for corpus in ('mac-dev', 'aca'):
            done = subprocess.run([sys.executable, SCORER, '--gold', os.path.join(CORPORA, corpus, 'gold'),
                                   '--test', os.path.join(work, 'out', corpus), '--json'],
                                  stdout=subprocess.PIPE, text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print('%-8s leave-one-document-out strict F1 %.3f (P %.3f R %.3f), lax F1 %.3f'
                  % (corpus, result['f1'], result['precision'], result['recall'], result['lax_f1']))


if __name__ == '__main__':
    main()
