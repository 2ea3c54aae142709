#!/usr/bin/env bash
# CI step: builds the libFuzzer targets of tests/fuzz with clang++ (the library compiled with
# the same -fsanitize=fuzzer-no-link,address,undefined instrumentation) into build-fuzz/, runs
# every saved regression input once, then fuzzes each target for FUZZ_SECONDS (default 60)
# from its seed corpus. Any crash, sanitizer report, leak or timeout fails the run; the input
# that caused it is left in build-fuzz/artifacts/<target>/.
# Environment: FUZZ_SECONDS, FUZZ_SEED (default 1: CI runs repeat; 0 picks one at random), FUZZ_TARGETS (space-separated subset), FUZZ_BUILD_DIR, CXX.
set -euo pipefail
cd "$(dirname "$0")/.."

fuzz_seconds="${FUZZ_SECONDS:-60}"
build_dir="${FUZZ_BUILD_DIR:-build-fuzz}"
cxx="${CXX:-clang++}"
targets="${FUZZ_TARGETS:-fuzz_decode fuzz_clean fuzz_split fuzz_lexicon fuzz_tmx}"
jobs="$(nproc)"
[[ "$jobs" -gt 2 ]] || jobs=2

# CI is a fresh Debian 12 machine: get clang and its libFuzzer runtime the way install-deps does.
if [[ "$cxx" == clang++ ]] && { ! command -v clang++ >/dev/null || ! dpkg -s libclang-rt-14-dev >/dev/null 2>&1; }; then
  sudo_cmd=(); [[ "$(id -u)" -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
fi
if ! "$cxx" --version 2>/dev/null | grep -q clang; then
  echo "ci-fuzz: $cxx is not clang; install clang and libclang-rt-14-dev" >&2
  exit 2
fi

# -O1 -g: fast enough to fuzz, symbolised stacks. Recovery off so UBSan findings are fatal.
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all"
flags+=" -fno-omit-frame-pointer"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DANCHORALIGN_FUZZ=ON -DANCHORALIGN_BUILD_TESTS=OFF -DANCHORALIGN_BUILD_APPS=OFF \
  -DANCHORALIGN_INSTALL=OFF -DANCHORALIGN_WERROR=ON >/dev/null
# shellcheck disable=SC2086
cmake --build "$build_dir" -j "$jobs" --target $targets

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for target in $targets; do
  binary="$build_dir/tests/fuzz/$target"
  regressions="tests/fuzz/regressions/$target"
  artifacts="$build_dir/artifacts/$target/"
  mkdir -p "$artifacts" "$build_dir/corpus/$target"
  # Known former failures first, each run once as a plain input.
  if compgen -G "$regressions/*" >/dev/null; then
    echo "== $target: regressions"
    if ! "$binary" -artifact_prefix="$artifacts" "$regressions"/*; then
      echo "ci-fuzz: $target fails on a regression input" >&2
      status=1
      continue
    fi
  fi
  # New corpus entries go to the build tree, so the committed seeds stay hand-written.
  echo "== $target: fuzzing for ${fuzz_seconds}s"
  if ! "$binary" -max_total_time="$fuzz_seconds" -seed="${FUZZ_SEED:-1}" -timeout=30 -rss_limit_mb=2048 \
      -artifact_prefix="$artifacts" -print_final_stats=1 \
      "$build_dir/corpus/$target" "tests/fuzz/corpus/$target"; then
    echo "ci-fuzz: $target crashed; input in $artifacts" >&2
    status=1
  fi
done
exit "$status"
