#!/usr/bin/env bash
# Regenerates the real schema dumps the SQL front end is tested on:
# tests/schemas/src/NAME.sql (hand-written DDL) -> tests/schemas/NAME.sql (pg_dump --schema-only).
#
# Starts a throwaway PostgreSQL 15 on loopback (own data dir and port, stopped at the end),
# creates one database per source file, loads it and dumps its schema.
# Usage: tests/schemas/make-dumps.sh [NAME...]     (default: every file in src/)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${PGSIGHT_SCHEMA_PORT:-54331}"

bindir=/usr/lib/postgresql/15/bin
if [ ! -x "$bindir/postgres" ]; then
  echo "installing PostgreSQL 15 from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

work=$(mktemp -d /tmp/pgsight-schemas.XXXXXX)
chmod 777 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$bindir/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

as_pg "$bindir/initdb" -D "$work/data" -U postgres --no-sync -A trust -E UTF8 --locale=C >/dev/null
as_pg "$bindir/pg_ctl" -D "$work/data" -l "$work/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work -c fsync=off" start >/dev/null
connect=(-h 127.0.0.1 -p "$port" -U postgres)
export PGOPTIONS="-c client_min_messages=warning"

if [ $# -gt 0 ]; then names=("$@"); else names=(); for f in "$here"/src/*.sql; do names+=("$(basename "$f" .sql)"); done; fi

for name in "${names[@]}"; do
  "$bindir/psql" -X -q "${connect[@]}" -d postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
  "$bindir/psql" -X -q -v ON_ERROR_STOP=1 "${connect[@]}" -d "$name" -f "$here/src/$name.sql" >/dev/null
  "$bindir/pg_dump" "${connect[@]}" --schema-only --no-tablespaces -d "$name" -f "$here/$name.sql"
  echo "wrote tests/schemas/$name.sql ($(wc -l < "$here/$name.sql") lines)"
done
