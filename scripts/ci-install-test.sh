#!/usr/bin/env bash
# CI step: installs anchoralign into a temporary prefix and builds examples/align_strings (a
# program outside the project) against that prefix alone, once with CMake's find_package and
# once with pkg-config; runs both and validates their TMX; checks the installed command, man
# page and package files. Twice: with the static library (BUILD_DIR, default build/, reused as
# scripts/test.sh left it) and with the shared one (SHARED_BUILD_DIR, default build-shared/,
# library and command only). Catches missing headers, a broken package config or .pc file,
# link dependencies a user's machine cannot resolve, private dependencies leaking into the
# user's link, and a wrong soname.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
shared_dir=${SHARED_BUILD_DIR:-build-shared}
jobs=${JOBS:-$(nproc)}
scripts/install-deps.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Nothing of this throwaway install may land in the user's ~/.cache.
export ANCHORALIGN_CACHE_DIR="$tmp/cache"
unset ANCHORALIGN_DATA LD_LIBRARY_PATH
warnings=(-Wall -Wextra -Wpedantic -Wshadow -Werror)

fail() {
  echo "ci-install-test: $*" >&2
  exit 1
}

# The example aligns three English sentences with two Chinese ones: two pairs, 1-1 and 2-1.
check_tmx() {  # FILE LABEL
  local units
  units=$(grep -c '<tu ' "$1" || true)
  [ "$units" -eq 2 ] || { cat "$1" >&2; fail "$2 wrote $units translation units, not 2"; }
  xmllint --noout "$1" || fail "$2 wrote malformed XML"
  echo "$2: $units translation units, valid XML"
}

# The path the dynamic loader resolves for libanchoralign ("not" when it finds none, as ldd
# says "not found"), or "static". $ORIGIN/../lib comes out as bin/../lib: normalised.
loaded_library() {  # PROGRAM
  local path
  path=$(ldd "$1" | sed -n 's/^\s*libanchoralign\.so[^ ]* => \(\S*\).*/\1/p')
  case "$path" in
    "") echo static ;;
    /*) realpath -s "$path" ;;
    *) echo "$path" ;;
  esac
}

build_and_install() {  # KIND DIR CONFIGURE-ARGS...
  local kind=$1 dir=$2
  shift 2
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DANCHORALIGN_SANITIZE=OFF \
    -DANCHORALIGN_INSTALL=ON -DANCHORALIGN_BUILD_APPS=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs" --target anchoralign anchoralign_cli
  cmake --install "$dir" --prefix "$tmp/$kind" >/dev/null
}

# The example with find_package: the package registry could hand it the build tree instead
# of the install, hence the registry off and the check of where the package was found.
consumer_cmake() {  # KIND
  local kind=$1 prefix=$tmp/$1 found
  cmake -S examples/align_strings -B "$tmp/$kind-cmake" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    -DCMAKE_CXX_FLAGS="${warnings[*]}" >/dev/null
  found=$(sed -n 's/^anchoralign_DIR:PATH=//p' "$tmp/$kind-cmake/CMakeCache.txt")
  case "$found" in
    "$prefix"/*) ;;
    *) fail "find_package found anchoralign in '$found', not in $prefix" ;;
  esac
  cmake --build "$tmp/$kind-cmake" -j "$jobs" >/dev/null
}

# The example with the command its comment documents; the .pc file is found through
# PKG_CONFIG_PATH alone and must resolve to the prefix it was installed into.
consumer_pkg_config() {  # KIND [--static]
  local kind=$1 static=${2:-} prefix=$tmp/$1 flags includedir
  export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
  [ "$(pkg-config --modversion anchoralign)" = "$version" ] ||
    fail "pkg-config --modversion says $(pkg-config --modversion anchoralign), not $version"
  includedir=$(realpath "$(pkg-config --variable=includedir anchoralign)")
  [ "$includedir" = "$(realpath "$prefix/include")" ] ||
    fail "the .pc file points at $includedir, not $prefix/include"
  flags=$(pkg-config --cflags --libs ${static:+"$static"} anchoralign)
  echo "$kind: pkg-config --cflags --libs $static anchoralign: $flags"
  # shellcheck disable=SC2086  # the flags are words
  g++ -std=c++20 "${warnings[@]}" -O1 examples/align_strings/align_strings.cpp $flags \
    -o "$tmp/$kind-pkg-config"
  unset PKG_CONFIG_PATH
}

# The installed command, data, man page, and the example run against the installed lexicon.
check_common() {  # KIND
  local kind=$1 prefix=$tmp/$1 lexicon
  cmp -s docs/anchoralign.1 "$prefix/$mandir/man1/anchoralign.1" ||
    fail "$kind: the man page is not installed as $mandir/man1/anchoralign.1"
  "$prefix/bin/anchoralign" --version
  if [ -f data/cedict.tsv ]; then
    # Found beside the installed program, wherever the prefix is: not the build tree's copy.
    lexicon=$("$prefix/bin/anchoralign" --version | sed -n 's/^lexicon: \(\S*\).*/\1/p')
    [ "$lexicon" = "$prefix/share/anchoralign/cedict.tsv" ] ||
      fail "$kind: the installed command uses the lexicon '$lexicon'"
  fi
  "$prefix/bin/anchoralign" align samples/harbour.en.txt samples/harbour.zh.txt \
    -o "$tmp/$kind-cli.tmx"
  xmllint --noout "$tmp/$kind-cli.tmx" || fail "$kind: the installed command wrote malformed TMX"
  ANCHORALIGN_DATA="$prefix/share/anchoralign" "$tmp/$kind-cmake/align_strings" \
    >"$tmp/$kind-cmake.tmx"
  check_tmx "$tmp/$kind-cmake.tmx" "$kind, CMake-built example"
}

