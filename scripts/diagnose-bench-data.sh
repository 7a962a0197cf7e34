#!/usr/bin/env bash
# Fetches the public tabular data sets of the diagnose real-data bench from Debian's python3-sklearn package
# (scikit-learn's bundled CSV files: diabetes, Boston housing, breast cancer, wine, digits) into data/sklearn/.
# MNIST and Fashion-MNIST come from data/mnist (see the README's data section).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/data/sklearn"
if [ -f "$dest/breast_cancer.csv" ]; then
  exit 0
fi
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
(cd "$build" && apt-get download python3-sklearn >/dev/null 2>&1)
dpkg -x "$build"/python3-sklearn_*.deb "$build/x"
mkdir -p "$dest"
cp "$build"/x/usr/lib/python3/dist-packages/sklearn/datasets/data/*.csv* "$dest"/
echo "diagnose bench data in $dest"
