#!/usr/bin/env bash
# Set-up command 2: installs what is missing, builds with the tests and runs them all with
# ctest (the accuracy floors on ../shared/corpora included when that folder is present).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/fetch-lexicon.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DANCHORALIGN_BUILD_TESTS=ON -DANCHORALIGN_BUILD_PYTHON=ON -DANCHORALIGN_WERROR=ON >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j "$(nproc)"
