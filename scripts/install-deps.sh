#!/usr/bin/env bash
# Installs the Debian 12 packages anchoralign needs to build, test and benchmark; installs
# only what is missing, so it is cheap to run again.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3 groff-base python3-dev python3-pybind11
  libicu-dev libeigen3-dev libfmt-dev libboost-program-options-dev catch2
  libxml2-utils python3-translate parallel rsync chromium
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
