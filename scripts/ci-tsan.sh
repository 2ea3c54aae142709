#!/usr/bin/env bash
# CI step: ThreadSanitizer over the API's concurrency promise (include/anchoralign/pipeline.h:
# one loaded Lexicon shared by concurrent aligns). Builds only the library with
# -fsanitize=thread into build-tsan/ (TSAN_BUILD_DIR overrides) and links tests/api_test.cpp
# against it: 8 threads decode, split, align and write different pairs at once, and must
# match the sequential results. The rest of the suite is single-threaded; ci-sanitize.sh
# runs it under ASan. About 2 minutes on 2 cores, most of it compiling.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
build=${TSAN_BUILD_DIR:-build-tsan}
flags=(-fsanitize=thread -fno-omit-frame-pointer)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
  -DCMAKE_CXX_FLAGS="${flags[*]}" -DANCHORALIGN_BUILD_APPS=OFF -DANCHORALIGN_BUILD_TESTS=OFF \
  -DANCHORALIGN_INSTALL=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target anchoralign

# The test's own translation units carry the instrumentation too (main.cpp is Catch2's main).
# shellcheck disable=SC2046  # pkg-config prints several flags
c++ -std=c++20 -O1 -g "${flags[@]}" -Iinclude -DANCHORALIGN_SOURCE_DIR="\"$PWD\"" \
  tests/main.cpp tests/api_test.cpp "$build/libanchoralign.a" $(pkg-config --libs icu-i18n icu-uc) \
  -o "$build/api_test"

# Any report fails the run.
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" "$build/api_test" "[api]"
