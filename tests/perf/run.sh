#!/usr/bin/env bash
# The browser timing harness and the PEV2 side by side (issue #9). Not part of
# scripts/test-all.sh: a full run takes several minutes (PEV2 on 10,000 partitions
# alone can take 90 s or more). `--quick`: the 1,000-partition plan only, ~2 minutes.
#
#   PATH="$PWD/tests/browser/node_modules/.bin:$PATH" trunk build --release
#   tests/perf/run.sh [--quick] [--keep-inputs]
#
# PGSIGHT_DIST: the built app (default dist/). Needs `npm ci` in tests/browser
# (playwright-core) and in tests/perf (pev2, vue), and /usr/bin/chromium.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dist="${PGSIGHT_DIST:-$root/dist}"

if [[ ! -f "$dist/index.html" ]]; then
  echo "error: $dist/index.html not found; build first: trunk build --release" >&2
  exit 1
fi
if [[ ! -d "$root/tests/browser/node_modules/playwright-core" ]]; then
  echo "error: playwright-core missing; run: (cd tests/browser && npm ci)" >&2
  exit 1
fi
if [[ ! -d "$here/node_modules/pev2" ]]; then
  echo "error: pev2 missing; run: (cd tests/perf && npm ci)" >&2
  exit 1
fi
# The input generator, optimized (it writes ~250 MB of plans in a few seconds).
(cd "$root" && cargo build --release --quiet -p pgsight-gen)
cd "$here"
PGSIGHT_DIST="$dist" exec node run.mjs "$@"
