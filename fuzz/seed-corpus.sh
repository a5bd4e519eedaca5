#!/usr/bin/env bash
# Seeds fuzz/corpus/<target> from the repository's fixtures. Idempotent; run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/fuzz/corpus"
fixtures="$root/crates/pgsight-core/tests/fixtures"
mkdir -p "$corpus"/{plan_json,plan_text,sql,analyze,share_decode}

# Plans: tests/scenarios (and its diff pairs) and the core's fixtures.
json_plans=$(find "$root/tests/scenarios" "$fixtures" -name '*.json'; find "$fixtures/pev2-from-text" -name '*-expect')
text_plans=$(find "$root/tests/scenarios" "$fixtures" -name '*.txt'; find "$fixtures/pev2-from-text" -name '*-plan')
sql_files=$(find "$root/tests/scenarios" "$root/tests/schemas" "$fixtures" -name '*.sql')

n=0
for f in $json_plans; do n=$((n + 1)); cp "$f" "$corpus/plan_json/seed-$n"; done
for f in $text_plans; do n=$((n + 1)); cp "$f" "$corpus/plan_text/seed-$n"; done
for f in $sql_files; do n=$((n + 1)); cp "$f" "$corpus/sql/seed-$n"; done

# analyze: a selector byte (2 bits per input: 0 plan, 1 schema, 2 migration, 3 query),
# then inputs separated by 0xFF.
for f in $json_plans $text_plans; do n=$((n + 1)); { printf '\x00'; cat "$f"; } > "$corpus/analyze/seed-$n"; done
for f in $sql_files; do
  for kind in '\x01' '\x02' '\x03'; do n=$((n + 1)); { printf "$kind"; cat "$f"; } > "$corpus/analyze/seed-$n"; done
done
# A plan with the schema and query it came from (selector 0b11_01_00: plan, schema, query).
for plan in "$root"/tests/scenarios/*.json; do
  sql="${plan%.json}.sql"
  [ -f "$sql" ] || continue
  n=$((n + 1))
  { printf '\x34'; cat "$plan"; printf '\xff'; cat "$root/tests/schemas/shop.sql"; printf '\xff'; cat "$sql"; } > "$corpus/analyze/seed-$n"
done

# share_decode: mode byte 2 then SharedInputs JSON (the target compresses it);
# mode 0 then a link fragment made by the CLI's encoder.
for f in "$root"/tests/scenarios/*.json; do
  n=$((n + 1))
  { printf '\x02'; python3 -c 'import json,sys; print(json.dumps({"plan": open(sys.argv[1]).read(), "sql": "SELECT 1;", "sql_is_migration": True}))' "$f"; } > "$corpus/share_decode/seed-$n"
done
python3 - "$corpus/share_decode" <<'PY'
import base64, json, sys, zlib
for i, payload in enumerate([{"plan": "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)"}, {"schema": "CREATE TABLE t (id int);", "sql": "SELECT * FROM t;"}, {}]):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = c.compress(json.dumps(payload).encode()) + c.flush()
    with open(f"{sys.argv[1]}/seed-link-{i}", "wb") as f:
        f.write(b"\x00v1." + base64.urlsafe_b64encode(raw).rstrip(b"="))
    with open(f"{sys.argv[1]}/seed-deflate-{i}", "wb") as f:
        f.write(b"\x01" + raw)
PY
for t in plan_json plan_text sql analyze share_decode; do echo "$t: $(ls "$corpus/$t" | wc -l) files"; done
