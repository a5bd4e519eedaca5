#!/usr/bin/env bash
# Prints the release build's wasm, JS, CSS and HTML sizes, raw and gzipped, by group,
# and fails when a group exceeds its budget in web/size-budget.txt. Run after
# `trunk build --release` (PGSIGHT_DIST=/path checks another dist directory).
#
# Groups (issue #9, download size):
#   page         the page: index.html, its wasm + JS, the CSS
#   plan-worker  the worker started with the page (engine without sqlparser)
#   full-worker  the full engine's worker, loaded only once a schema or SQL is given
#   plan-first-load  page + plan-worker: what a plan-only first visit downloads
#                (compare: PEV2 ships about 244 KB gzipped)
#   on-demand    the example plans and rule doc pages (examples/, rules/), which the
#                page fetches when one is shown and the service worker precaches;
#                printed, not budgeted
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${PGSIGHT_DIST:-dist}
[ -d "$dist" ] || { echo "no $dist/: run trunk build --release first" >&2; exit 2; }

gz() { gzip -9 -c "$1" | wc -c; }
declare -A total raw_total
printf '%-44s %-12s %10s %10s\n' file group raw gzip
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  case "$name" in
    pgsight-plan-worker*) group=plan-worker ;;
    pgsight-worker*) group=full-worker ;;
    sw.js) continue ;;
    *) group=page ;;
  esac
  raw=$(wc -c < "$f"); zipped=$(gz "$f")
  total[$group]=$(( ${total[$group]:-0} + zipped ))
  raw_total[$group]=$(( ${raw_total[$group]:-0} + raw ))
  printf '%-44s %-12s %10d %10d\n' "$name" "$group" "$raw" "$zipped"
done
for f in "$dist"/examples/* "$dist"/rules/*; do
  [ -f "$f" ] || continue
  total[on-demand]=$(( ${total[on-demand]:-0} + $(gz "$f") ))
  raw_total[on-demand]=$(( ${raw_total[on-demand]:-0} + $(wc -c < "$f") ))
done
total[plan-first-load]=$(( ${total[page]:-0} + ${total[plan-worker]:-0} ))
raw_total[plan-first-load]=$(( ${raw_total[page]:-0} + ${raw_total[plan-worker]:-0} ))
echo
for group in page plan-worker full-worker plan-first-load on-demand; do
  printf '%-44s %-12s %10d %10d\n' "total" "$group" "${raw_total[$group]:-0}" "${total[$group]:-0}"
done
echo
status=0
while read -r group budget; do
  case "$group" in ''|'#'*) continue ;; esac
  # What a plan-only browser session transfers (service worker precache included) is
  # measured by tests/browser/loading.test.mjs, not from files.
  [ "$group" = plan-session ] && continue
  if [ -z "${total[$group]+set}" ]; then
    echo "FAIL $group: no such group in $dist"
    status=1
    continue
  fi
  used=${total[$group]}
  if (( used > budget )); then
    echo "FAIL $group: $used bytes gzip, budget $budget"
    status=1
  else
    echo "ok   $group: $used bytes gzip, budget $budget"
  fi
done < web/size-budget.txt
exit $status
