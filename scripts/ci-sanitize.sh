#!/usr/bin/env bash
# CI step: builds the library, the CLI and the tests with AddressSanitizer and UBSan into
# build-asan/ and runs the whole test suite there, the accuracy floors included (they drive
# the sanitized CLI over the development corpora, the largest inputs the suite has).
# Debug keeps the asserts on; -O1 keeps the run a few minutes long instead of a quarter hour.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
  -DANCHORALIGN_SANITIZE=ON -DANCHORALIGN_BUILD_TESTS=ON >/dev/null
cmake --build build-asan -j "$(nproc)"

# Any report fails the run: UBSan halts (-fno-sanitize-recover=all makes it fatal too), ASan
# always does, and leaks are checked at exit of every test process.
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
