#!/usr/bin/env bash
# Set-up command 1: installs what is missing, builds Release, aligns the bundled sample pair
# into out/sample.tmx and prints a preview of the pairs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/fetch-lexicon.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DANCHORALIGN_BUILD_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc)" >/dev/null

mkdir -p out
build/anchoralign align samples/harbour.en.txt samples/harbour.zh.txt -o out/sample.tmx
build/anchoralign align samples/harbour.en.txt samples/harbour.zh.txt -f tsv -o out/sample.tsv
echo "Wrote out/sample.tmx ($(grep -c '<tu ' out/sample.tmx) translation units). Preview:"
echo
awk -F'\t' '{ printf "%s  %-60.60s | %s\n", $3, ($1 == "" ? "(none)" : $1), ($2 == "" ? "(none)" : $2) }' \
  out/sample.tsv | head -n 20
