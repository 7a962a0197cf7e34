#!/usr/bin/env bash
# Installs the Debian packages the toolkit uses: native OpenBLAS (for netlib BLAS/LAPACK), Fashion-MNIST and the
# wamerican word list (dictionary-word share of generated text).
# Needs root (or sudo). Safe to re-run.
set -euo pipefail
pkgs=(libopenblas0 dataset-fashion-mnist wamerican)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "warning: not root; cannot install ${missing[*]} (the code falls back to pure-Java BLAS)" >&2; exit 0; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
