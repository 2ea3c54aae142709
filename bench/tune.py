#!/usr/bin/env python3
"""Grid search of scoring parameters on the development corpora (tuning only).

  bench/tune.py KEY=V1,V2,... [KEY=...] [--corpora mac-dev aca] [-- EXTRA ALIGN ARGS]

Writes one params file per combination, runs bench/accuracy on each corpus and prints strict
F1 per corpus and their mean, best last. Keys are those of --params (see bead_scorer.h).
"""
import itertools
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.join(HERE, '..', '..', 'shared', 'corpora')


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index('--') + 1:] if '--' in argv else []
    argv = argv[:argv.index('--')] if '--' in argv else argv
    corpora = ['mac-dev', 'aca']
    if '--corpora' in argv:
        k = argv.index('--corpora')
        corpora = argv[k + 1:]
        argv = argv[:k]
    grid = [(key, values.split(',')) for key, values in (a.split('=', 1) for a in argv)]
    results = []
    for combo in itertools.product(*[values for _, values in grid]):
        with tempfile.NamedTemporaryFile('w', suffix='.params', delete=False) as params:
            for (key, _), value in zip(grid, combo):
                params.write('%s = %s\n' % (key, value))
        scores = []
        for corpus in corpora:
            done = subprocess.run([os.path.join(HERE, 'accuracy'), os.path.join(CORPORA, corpus), '--json',
                                   '--', '--params', params.name] + extra,
                                  stdout=subprocess.PIPE, text=True, check=True)
            scores.append(json.loads(done.stdout)['f1'])
        os.unlink(params.name)
        label = ' '.join('%s=%s' % (key, value) for (key, _), value in zip(grid, combo))
        results.append((sum(scores) / len(scores), label, scores))
        print('%s  %s  mean %.4f' % (label, ' '.join('%.4f' % s for s in scores), results[-1][0]), flush=True)
    best = max(results)
    print('best: %s  mean %.4f' % (best[1], best[0]))


if __name__ == '__main__':
    main()