echo "==== static library ($build_dir)"
# A fresh build dir skips the tests, which this step does not need; one scripts/test.sh left
# keeps them, so that configuring it here does not drop them.
extra=()
[ -f "$build_dir/CMakeCache.txt" ] || extra+=(-DANCHORALIGN_BUILD_TESTS=OFF)
build_and_install static "$build_dir" -DBUILD_SHARED_LIBS=OFF "${extra[@]}"
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:PATH=//p' "$build_dir/CMakeCache.txt")
mandir=$(sed -n 's/^CMAKE_INSTALL_MANDIR:PATH=//p' "$build_dir/CMakeCache.txt")
mandir=${mandir:-share/man}  # GNUInstallDirs caches it empty: DATAROOTDIR/man
version=$("$tmp/static/bin/anchoralign" --version | sed -n '1s/^anchoralign //p')
prefix=$tmp/static
[ -f "$prefix/$libdir/libanchoralign.a" ] || fail "no libanchoralign.a in $prefix/$libdir"
# A static library's private dependencies are the user's link dependencies: ICU must be
# exported (and found by the config), Eigen, header-only, must not be required at all.
grep -q 'LINK_ONLY:ICU::' "$prefix/$libdir"/cmake/anchoralign/anchoralignTargets.cmake ||
  fail "the static export does not carry ICU"
grep -q '^set(anchoralign_STATIC ON)' "$prefix/$libdir/cmake/anchoralign/anchoralignConfig.cmake" ||
  fail "the static package config does not find ICU"
if grep -E 'Eigen3::|find_dependency\(Eigen' "$prefix/$libdir"/cmake/anchoralign/*.cmake; then
  fail "the static package config requires Eigen"
fi
consumer_cmake static
consumer_pkg_config static --static
check_common static
[ "$(loaded_library "$tmp/static-pkg-config")" = static ] || fail "static: the example loads a shared library"
ANCHORALIGN_DATA="$prefix/share/anchoralign" "$tmp/static-pkg-config" >"$tmp/static-pkg-config.tmx"
check_tmx "$tmp/static-pkg-config.tmx" "static, pkg-config-built example"

echo "==== shared library ($shared_dir)"
build_and_install shared "$shared_dir" -DBUILD_SHARED_LIBS=ON -DANCHORALIGN_BUILD_TESTS=OFF
prefix=$tmp/shared
soname=libanchoralign.so.${version%.*}  # major.minor while the major version is 0
[ ! -e "$prefix/$libdir/libanchoralign.a" ] || fail "the shared install holds libanchoralign.a"
readelf -d "$prefix/$libdir/libanchoralign.so" | grep -F "Library soname: [$soname]" ||
  fail "libanchoralign.so has not the soname $soname"
[ -e "$prefix/$libdir/$soname" ] || fail "no $soname link in $prefix/$libdir"
if grep -E 'ICU::|Eigen3::' "$prefix/$libdir"/cmake/anchoralign/anchoralignTargets*.cmake ||
  ! grep -q '^set(anchoralign_STATIC OFF)' "$prefix/$libdir/cmake/anchoralign/anchoralignConfig.cmake"; then
  fail "the shared package exports its private dependencies"
fi
if PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig" pkg-config --print-requires-private anchoralign |
  grep .; then
  fail "the shared .pc file requires private packages"
fi
consumer_cmake shared
consumer_pkg_config shared
# The user's program links libanchoralign alone: ICU is the library's business.
if readelf -d "$tmp/shared-cmake/align_strings" | grep 'NEEDED.*libicu'; then
  fail "the example links ICU itself"
fi
readelf -d "$tmp/shared-cmake/align_strings" | grep NEEDED | grep -qF "[$soname]" ||
  fail "the example does not need $soname"
# The installed command finds its library through its RUNPATH, $ORIGIN/../lib: the prefix's
# copy, not the build tree's. The example built by CMake carries the absolute path of the
# library it linked (CMake's build-tree RPATH); the one built with pkg-config has none, like
# any program linked by hand, and runs with LD_LIBRARY_PATH as a user would set it for a
# prefix outside the loader's search path.
check_common shared
[ "$(loaded_library "$prefix/bin/anchoralign")" = "$prefix/$libdir/$soname" ] ||
  fail "the installed command loads $(loaded_library "$prefix/bin/anchoralign")"
[ "$(loaded_library "$tmp/shared-cmake/align_strings")" = "$prefix/$libdir/$soname" ] ||
  fail "the CMake-built example loads $(loaded_library "$tmp/shared-cmake/align_strings")"
[ "$(loaded_library "$tmp/shared-pkg-config")" = "not" ] ||
  fail "the pkg-config-built example finds libanchoralign without LD_LIBRARY_PATH"
export LD_LIBRARY_PATH="$prefix/$libdir"
[ "$(loaded_library "$tmp/shared-pkg-config")" = "$prefix/$libdir/$soname" ] ||
  fail "the pkg-config-built example loads $(loaded_library "$tmp/shared-pkg-config")"
ANCHORALIGN_DATA="$prefix/share/anchoralign" "$tmp/shared-pkg-config" >"$tmp/shared-pkg-config.tmx"
check_tmx "$tmp/shared-pkg-config.tmx" "shared, pkg-config-built example"
echo "ci-install-test: static and shared installs pass (soname $soname)"
