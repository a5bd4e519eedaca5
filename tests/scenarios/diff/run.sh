#!/usr/bin/env bash
# Regenerates the before/after plan pairs of `pgsight diff`: NAME-before.sql and
# NAME-after.sql -> .json + .txt, with ../run.sh (same setup.sql, same PostgreSQL).
#
# Each NAME-after.sql runs the fix SQL that the before plan's finding proposed
# (`pgsight analyze --plan NAME-before.json --format json` -> findings[].fix.sql) before its
# query. Scenarios in a transaction (the default) run together in one PostgreSQL; each
# `-- transaction: none` scenario (e.g. a VACUUM) changes the database for good, so it gets a
# freshly loaded PostgreSQL of its own.
# Usage: tests/scenarios/diff/run.sh [NAME...]   (NAME without -before/-after; default: all)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [ $# -gt 0 ]; then pairs=("$@"); else
  pairs=(); for f in "$here"/*-before.sql; do n=$(basename "$f" -before.sql); pairs+=("$n"); done
fi
shared=(); isolated=()
for pair in "${pairs[@]}"; do
  for side in before after; do
    file="$here/$pair-$side.sql"
    [ -f "$file" ] || { echo "no $file" >&2; exit 2; }
    if grep -qi '^-- transaction:[[:space:]]*none' "$file"; then isolated+=("diff/$pair-$side"); else shared+=("diff/$pair-$side"); fi
  done
done
if [ ${#shared[@]} -gt 0 ]; then "$here/../run.sh" "${shared[@]}"; fi
for name in "${isolated[@]}"; do "$here/../run.sh" "$name"; done
