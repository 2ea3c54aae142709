#!/usr/bin/env bash
# Checks of the hand-written man page, docs/anchoralign.1 (ctest man_page_lint and
# man_page_covers_cli):
#   man_page_test.sh lint PAGE          groff -ww reports nothing: no unknown macro, escape or font
#   man_page_test.sh covers PAGE BINARY every command, subcommand and option that BINARY's --help
#                                       texts list appears in PAGE, and .TH names BINARY's version
# Exit status 77 (skipped) without groff (Debian: groff-base, which man-db depends on).
set -euo pipefail

mode=$1
page=$2
command -v groff >/dev/null || { echo "man_page_test: groff not found (groff-base)"; exit 77; }

if [ "$mode" = lint ]; then
  # groff exits 0 even when it warns, so any message at all is the failure.
  messages=$(groff -man -ww -z -Tutf8 "$page" 2>&1)
  if [ -n "$messages" ]; then
    printf '%s\n' "$messages" >&2
    exit 1
  fi
  # Non-ASCII input needs preconv, which not every man(1) runs: write \[uXXXX] instead.
  if LC_ALL=C grep -n '[^[:print:][:space:]]' "$page" >&2; then
    echo "man_page_test: non-ASCII bytes in $page (use roff escapes)" >&2
    exit 1
  fi
  echo "man_page_test: $page is clean"
  exit 0
fi

binary=$3
failures=0
fail() { echo "man_page_test: $*" >&2; failures=$((failures + 1)); }

# The page as a reader sees it, one line per paragraph (a long line length: no wrapping and
# so no hyphenation inside an option name).
rendered=$(groff -man -Tascii -rLL=2000n -rHY=0 -P-cbou "$page" 2>/dev/null)
commands_section=$(printf '%s\n' "$rendered" | sed -n '/^COMMANDS$/,/^[A-Z][A-Z ]*$/p')

# Commands: the indented first words of the "Commands:" block of the top-level help; a
# command whose own usage line names a fixed next word (lexicon train) is read as that pair.
top_help=$("$binary" --help)
mapfile -t commands < <(printf '%s\n' "$top_help" |
  sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ ${#commands[@]} -ge 5 ] || fail "found only ${#commands[@]} commands in '$binary --help'"

all_help=$top_help
for command in "${commands[@]}"; do
  help=$("$binary" "$command" --help)
  sub=$(printf '%s\n' "$help" | sed -n "s/^Usage: anchoralign $command \([a-z][a-z-]*\)\( .*\)\{0,1\}$/\1/p" |
    head -n 1)
  if [ -n "$sub" ]; then
    help=$("$binary" "$command" "$sub" --help)
    command="$command $sub"
  fi
  all_help+=$'\n'$help
  # Each command has its own subsection in COMMANDS, "anchoralign COMMAND ...".
  grep -qE "^   anchoralign $command( |$)" <<<"$commands_section" ||
    fail "command '$command' has no subsection in COMMANDS"
done

# Options: every --long name anywhere in the help texts, and every short name that heads an
# option line ("  -o [ --output ] arg"), must appear in the page as a whole word.
mapfile -t long_options < <(printf '%s\n' "$all_help" | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
mapfile -t short_options < <(printf '%s\n' "$all_help" | sed -n 's/^  \(-[a-zA-Z]\) .*/\1/p' | sort -u)
[ ${#long_options[@]} -ge 30 ] || fail "found only ${#long_options[@]} long options in the help texts"
for option in "${long_options[@]}" "${short_options[@]}"; do
  grep -qE -- "(^|[^a-zA-Z0-9-])$option([^a-zA-Z0-9-]|$)" <<<"$rendered" ||
    fail "option $option is missing"
done

version=$("$binary" --version | head -n 1)
grep -qF "\"$version\"" <(sed -n '/^\.TH /p' "$page") || fail ".TH does not name '$version'"

if [ "$failures" -gt 0 ]; then
  echo "man_page_test: $failures problems in $page" >&2
  exit 1
fi
echo "man_page_test: ${#commands[@]} commands, ${#long_options[@]} long and" \
  "${#short_options[@]} short options, all in $page"
