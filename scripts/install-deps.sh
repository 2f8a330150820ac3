#!/usr/bin/env bash
# Installs the Debian 12 packages bstp builds and runs with. Idempotent: apt-get skips what is there.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-graph-dev libtbb-dev libyaml-cpp-dev libhdf5-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev libfmt-dev
  libopenmpi-dev openmpi-bin
  nlohmann-json3-dev libboost-math-dev libedit-dev
  python3 python3-h5py python3-numpy python3-matplotlib python3-xarray python3-h5netcdf
  python3-pandas python3-jinja2 python3-yaml gettext chromium
  clang-14 libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
