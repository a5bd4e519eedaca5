#!/usr/bin/env bash
# Prints the release build's wasm and JS sizes, raw and gzipped, and fails when a
# group exceeds its budget in web/size-budget.txt. Run after `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=dist
[ -d "$dist" ] || { echo "no $dist/: run trunk build --release first" >&2; exit 2; }

gz() { gzip -9 -c "$1" | wc -c; }
declare -A total
printf '%-44s %10s %10s\n' file raw gzip
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  case "$name" in
    pgsight-worker*) group=worker ;;
    sw.js) continue ;;
    *) group=page ;;
  esac
  raw=$(wc -c < "$f"); zipped=$(gz "$f")
  total[$group]=$(( ${total[$group]:-0} + zipped ))
  printf '%-44s %10d %10d\n' "$name" "$raw" "$zipped"
done
status=0
while read -r group budget; do
  case "$group" in ''|'#'*) continue ;; esac
  used=${total[$group]:-0}
  if (( used > budget )); then
    echo "FAIL $group: $used bytes gzip, budget $budget"
    status=1
  else
    echo "ok   $group: $used bytes gzip, budget $budget"
  fi
done < web/size-budget.txt
exit $status
