#!/usr/bin/env bash
# Regenerates the auto_explain server logs beside this script, the fixtures of
# `pgsight logs`:
#
#   stderr-json.log   log_destination=stderr, log_line_prefix='%m [%p] ', JSON plans
#   stderr-text.log   log_destination=stderr, log_line_prefix='%m [%p] ', text plans
#   stderr-pgbadger.log  prefix '%t [%p]: [%l-1] user=%u,db=%d ', text plans
#   csvlog.csv        log_destination=csvlog, text plans
#   jsonlog.json      log_destination=jsonlog (PostgreSQL 15+), JSON plans
#
# Starts a throwaway PostgreSQL (own data dir and port on loopback, stopped at the end,
# as tests/scenarios/run.sh does), loads tests/scenarios/setup.sql once with auto_explain
# quiet, then restarts the server once per log with auto_explain logging every statement
# (session_preload_libraries=auto_explain, log_min_duration=0, log_analyze, log_buffers)
# and runs the same workload: a dozen query shapes, each several times with different
# literals (so the log groups into fingerprints), some clean, some that fire rules.
# Usage: tests/logs/make-log.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scenarios="$here/../scenarios"
port="${PGSIGHT_LOG_PORT:-54331}"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/postgres" ]; then
  echo "installing PostgreSQL from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
major=$("$bindir/postgres" --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')
if [ "$major" -lt 15 ]; then echo "jsonlog needs PostgreSQL 15 or later (found $major)" >&2; exit 1; fi

work=$(mktemp -d /tmp/pgsight-logs.XXXXXX)
chmod 777 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() { as_pg "$bindir/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; }
cleanup() { stop; rm -rf "$work"; }
trap cleanup EXIT

common="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work -c fsync=off"
common="$common -c shared_buffers=128MB -c jit=off -c autovacuum=off -c log_timezone=UTC"
start() {
  as_pg "$bindir/pg_ctl" -D "$work/data" -l "$work/server.log" -w -o "$common $*" start >/dev/null
}
psql=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)

as_pg "$bindir/initdb" -D "$work/data" -U postgres --no-sync -A trust -E UTF8 --locale=C >/dev/null
start
echo "loading setup.sql"
"${psql[@]}" -f "$scenarios/setup.sql" >/dev/null
stop

# The workload: every shape several times with other literals. Settings that a shape
# needs are SET LOCAL inside its own transaction.
workload="$work/workload.sql"
{
  echo "SET max_parallel_workers_per_gather = 0;"
  countries=(FR DE ES IT PT AT)
  for i in 1 2 3 4 5; do
    n=$((i * 7919 % 100000))
    echo "SELECT id, customer_id, amount FROM orders WHERE status = 'open' AND country = '${countries[$i]}';"
    echo "SELECT * FROM orders WHERE id = $((n * 3 + i));"
    echo "SELECT * FROM orders WHERE id = $((n + 17));"
    echo "SELECT id, email, city FROM customers WHERE lower(email) = 'user$n@example.com';"
    echo "SELECT id, email, city
FROM customers
WHERE email LIKE '%$((4240 + i))%';"
    echo "SELECT id, amount FROM orders WHERE postcode = '000$((40 + i))' AND region = 'R$((40 + i))';"
    echo "SELECT id, customer_id, amount, created_at FROM orders ORDER BY created_at OFFSET $((i * 10000)) LIMIT 20;"
    ids=$(seq -s ', ' $((n)) $((n + i)))
    echo "SELECT id, status FROM orders WHERE customer_id IN ($ids);"
    echo "BEGIN; SET LOCAL work_mem = '64kB';"
    echo "SELECT count(*) FROM (SELECT id, amount FROM orders WHERE created_at < '2023-02-0$i' ORDER BY amount DESC) AS s;"
    echo "COMMIT;"
    echo "BEGIN; SET LOCAL work_mem = '64kB';"
    echo "SELECT c.country, count(*), sum(o.amount) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at < '2023-01-0$((i + 1))' GROUP BY c.country;"
    echo "COMMIT;"
    echo "BEGIN; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off;"
    echo "SELECT c.city, count(*), sum(o.amount)
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.created_at >= '2023-03-0$i' AND o.created_at < '2023-03-0$((i + 2))'
GROUP BY c.city;"
    echo "COMMIT;"
    echo "SELECT count(*) FROM order_items WHERE quantity > $((i % 3));"
  done
} >"$workload"

explain="-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0"
explain="$explain -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on"
collector="-c logging_collector=on -c log_directory=$work/logs -c log_rotation_size=0 -c log_rotation_age=0"
run() { # NAME LOG_DESTINATION PLAN_FORMAT LOG_LINE_PREFIX
  local name=$1 destination=$2 format=$3 prefix=$4
  rm -rf "$work/logs"
  start "$explain -c auto_explain.log_format=$format $collector -c log_destination=$destination" \
    "-c log_filename=$name.log" "-c log_line_prefix='$prefix'"
  "${psql[@]}" -f "$workload" >/dev/null
  stop
  case $destination in
    stderr) src="$work/logs/$name.log" ;;
    csvlog) src="$work/logs/$name.csv" ;;
    jsonlog) src="$work/logs/$name.json" ;;
  esac
  cp "$src" "$here/$(basename "$src")"
  echo "wrote $(basename "$src") ($(wc -c <"$src") bytes)"
}
run stderr-json stderr json '%m [%p] '
run stderr-text stderr text '%m [%p] '
run stderr-pgbadger stderr text '%t [%p]: [%l-1] user=%u,db=%d '
run csvlog csvlog text '%m [%p] '
run jsonlog jsonlog json '%m [%p] '
echo "done in $SECONDS s"
