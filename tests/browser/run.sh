#!/usr/bin/env bash
# Runs the browser test against an existing dist/ (it builds nothing):
#   PATH="$PWD/tests/browser/node_modules/.bin:$PATH" trunk build --release
#   tests/browser/run.sh
# Needs `npm ci` in tests/browser and /usr/bin/chromium (scripts/install-tools.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dist="${PGSIGHT_DIST:-$root/dist}"

if [[ ! -f "$dist/index.html" ]]; then
  echo "error: $dist/index.html not found; build first: trunk build --release" >&2
  exit 1
fi
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  echo "error: playwright-core missing; run: (cd tests/browser && npm ci)" >&2
  exit 1
fi
cd "$here"
exec node --test *.test.mjs
