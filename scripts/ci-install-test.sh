#!/usr/bin/env bash
# CI step: installs the Release build into a temporary prefix, builds tests/install/ (a
# program outside the project, using find_package) against that prefix alone, runs it, and
# runs the installed command. Catches missing headers, a broken package config and exported
# link dependencies that a user's machine cannot resolve.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Reuses build/ as scripts/test.sh left it (nothing to rebuild then); a fresh build/ skips
# the tests, which this step does not need.
configure=(-DCMAKE_BUILD_TYPE=Release -DANCHORALIGN_SANITIZE=OFF -DANCHORALIGN_INSTALL=ON
  -DANCHORALIGN_BUILD_APPS=ON)
[ -f build/CMakeCache.txt ] || configure+=(-DANCHORALIGN_BUILD_TESTS=OFF)
cmake -S . -B build "${configure[@]}" >/dev/null
cmake --build build -j "$(nproc)"
cmake --install build --prefix "$tmp/prefix" >/dev/null

# The package registry could hand find_package the build tree instead of the install.
cmake -S tests/install -B "$tmp/consumer" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >/dev/null
found=$(sed -n 's/^anchoralign_DIR:PATH=//p' "$tmp/consumer/CMakeCache.txt")
case "$found" in
  "$tmp/prefix"/*) ;;
  *) echo "ci-install-test: find_package found anchoralign in '$found', not the prefix" >&2
     exit 1 ;;
esac
cmake --build "$tmp/consumer" -j "$(nproc)"

"$tmp/consumer/consumer" >"$tmp/consumer.tmx"
if ! grep -q "<tu " "$tmp/consumer.tmx"; then
  echo "ci-install-test: the consumer wrote no translation unit:" >&2
  cat "$tmp/consumer.tmx" >&2
  exit 1
fi
xmllint --noout "$tmp/consumer.tmx"
echo "consumer: $(grep -c '<tu ' "$tmp/consumer.tmx") translation units"
"$tmp/prefix/bin/anchoralign" --version
