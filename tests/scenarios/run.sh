#!/usr/bin/env bash
# Regenerates the plan fixtures beside each scenario: NAME.sql -> NAME.json + NAME.txt.
#
# Starts a throwaway PostgreSQL on loopback (own data dir and port, stopped at the end),
# loads setup.sql once, then for each scenario runs its setup part and
# EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS) of its query in JSON and in text.
# Usage: tests/scenarios/run.sh [NAME...]     (default: every scenario)
#
# Each run (one per format) is its own session and its own transaction, rolled back at the
# end: settings, DDL and data changes (a DELETE under EXPLAIN ANALYZE really deletes) never
# reach the next run or the next scenario. Header lines a scenario may carry:
#   -- explain: (VERBOSE, SETTINGS)   EXPLAIN options instead of the default; FORMAT is added
#   -- transaction: none              run without BEGIN/ROLLBACK (e.g. for VACUUM); the
#                                     scenario must then leave the database as it found it
# autovacuum is off server-wide so that no background VACUUM/ANALYZE changes what the
# scenarios see (setup.sql vacuums and analyzes explicitly).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${PGSIGHT_SCENARIO_PORT:-54329}"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/postgres" ]; then
  echo "installing PostgreSQL from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

work=$(mktemp -d /tmp/pgsight-scenarios.XXXXXX)
chmod 777 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$bindir/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

as_pg "$bindir/initdb" -D "$work/data" -U postgres --no-sync -A trust -E UTF8 --locale=C >/dev/null
as_pg "$bindir/pg_ctl" -D "$work/data" -l "$work/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work -c fsync=off -c shared_buffers=128MB -c jit=off -c autovacuum=off" start >/dev/null
psql=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)

echo "loading setup.sql"
start=$SECONDS
"${psql[@]}" -f "$here/setup.sql" >/dev/null
echo "setup.sql loaded in $((SECONDS - start)) s"

if [ $# -gt 0 ]; then names=("$@"); else names=(); for f in "$here"/*.sql; do n=$(basename "$f" .sql); [ "$n" = setup ] || names+=("$n"); done; fi

for name in "${names[@]}"; do
  file="$here/$name.sql"
  t0=$SECONDS
  # The part before the `-- query` line runs first (settings, data changes); the rest is explained.
  setup=$(sed '/^-- query/,$d' "$file")
  query=$(sed -n '/^-- query/,$p' "$file" | sed '1d' | sed 's/;[[:space:]]*$//')
  # `-- explain: (OPTIONS)` overrides the EXPLAIN options; FORMAT is always set per output.
  options=$(sed -n 's/^-- explain:[[:space:]]*//p' "$file" | head -n 1 | sed 's/^(//; s/)[[:space:]]*$//' \
    | sed -E 's/(^|,)[[:space:]]*FORMAT[[:space:]]+[A-Za-z]+[[:space:]]*//I; s/^[[:space:]]*,//')
  if ! grep -q '^-- explain:' "$file"; then options="ANALYZE, BUFFERS, VERBOSE, SETTINGS"; fi
  options="${options:+$options, }FORMAT"
  if grep -qi '^-- transaction:[[:space:]]*none' "$file"; then begin=""; end=""; else begin="BEGIN;"; end="ROLLBACK;"; fi
  for format in json text; do
    out="$here/$name.$([ $format = json ] && echo json || echo txt)"
    {
      echo "$begin"
      echo "$setup"
      echo "EXPLAIN ($options $format) $query;"
      echo "$end"
    } | "${psql[@]}" -At -f - > "$out.tmp"
    # Keep only the plan: setup statements print nothing with -q, but be sure.
    mv "$out.tmp" "$out"
  done
  echo "wrote $name.json and $name.txt ($((SECONDS - t0)) s)"
done
echo "done in $SECONDS s"
