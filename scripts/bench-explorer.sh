#!/usr/bin/env bash
# Explorer benchmark in headless Chromium (Debian chromium + chromium-driver): first load on loopback (empty cache and
# browser cache) and slider -> redraw median, with the load average. Usage: scripts/bench-explorer.sh [loads] [steps]
# Compiles the server module and its test classes (offline Maven), then runs org.collapselab.server.ExplorerBench.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=env.sh
source scripts/env.sh
cp="$root/server/target/bench-classpath.txt"
mvn -q -o -B -pl server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp" >&2
java -Djava.awt.headless=true -cp "server/target/test-classes:server/target/classes:$(cat "$cp")" \
  org.collapselab.server.ExplorerBench "$@" 2> >(grep -v -e CdpVersionFinder -e 'Unable to find' -e '^WARNING: ' -e '^INFO: ' -e 'InstanceBuilder' >&2)
