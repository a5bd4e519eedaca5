#!/usr/bin/env bash
# Regenerates tests/snapshot/snapshot.json: the health snapshot script
# (crates/pgsight-core/src/snapshot/snapshot.sql) run against a throwaway server.
#
# Starts PostgreSQL on loopback (own data dir and port, stopped at the end) with
# pg_stat_statements preloaded and autovacuum off, loads workload.sql (an unused index,
# dead rows, a never-analyzed table, a table read by Seq Scans only, a failed
# CREATE UNIQUE INDEX CONCURRENTLY that leaves an invalid index), resets
# pg_stat_statements, runs queries.sql, then the snapshot script.
# Usage: tests/snapshot/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# A free loopback port unless one is given.
port="${PGSIGHT_SNAPSHOT_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/postgres" ]; then
  echo "installing PostgreSQL from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

work=$(mktemp -d /tmp/pgsight-snapshot.XXXXXX)
chmod 777 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$bindir/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

as_pg "$bindir/initdb" -D "$work/data" -U postgres --no-sync -A trust -E UTF8 --locale=C >/dev/null
as_pg "$bindir/pg_ctl" -D "$work/data" -l "$work/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work -c fsync=off -c autovacuum=off -c jit=off -c shared_preload_libraries=pg_stat_statements" start >/dev/null \
  || { cat "$work/log"; exit 1; }
psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)

# One psql session per `-- session` part of workload.sql.
awk -v dir="$work" '/^-- session/ { n++ } { print > (dir "/part" sprintf("%02d", n) ".sql") }' "$here/workload.sql"
for part in "$work"/part*.sql; do "${psql[@]}" -f "$part" >/dev/null; done
# Fails on the duplicate statuses and leaves orders_status_key behind, INVALID.
"${psql[@]}" -c "CREATE UNIQUE INDEX CONCURRENTLY orders_status_key ON orders (status)" >/dev/null 2>&1 || true
"${psql[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
"${psql[@]}" -f "$here/queries.sql" >/dev/null
# Statistics reach the shared counters when each session ends; the snapshot runs in its own.
"${psql[@]}" -A -t -f "$root/crates/pgsight-core/src/snapshot/snapshot.sql" > "$here/snapshot.json.tmp"
python3 -m json.tool "$here/snapshot.json.tmp" > "$here/snapshot.json"
rm -f "$here/snapshot.json.tmp"
echo "wrote tests/snapshot/snapshot.json ($("$bindir/postgres" --version))"
