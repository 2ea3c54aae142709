#!/usr/bin/env bash
# The GNU parallel recipes of docs/scale-out.md, run end to end: their results must equal
# those of `anchoralign batch` on the same manifest, byte for byte.
#   1. one machine: parallel runs `align` once per manifest line;
#   2. several machines: --sshlogin with --transferfile/--return, through a stand-in for ssh
#      that runs each "host" in its own folder, so files really travel both ways;
#   3. the JSON Lines mode: parallel --pipe cuts the stream into blocks, --keep-order, on
#      this machine and on the two stand-in hosts (texts inline, so nothing to transfer);
#   4. the Slurm recipe's manifest split, each array task simulated in turn.
# Usage: tests/parallel_test.sh path/to/anchoralign   (exit 77: skipped)
set -euo pipefail

for tool in parallel rsync; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIPPED: $tool is not installed (apt-get install parallel rsync)"
    exit 77
  fi
done
cli=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"  # parallel keeps its state under ~/.parallel
mkdir -p "$HOME"
fail() { echo "FAIL: $*" >&2; exit 1; }

# Pairs: the bundled sample both ways, plus windows of the development corpora when present.
data="$work/data"
mkdir -p "$data/pairs" "$data/out"
cp "$root/samples/harbour.en.txt" "$root/samples/harbour.zh.txt" "$data/pairs/"
{
  echo "# source<TAB>target<TAB>output"
  printf 'pairs/harbour.en.txt\tpairs/harbour.zh.txt\tout/en-zh.tsv\n'
  printf 'pairs/harbour.zh.txt\tpairs/harbour.en.txt\tout/zh-en.tmx\n'
} > "$data/manifest.tsv"
corpora="$root/../shared/corpora"
if [ -d "$corpora/mac-dev/gold" ]; then
  python3 "$root/bench/make_batch.py" "$work/windows" --pairs 8 --lines 15 --corpora "$corpora" 2>/dev/null
  cp "$work/windows/pairs/"* "$data/pairs/"
  grep -v '^#' "$work/windows/manifest.tsv" >> "$data/manifest.tsv"
fi
cd "$data"
pairs=$(grep -vc '^#' manifest.tsv)
export SOURCE_DATE_EPOCH=1700000000  # TMX dates, so that runs compare equal
# The plumbing is under test, not the lexicon, whose loading would dominate the run time.
opts=--no-lexicon

# The reference: batch itself.
"$cli" batch $opts --jobs 2 manifest.tsv 2>"$work/batch.log" || fail "batch failed: $(cat "$work/batch.log")"
mv out "$work/expected"
mkdir out
[ "$(ls "$work/expected" | wc -l)" -eq "$pairs" ] || fail "batch wrote $(ls "$work/expected" | wc -l) of $pairs outputs"

# 1. One machine.
grep -v '^#' manifest.tsv | parallel --colsep '\t' -j2 "$cli" align $opts {1} {2} -o {3}
diff -r "$work/expected" out || fail "parallel on one machine differs from batch"
rm -rf out && mkdir out

# 2. Several machines, here two stand-in hosts.
cat > "$work/fake-ssh" <<'EOF'
#!/bin/sh
# ssh stand-in: drops ssh's options and runs the command in a folder named after the host.
while [ $# -gt 0 ]; do
  case "$1" in
    -[bcDeEFIiJlLmOopQRSWw]) shift 2 ;;
    -*) shift ;;
    *) break ;;
  esac
done
host=$1
shift
[ "${1:-}" = "--" ] && shift
# sshd gives the remote command the login shell in SHELL; parallel's remote worker runs the
# job with it, so without it every job fails there.
export SHELL=/bin/sh
mkdir -p "$FAKE_REMOTE/$host" && cd "$FAKE_REMOTE/$host" && exec sh -c "$*"
EOF
chmod +x "$work/fake-ssh"
export FAKE_REMOTE="$work/remote"
grep -v '^#' manifest.tsv |
  parallel --ssh "$work/fake-ssh" --sshlogin 1/node1,1/node2 --colsep '\t' \
    --transferfile {1} --transferfile {2} --return {3} --cleanup \
    "mkdir -p {3//} && $cli align $opts {1} {2} -o {3}"
diff -r "$work/expected" out || fail "parallel --sshlogin differs from batch"
[ -z "$(find "$FAKE_REMOTE" -type f)" ] || fail "--cleanup left files on the hosts"
[ -d "$FAKE_REMOTE/node1" ] && [ -d "$FAKE_REMOTE/node2" ] || fail "the work did not reach both hosts"

# 3. JSON Lines through parallel --pipe: same lines, same order as one batch process.
grep -v '^#' manifest.tsv | while IFS=$'\t' read -r source target _; do
  python3 -c 'import json, sys; print(json.dumps({"id": sys.argv[1], "source_path": sys.argv[1], "target_path": sys.argv[2]}))' \
    "$source" "$target"
done > pairs.jsonl
"$cli" batch $opts --jsonl - --jobs 2 < pairs.jsonl > "$work/expected.jsonl" 2>/dev/null
[ "$(wc -l < "$work/expected.jsonl")" -eq "$pairs" ] || fail "batch --jsonl wrote the wrong number of lines"
grep -q '"beads":\[{"source":\[0\]' "$work/expected.jsonl" || fail "batch --jsonl wrote no beads"
parallel --pipe -N 3 --keep-order -j2 "$cli" batch $opts --jsonl - --jobs 1 < pairs.jsonl \
  > "$work/piped.jsonl" 2>/dev/null
cmp "$work/expected.jsonl" "$work/piped.jsonl" || fail "parallel --pipe differs from batch --jsonl"

python3 - pairs.jsonl > inline.jsonl <<'EOF'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    pair = json.loads(line)
    texts = {side: open(pair[side + "_path"], encoding="utf-8").read() for side in ("source", "target")}
    print(json.dumps({"id": pair["id"], **texts}, ensure_ascii=False))
EOF
parallel --pipe -N 3 --keep-order --ssh "$work/fake-ssh" --sshlogin 1/node1,1/node2 \
  "$cli" batch $opts --jsonl - --jobs 1 < inline.jsonl > "$work/remote.jsonl" 2>/dev/null
cmp "$work/expected.jsonl" "$work/remote.jsonl" || fail "parallel --pipe --sshlogin differs from batch --jsonl"

# 4. The Slurm job array's split: task k of n takes the manifest lines with NR % n == k.
rm -rf out && mkdir out
for task in 0 1 2; do
  SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_ID=$task bash -c \
    'grep -v "^#" manifest.tsv | awk -v n="$SLURM_ARRAY_TASK_COUNT" -v k="$SLURM_ARRAY_TASK_ID" "NR % n == k" |
       "$0" batch $1 --jobs 1 -' "$cli" "$opts" 2>/dev/null
done
diff -r "$work/expected" out || fail "the Slurm split differs from batch"

echo "OK: $pairs pairs; parallel (one machine, two hosts, --pipe) and the Slurm split equal batch"
