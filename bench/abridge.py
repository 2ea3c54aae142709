#!/usr/bin/env python3
"""Synthetic abridged translations: the development set for honest omissions (issue 4).

  bench/abridge.py make OUT_DIR [--seed 7] [--corpora mac-dev aca]
  bench/abridge.py run [--binary build/anchoralign] [--seed 7] [--json] [-- EXTRA ALIGN ARGS]
  bench/abridge.py check [--binary build/anchoralign] [--seed 7] [--json] [-- EXTRA CHECK ARGS]

`make` copies every document of ../shared/corpora twice: once with runs of 1-15 consecutive
target sentences deleted (a translation that leaves passages out), once with source runs
deleted (a translation that adds passages), 10-50% of the side's sentences per document,
with a fixed seed. The gold alignment is rewritten to stay consistent: a bead that loses
every sentence of one side becomes one 1-0 (or 0-1) link per remaining sentence; a bead
that loses some keeps the rest. Output: OUT_DIR/<corpus>-<drop side>/{src,tgt,gold}.

`run` makes the set in a temporary folder, aligns it with bench/accuracy and prints strict
F1 and the sentence-level precision and recall of unmatched sentences (sentences the gold
leaves without counterpart vs those the aligner puts in 1-0/0-1 beads), per set and pooled.

`check` measures what a reviewer sees: it runs `anchoralign check --presplit --json` on every
document and scores the sentences of its omission and addition findings (which include
sentences inside many-to-one beads that the other side does not render) against the same
gold, with the same precision and recall.
"""
import argparse
import ast
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.join(HERE, '..', '..', 'shared', 'corpora')


def read_lines(path):
    with open(path, encoding='utf-8') as handle:
        return handle.read().split('\n')[:-1]


def read_links(path):
    links = []
    with open(path, encoding='utf-8') as handle:
        for line in handle:
            fields = [f for f in line.strip().split(':') if f.strip()]
            if len(fields) >= 2:
                side = [ast.literal_eval(f.strip()) for f in fields[:2]]
                links.append(tuple([v] if isinstance(v, int) else list(v) for v in side))
    return links


def drop_runs(count, rng):
    """Indices to delete: runs of 1-15 until a drawn share in [0.1, 0.5] is reached."""
    goal = int(count * rng.uniform(0.1, 0.5))
    dropped = set()
    while len(dropped) < goal:
        length = min(rng.randint(1, 15), goal - len(dropped))
        start = rng.randrange(0, max(1, count - length))
        run = range(start, min(count, start + length))
        if any(i in dropped or i - 1 in dropped or i + 1 in dropped for i in run):
            continue  # keep runs apart so that each is one omission
        dropped.update(run)
    return dropped


def abridge(src, tgt, links, side, rng):
    """The document with runs of `side` (0 source, 1 target) deleted, and its gold."""
    lines = (src, tgt)[side]
    dropped = drop_runs(len(lines), rng)
    renumber = {}
    for i in range(len(lines)):
        if i not in dropped:
            renumber[i] = len(renumber)
    kept = [line for i, line in enumerate(lines) if i not in dropped]
    gold = []
    for link in links:
        sides = [list(link[0]), list(link[1])]
        sides[side] = [renumber[i] for i in sides[side] if i not in dropped]
        other = sides[1 - side]
        if not sides[side] and not other:
            continue
        if not sides[side] and len(other) > 1:
            for i in other:  # the aligner writes omissions as one link per sentence
                gold.append(([i], []) if side == 1 else ([], [i]))
        else:
            gold.append((sides[0], sides[1]))
    new = [src, tgt]
    new[side] = kept
    return new[0], new[1], gold


def write_set(folder, name, src, tgt, gold):
    for sub in ('src', 'tgt', 'gold'):
        os.makedirs(os.path.join(folder, sub), exist_ok=True)
    for sub, lines in (('src', src), ('tgt', tgt)):
        with open(os.path.join(folder, sub, name), 'w', encoding='utf-8') as handle:
            handle.write(''.join(line + '\n' for line in lines))
    with open(os.path.join(folder, 'gold', name + '.align'), 'w', encoding='utf-8') as handle:
        for s, t in gold:
            handle.write('%s:%s\n' % (json.dumps(s), json.dumps(t)))


def make(out, seed, corpora):
    sets = []
    for corpus in corpora:
        base = os.path.join(CORPORA, corpus)
        for side, label in ((1, 'omitted'), (0, 'added')):
            folder = os.path.join(out, '%s-%s' % (corpus, label))
            rng = random.Random('%s/%s/%d' % (corpus, label, seed))
            for name in sorted(os.listdir(os.path.join(base, 'src'))):
                src = read_lines(os.path.join(base, 'src', name))
                tgt = read_lines(os.path.join(base, 'tgt', name))
                links = read_links(os.path.join(base, 'gold', name + '.align'))
                write_set(folder, name, *abridge(src, tgt, links, side, rng))
            sets.append(folder)
    return sets


