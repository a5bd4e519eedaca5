#!/usr/bin/env bash
# Writes tests/scenarios/schema.sql: the schema the scenario plans were captured on,
# as `pg_dump --schema-only` prints it. Tests read each scenario plan with this schema
# (`--plan NAME.json --schema schema.sql`).
#
# Starts a throwaway PostgreSQL on loopback (own data dir and port, stopped at the end),
# loads setup.sql as run.sh does, and dumps the schema.
# Usage: tests/scenarios/dump-schema.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${PGSIGHT_SCHEMA_DUMP_PORT:-54330}"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/postgres" ]; then
  echo "installing PostgreSQL from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

work=$(mktemp -d /tmp/pgsight-scenario-schema.XXXXXX)
chmod 777 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$bindir/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

as_pg "$bindir/initdb" -D "$work/data" -U postgres --no-sync -A trust -E UTF8 --locale=C >/dev/null
as_pg "$bindir/pg_ctl" -D "$work/data" -l "$work/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work -c fsync=off -c shared_buffers=128MB -c jit=off -c autovacuum=off" start >/dev/null
connect=(-h 127.0.0.1 -p "$port" -U postgres -d postgres)
export PGOPTIONS="-c client_min_messages=warning"

echo "loading setup.sql"
"$bindir/psql" -X -q -v ON_ERROR_STOP=1 "${connect[@]}" -f "$here/setup.sql" >/dev/null
"$bindir/pg_dump" "${connect[@]}" --schema-only --no-tablespaces --no-owner -f "$here/schema.sql"
echo "wrote tests/scenarios/schema.sql ($(wc -l < "$here/schema.sql") lines)"
