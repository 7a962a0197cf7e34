#!/usr/bin/env bash
# Regenerates the explorer screenshots in docs/explorer/ from the browser tests (headless Chromium), which save them
# under server/target/explorer-*.png while they check the page.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=env.sh
source scripts/env.sh
mvn -q -o -B -pl server -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest='BrowserViewsTest' test
mkdir -p docs/explorer
for f in server/target/explorer-*.png; do
  cp "$f" "docs/explorer/$(basename "$f" | sed 's/^explorer-//')"
done
ls -l docs/explorer
