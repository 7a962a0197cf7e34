#!/usr/bin/env bash
# Prints the N slowest test methods (default 15) of the last Maven run, from the Surefire XML reports of every module,
# and the total test time. Usage: scripts/slowest-tests.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-15}"
shopt -s nullglob
reports=("$root"/*/target/surefire-reports/TEST-*.xml)
[ ${#reports[@]} -gt 0 ] || { echo "slowest-tests: no Surefire reports under */target/surefire-reports" >&2; exit 0; }
awk '
  match($0, /<testcase [^>]*>?/) {
    tc = substr($0, RSTART, RLENGTH); name = ""; cls = ""; t = ""
    if (match(tc, / name="[^"]*"/)) name = substr(tc, RSTART + 7, RLENGTH - 8)
    if (match(tc, / classname="[^"]*"/)) cls = substr(tc, RSTART + 12, RLENGTH - 13)
    if (match(tc, / time="[^"]*"/)) t = substr(tc, RSTART + 7, RLENGTH - 8)
    sub(/.*\./, "", cls); gsub(/,/, "", t)
    if (t != "") printf "%10.2f s  %s.%s\n", t, cls, name
  }
' "${reports[@]}" > "${TMPDIR:-/tmp}/slowest-tests.$$"
echo "the $n slowest tests:"
sort -rn "${TMPDIR:-/tmp}/slowest-tests.$$" > "${TMPDIR:-/tmp}/slowest-tests.$$.sorted" || true
sed -n "1,${n}p" "${TMPDIR:-/tmp}/slowest-tests.$$.sorted"
awk '{ s += $1; c++ } END { printf "%d test methods, %.1f s in all (sum of their times)\n", c, s }' \
  "${TMPDIR:-/tmp}/slowest-tests.$$"
rm -f "${TMPDIR:-/tmp}/slowest-tests.$$" "${TMPDIR:-/tmp}/slowest-tests.$$.sorted"
