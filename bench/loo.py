#!/usr/bin/env python3
"""Leave-one-document-out evaluation of everything fitted on the development corpora.

For each document D of mac-dev and aca: the bead-type shares are re-fitted without D
(bench/fit_priors.py --exclude), the scoring parameters are chosen by grid search on the
other documents (mean strict F1 of the two corpora), and D is aligned with that choice. The
held-out alignments are then scored together per corpus, so the numbers printed are what
the fitting would give on documents it never saw.

  bench/loo.py [KEY=V1,V2,...]... [--binary build/anchoralign] [-- EXTRA ALIGN ARGS]

Default grid: length_variance=9,12 anchor_weight=4,8 lexical_weight=16,24,32 (the keys of
--params; with -- --no-lexicon, lexical_weight has no effect: give a grid without it).
"""
import itertools
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.join(HERE, '..', '..', 'shared', 'corpora')
SCORER = os.path.join(HERE, '..', '..', 'shared', 'tools', 'score.py')
DEFAULT_GRID = ['length_variance=9,12', 'anchor_weight=4,8', 'lexical_weight=16,24,32']


def accuracy(binary, corpus, only, params, extra, keep=None):
    command = [os.path.join(HERE, 'accuracy'), os.path.join(CORPORA, corpus), '--json',
               '--binary', binary, '--only'] + only
    if keep:
        command += ['--keep', keep]
    done = subprocess.run(command + ['--', '--params', params] + extra,
                          stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout)['f1']


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index('--') + 1:] if '--' in argv else []
    argv = argv[:argv.index('--')] if '--' in argv else argv
    binary = os.path.join(HERE, '..', 'build', 'anchoralign')
    if '--binary' in argv:
        k = argv.index('--binary')
        binary = os.path.abspath(argv[k + 1])
        argv = argv[:k] + argv[k + 2:]
    specs = [a.split('=', 1) for a in (argv or DEFAULT_GRID)]
    keys = [key for key, _ in specs]
    grid = list(itertools.product(*[values.split(',') for _, values in specs]))
    docs = [(c, d) for c in ('mac-dev', 'aca') for d in sorted(os.listdir(os.path.join(CORPORA, c, 'src')))]
    with tempfile.TemporaryDirectory() as work:
        params = os.path.join(work, 'p.params')

        def write_params(priors, values):
            with open(params, 'w') as handle:
                handle.write(priors + ''.join('%s = %s\n' % kv for kv in zip(keys, values)))

        for held in docs:
            priors = subprocess.run([os.path.join(HERE, 'fit_priors.py'), '--exclude', '%s/%s' % held],
                                    stdout=subprocess.PIPE, text=True, check=True).stdout
            best = None
            for values in grid:
                write_params(priors, values)
                scores = [accuracy(binary, corpus, rest, params, extra)
                          for corpus in ('mac-dev', 'aca')
                          for rest in [[d for c, d in docs if c == corpus and (c, d) != held]] if rest]
                mean = sum(scores) / len(scores)
                if best is None or mean > best[0]:
                    best = (mean, values)
            write_params(priors, best[1])
            f1 = accuracy(binary, held[0], [held[1]], params, extra, keep=os.path.join(work, 'out', held[0]))
            print('%s/%s: chose %s, held-out strict F1 %.4f'
                  % (held + (' '.join('%s=%s' % kv for kv in zip(keys, best[1])), f1)), flush=True)
        for corpus in ('mac-dev', 'aca'):
            done = subprocess.run([sys.executable, SCORER, '--gold', os.path.join(CORPORA, corpus, 'gold'),
                                   '--test', os.path.join(work, 'out', corpus), '--json'],
                                  stdout=subprocess.PIPE, text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print('%-8s leave-one-document-out strict F1 %.3f (P %.3f R %.3f), lax F1 %.3f'
                  % (corpus, result['f1'], result['precision'], result['recall'], result['lax_f1']))


if __name__ == '__main__':
    main()