def unmatched(links):
    """Sentences without counterpart, as ('s', i) and ('t', j)."""
    result = set()
    for s, t in links:
        if not t:
            result.update(('s', i) for i in s)
        if not s:
            result.update(('t', j) for j in t)
    return result


def omission_counts(folder, test):
    hits = found = truth = 0
    for name in sorted(os.listdir(os.path.join(folder, 'gold'))):
        gold = unmatched(read_links(os.path.join(folder, 'gold', name)))
        mine = unmatched(read_links(os.path.join(test, name)))
        hits, found, truth = hits + len(gold & mine), found + len(mine), truth + len(gold)
    return hits, found, truth


def reported_unmatched(report):
    """Sentences of the omission and addition findings of a check report."""
    result = set()
    for finding in report['findings']:
        if finding['kind'] == 'omission':
            span = finding['original']
            result.update(('s', i) for i in range(span['begin'], span['begin'] + span['count']))
        elif finding['kind'] == 'addition':
            span = finding['translation']
            result.update(('t', j) for j in range(span['begin'], span['begin'] + span['count']))
    return result


def check_counts(folder, binary, extra):
    hits = found = truth = 0
    with tempfile.TemporaryDirectory() as scratch:
        report_path = os.path.join(scratch, 'report.json')
        for name in sorted(os.listdir(os.path.join(folder, 'src'))):
            command = [binary, 'check', '--presplit', os.path.join(folder, 'src', name),
                       os.path.join(folder, 'tgt', name), '--json', report_path] + extra
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode not in (0, 1):
                sys.exit('check failed on %s: %s' % (name, done.stderr))
            with open(report_path, encoding='utf-8') as handle:
                mine = reported_unmatched(json.load(handle))
            gold = unmatched(read_links(os.path.join(folder, 'gold', name + '.align')))
            hits, found, truth = hits + len(gold & mine), found + len(mine), truth + len(gold)
    return hits, found, truth


def check(args, extra):
    totals = [0, 0, 0]
    with tempfile.TemporaryDirectory() as root:
        for folder in make(os.path.join(root, 'sets'), args.seed, args.corpora):
            counts = check_counts(folder, args.binary, extra)
            totals = [a + b for a, b in zip(totals, counts)]
            print('%-18s check omission P %.4f R %.4f (%d unmatched)' % (
                os.path.basename(folder), ratio(counts[0], counts[1]),
                ratio(counts[0], counts[2]), counts[2]))
    print('pooled check omission precision %.4f recall %.4f' % (
        ratio(totals[0], totals[1]), ratio(totals[0], totals[2])))


def ratio(a, b):
    return a / b if b else 0.0


def run(args, extra):
    totals = [0, 0, 0]
    rows = []
    with tempfile.TemporaryDirectory() as root:
        for folder in make(os.path.join(root, 'sets'), args.seed, args.corpora):
            keep = folder + '-test'
            command = [os.path.join(HERE, 'accuracy'), folder, '--json', '--keep', keep,
                       '--binary', args.binary]
            result = json.loads(subprocess.run(command + ['--'] + extra, check=True,
                                               capture_output=True, text=True).stdout)
            counts = omission_counts(folder, keep)
            totals = [a + b for a, b in zip(totals, counts)]
            rows.append({'set': os.path.basename(folder), 'f1': result['f1'],
                         'lax_f1': result['lax_f1'],
                         'omission_precision': ratio(counts[0], counts[1]),
                         'omission_recall': ratio(counts[0], counts[2]), 'unmatched': counts[2]})
    pooled = {'omission_precision': ratio(totals[0], totals[1]),
              'omission_recall': ratio(totals[0], totals[2])}
    if args.json:
        print(json.dumps({'sets': rows, 'pooled': pooled}))
        return
    print('%-18s %7s %7s %9s %9s %9s' % ('set', 'strict', 'lax', 'omit P', 'omit R', 'unmatched'))
    for row in rows:
        print('%-18s %7.4f %7.4f %9.4f %9.4f %9d' % (row['set'], row['f1'], row['lax_f1'],
              row['omission_precision'], row['omission_recall'], row['unmatched']))
    print('pooled omission precision %.4f recall %.4f' % (pooled['omission_precision'],
                                                         pooled['omission_recall']))


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index('--') + 1:] if '--' in argv else []
    argv = argv[:argv.index('--')] if '--' in argv else argv
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('command', choices=['make', 'run', 'check'])
    parser.add_argument('out', nargs='?')
    parser.add_argument('--seed', type=int, default=7)
    parser.add_argument('--corpora', nargs='+', default=['mac-dev', 'aca'])
    parser.add_argument('--binary', default=os.path.join(HERE, '..', 'build', 'anchoralign'))
    parser.add_argument('--json', action='store_true')
    args = parser.parse_args(argv)
    if args.command == 'make':
        if not args.out:
            sys.exit('make needs OUT_DIR')
        for folder in make(args.out, args.seed, args.corpora):
            print(folder)
    elif args.command == 'check':
        check(args, extra)
    else:
        run(args, extra)


if __name__ == '__main__':
    main()
