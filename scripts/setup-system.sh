#!/usr/bin/env bash
# Installs the Debian packages the toolkit uses: native OpenBLAS (for netlib BLAS/LAPACK) and Fashion-MNIST.
# Needs root (or sudo). Safe to re-run.
set -euo pipefail
pkgs=(libopenblas0 dataset-fashion-mnist)
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
