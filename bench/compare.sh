#!/usr/bin/env bash
# Whole-process time of `collapselab simulate` (20 runs) against the plain NumPy script, and `theory` start-up.
# Reports the best of REPS runs of each (the machine is shared: the best is the least disturbed) and the load.
# Usage: bench/compare.sh [REPS]   (not a test)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reps="${1:-5}"
cl="$root/bin/collapselab"
"$cl" --version >/dev/null # builds and makes the CDS archive if needed

best() { # best wall seconds of $reps runs of the command
  local b=999
  for _ in $(seq "$reps"); do
    local t0 t1
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
    b=$(python3 -c "print(min($b, $t1 - $t0))")
  done
  printf '%.3f' "$b"
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
common=(--p2 0.1 --c2 1 --sigma 0.5 --lambda 1e-3 --spectrum power:1 --runs 20)
printf '%-34s %10s %10s %8s %8s\n' "cell (20 runs, whole process)" "java [s]" "numpy [s]" "ratio" "target"
row() { # label target java-args...
  local label=$1 target=$2; shift 2
  local j n
  j=$(best "$cl" simulate "$@" "${common[@]}")
  n=$(best python3 "$root/bench/numpy_simulate.py" "$@" "${common[@]}")
  printf '%-34s %10s %10s %8.2f %8s\n' "$label" "$j" "$n" "$(python3 -c "print($j/$n)")" "$target"
}
row "ridge d=1000 n=4000" "<= 0.3" --model ridge --d 1000 --n 4000
row "rp d=500 n=2000 m=1000" "<= 0.5" --model rp --d 500 --n 2000 --m 1000
row "ridge d=200 n=200,000" "<= 0.1" --model ridge --d 200 --n 200000
echo
printf '%-34s %10s\n' "theory, whole process" "best [s]"
targs=(theory --d 1000 --n 2000 --p2 0.1 --sigma 0.5 --lambda 1e-3 --spectrum power:1)
printf '%-34s %10s\n' "launcher (CDS, C1 for theory)" "$(best "$cl" "${targs[@]}")"
printf '%-34s %10s\n' "launcher, COLLAPSELAB_CDS=0" "$(COLLAPSELAB_CDS=0 best "$cl" "${targs[@]}")"
source "$root/scripts/env.sh"
printf '%-34s %10s\n' "plain java -cp (before)" "$(best java -Xmx8g -Djava.awt.headless=true -cp "$root/cli/target/collapselab-cli-0.1.0.jar:$root/cli/target/lib/*" org.collapselab.cli.CollapseLab "${targs[@]}")"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
