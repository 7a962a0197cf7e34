#!/usr/bin/env bash
# Whole-process time of `collapselab simulate` (20 runs) against the plain NumPy script, and `theory` start-up.
# For each command: the best wall time of REPS runs (the least disturbed on a shared machine) and the CPU time
# (user + sys) of that run; the load average is printed before and after. Usage: bench/compare.sh [REPS] (not a test)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reps="${1:-5}"
cl="$root/bin/collapselab"
"$cl" --version >/dev/null # builds and makes the CDS archive if needed
tf="$(mktemp)"
trap 'rm -f "$tf"' EXIT

best() { # prints "wall cpu" of the fastest of $reps runs of the command
  local bw=999 bc=0
  for _ in $(seq "$reps"); do
    /usr/bin/time -f "%e %U %S" -o "$tf" "$@" >/dev/null 2>&1
    read -r w u s < <(tail -1 "$tf")
    if python3 -c "import sys; sys.exit(0 if $w < $bw else 1)"; then bw=$w; bc=$(python3 -c "print(round($u + $s, 2))"); fi
  done
  echo "$bw $bc"
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
common=(--p2 0.1 --c2 1 --sigma 0.5 --lambda 1e-3 --spectrum power:1 --runs 20)
printf '%-26s %9s %9s %10s %10s %7s %7s %7s\n' "cell (20 runs)" "java [s]" "java cpu" "numpy [s]" "numpy cpu" "ratio" "cpu rt" "target"
row() { # label target args...
  local label=$1 target=$2; shift 2
  local jw jc nw nc
  read -r jw jc < <(best "$cl" simulate "$@" "${common[@]}")
  read -r nw nc < <(best python3 "$root/bench/numpy_simulate.py" "$@" "${common[@]}")
  printf '%-26s %9s %9s %10s %10s %7.3f %7.3f %7s\n' "$label" "$jw" "$jc" "$nw" "$nc" \
    "$(python3 -c "print($jw/$nw)")" "$(python3 -c "print($jc/$nc)")" "$target"
}
row "ridge d=1000 n=4000" "<= 0.3" --model ridge --d 1000 --n 4000
row "rp d=500 n=2000 m=1000" "<= 0.5" --model rp --d 500 --n 2000 --m 1000
row "ridge d=200 n=200,000" "<= 0.1" --model ridge --d 200 --n 200000
echo
printf '%-34s %9s %9s\n' "theory, whole process" "best [s]" "cpu [s]"
targs=(theory --d 1000 --n 2000 --p2 0.1 --sigma 0.5 --lambda 1e-3 --spectrum power:1)
source "$root/scripts/env.sh"
# "before": a jar built from an older commit (BEFORE_DIR holding collapselab-cli-0.1.0.jar and lib/), old flags.
if [ -n "${BEFORE_DIR:-}" ]; then
  printf '%-34s %9s %9s\n' "before: $BEFORE_DIR, plain java -cp" $(best java -Xmx8g -Djava.awt.headless=true \
    -cp "$BEFORE_DIR/collapselab-cli-0.1.0.jar:$BEFORE_DIR/lib/*" org.collapselab.cli.CollapseLab "${targs[@]}")
fi
printf '%-34s %9s %9s\n' "this build, plain java -cp" $(best java -Xmx8g -Djava.awt.headless=true \
  -cp "$root/cli/target/collapselab-cli-0.1.0.jar:$root/cli/target/lib/*" org.collapselab.cli.CollapseLab "${targs[@]}")
printf '%-34s %9s %9s\n' "launcher, COLLAPSELAB_CDS=0" $(COLLAPSELAB_CDS=0 best "$cl" "${targs[@]}")
printf '%-34s %9s %9s\n' "launcher (CDS, C1-only for theory)" $(best "$cl" "${targs[@]}")
printf '%-34s %9s %9s\n' "python3 -c 'import numpy'" $(best python3 -c "import numpy")
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
