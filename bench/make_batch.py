#!/usr/bin/env python3
"""Cuts the gold-aligned development corpora into many small document pairs for `batch`.

Each pair is a window of consecutive gold beads holding at least --lines source sentences,
so its source and target files are translations of each other (one sentence per line, for
--presplit). Windows start at every bead of every document in turn, overlapping, and
--pairs of them are taken evenly spaced (cycling when more are asked for than exist).

Writes into OUT_DIR:
  pairs/NNNN.src, pairs/NNNN.tgt   the texts
  gold/NNNN.align                  the window's gold beads, re-indexed from 0
  manifest.tsv                     source<TAB>target<TAB>out/NNNN.align, relative to OUT_DIR
  pairs.jsonl                      {"id": "NNNN", "source": TEXT, "target": TEXT} per pair
  out/                             empty, for the manifest's outputs

Usage: bench/make_batch.py OUT_DIR [--pairs 2000] [--lines 40] [--corpora DIR]
Then:  anchoralign batch --presplit --jobs 2 OUT_DIR/manifest.tsv
       ../shared/tools/score.py --gold OUT_DIR/gold --test OUT_DIR/out
"""
import argparse
import json
import pathlib
import re
import sys

DEFAULT_CORPORA = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"


def read_beads(path):
    beads = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\[([0-9, ]*)\]:\[([0-9, ]*)\]", line.strip())
        if not match:
            continue
        sides = [[int(i) for i in side.split(",") if i.strip()] for side in match.groups()]
        beads.append(tuple(sides))
    return beads


def documents(corpora):
    for corpus in ("mac-dev", "aca"):
        for gold in sorted((corpora / corpus / "gold").glob("*.align")):
            stem = gold.name[: -len(".align")]
            src = (corpora / corpus / "src" / stem).read_text(encoding="utf-8").splitlines()
            tgt = (corpora / corpus / "tgt" / stem).read_text(encoding="utf-8").splitlines()
            yield src, tgt, read_beads(gold)


def windows(src, tgt, beads, lines):
    """Every window of consecutive beads, from each start, reaching `lines` source sentences."""
    for start in range(len(beads)):
        count, end = 0, start
        while end < len(beads) and count < lines:
            count += len(beads[end][0])
            end += 1
        if count < lines:
            return
        yield window_pair(src, tgt, beads[start:end])


def window_pair(src, tgt, beads):
    out_src, out_tgt, gold = [], [], []
    for src_ids, tgt_ids in beads:
        local_src = list(range(len(out_src), len(out_src) + len(src_ids)))
        local_tgt = list(range(len(out_tgt), len(out_tgt) + len(tgt_ids)))
        out_src += [src[i] for i in src_ids]
        out_tgt += [tgt[i] for i in tgt_ids]
        gold.append("[{}]:[{}]".format(",".join(map(str, local_src)), ",".join(map(str, local_tgt))))
    return out_src, out_tgt, gold


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=pathlib.Path)
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=40, help="source sentences per pair, at least")
    parser.add_argument("--corpora", type=pathlib.Path, default=DEFAULT_CORPORA)
    args = parser.parse_args()
    if args.pairs < 1 or args.lines < 1:
        sys.exit("make_batch.py: --pairs and --lines must be positive")

    candidates = [w for doc in documents(args.corpora) for w in windows(*doc, args.lines)]
    if not candidates:
        sys.exit(f"make_batch.py: no gold-aligned documents under {args.corpora}")
    for sub in ("pairs", "gold", "out"):
        (args.out_dir / sub).mkdir(parents=True, exist_ok=True)
    manifest, jsonl = [], []
    sentences = 0
    for k in range(args.pairs):
        spread = args.pairs <= len(candidates)
        src, tgt, gold = candidates[k * len(candidates) // args.pairs if spread else k % len(candidates)]
        name = f"{k + 1:04d}"
        (args.out_dir / "pairs" / f"{name}.src").write_text("\n".join(src) + "\n", encoding="utf-8")
        (args.out_dir / "pairs" / f"{name}.tgt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
        (args.out_dir / "gold" / f"{name}.align").write_text("\n".join(gold) + "\n", encoding="utf-8")
        manifest.append(f"pairs/{name}.src\tpairs/{name}.tgt\tout/{name}.align")
        jsonl.append(json.dumps({"id": name, "source": "\n".join(src), "target": "\n".join(tgt)},
                                ensure_ascii=False))
        sentences += len(src)
    (args.out_dir / "manifest.tsv").write_text(
        "# made by bench/make_batch.py: source<TAB>target<TAB>output\n" + "\n".join(manifest) + "\n",
        encoding="utf-8")
    (args.out_dir / "pairs.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
    print(f"{args.pairs} pairs, {sentences} source sentences, from {len(candidates)} windows",
          file=sys.stderr)


if __name__ == "__main__":
    main()
