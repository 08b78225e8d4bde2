#!/bin/bash
# Vouchers benchmark on PostgreSQL (issue 5):
#  1. issue 100,000 vouchers through the API (background batch) and time it until DONE;
#  2. reconcile a programme holding 1,000,000 redemptions: the JSON summary, then the CSV export
#     streamed to a file, sampling the server's used heap and resident memory meanwhile.
# Usage: src/test/bench/vouchers-bench.sh   (from the project root, after mvn package)
# Settings: BENCH_DB (sv_vouchers_bench), PORT (8082), PGHOST (127.0.0.1), JAR.
set -euo pipefail
DB=${BENCH_DB:-sv_vouchers_bench}
PORT=${PORT:-8082}
PGHOST=${PGHOST:-127.0.0.1}
JAR=${JAR:-target/secondevie-microbundle.jar}
BASE=http://127.0.0.1:$PORT
API=$BASE/api/v1
WORK=$(mktemp -d)
PSQL="psql -h $PGHOST -U postgres -d $DB -qAt"

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

dropdb -h "$PGHOST" -U postgres --if-exists "$DB"
createdb -h "$PGHOST" -U postgres "$DB"
cp "$JAR" "$WORK/vouchers-bench.jar"
# Started as production starts it: config/run.sh, with the options of config/jvm.options.
SECONDEVIE_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB" SECONDEVIE_DB_USER=postgres \
  SECONDEVIE_DEMO=true PORT="$PORT" SECONDEVIE_BUNDLE="$WORK/vouchers-bench.jar" \
  config/run.sh > "$WORK/server.log" 2>&1 < /dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "$BASE/health" > /dev/null; do
  kill -0 $SERVER || { tail -20 "$WORK/server.log"; exit 1; }
  sleep 2
done
echo "server up (pid $SERVER, log $WORK/server.log)"

# 1. Issue 100,000 vouchers
PROGRAMME=$(curl -sf -u financeur:demo -H 'Content-Type: application/json' -X POST \
  "$API/voucher-programs" -d '{"name":"Bench issue","kind":"PASS_NUMERIQUE","faceValueCents":1000,
  "validFrom":"2026-01-01","validUntil":"2027-12-31","toleranceDays":31}' | json "['id']")
T0=$(now)
BATCH=$(curl -sf -u financeur:demo -H 'Content-Type: application/json' -X POST \
  "$API/voucher-programs/$PROGRAMME/vouchers" -d '{"quantity":100000}' | json "['batchId']")
T1=$(now)
while [ "$(curl -sf -u financeur:demo "$API/voucher-programs/$PROGRAMME/batches/$BATCH" \
  | json "['status']")" = RUNNING ]; do sleep 0.2; done
T2=$(now)
COUNT=$($PSQL -c "select count(*) from voucher where batch_id = $BATCH")
echo "issue 100,000: accepted in $(elapsed $T0 $T1) s, all $COUNT written in $(elapsed $T0 $T2) s"

# 2. A programme with 1,000,000 redemptions (seeded in SQL: the setup, not measured)
AUTHORITY=$($PSQL -c "select organisation_id from app_user where username = 'financeur'")
REC=$($PSQL -c "insert into voucher_programme (authority_id, name, kind, face_value_cents,
  valid_from, valid_until, tolerance_days, nominative, postal_code_prefixes, created_at)
  values ($AUTHORITY, 'Bench reconciliation', 'PASS_NUMERIQUE', 1000, date '2025-01-01',
  date '2025-12-31', 31, false, '', now()) returning id" | head -1)
RB=$($PSQL -c "insert into issuance_batch (programme_id, quantity, issued_count, status,
  created_at) values ($REC, 100000, 100000, 'DONE', now()) returning id" | head -1)
T3=$(now)
$PSQL <<SQL
insert into voucher (code, programme_id, batch_id, status, issued_at, order_id, held_at, redeemed_at)
select upper(substr(md5('bench' || i), 1, 16)), $REC, $RB, 'REDEEMED', timestamp '2025-01-01',
       i, timestamp '2025-01-01' + (i % 365) * interval '1 day',
       timestamp '2025-01-01' + (i % 365) * interval '1 day' + interval '1 hour'
from generate_series(1, 1000000) i;
insert into redemption (voucher_id, programme_id, order_id, relay_id, face_value_cents,
                        applied_cents, redeemed_at)
select v.id, $REC, v.order_id,
       (select min(id) from organisation where kind = 'RELAY') + (v.order_id % 2), 1000,
       500 + (v.order_id % 501), v.redeemed_at
from voucher v where v.programme_id = $REC;
analyze voucher; analyze redemption;
SQL
echo "seeded 1,000,000 redemptions in $(elapsed $T3 "$(now)") s"

for run in 1 2 3; do
  T4=$(now)
  curl -sf -u financeur:demo "$API/voucher-programs/$REC/reconciliation" > "$WORK/summary.json"
  echo "reconciliation summary (run $run): $(elapsed $T4 "$(now)") s"
done
python3 -c "import json; s=json.load(open('$WORK/summary.json')); print({k: s[k] for k in ('redeemedCount','redeemedAppliedCents','issuedCount')}, len(s['byRelay']), 'relays', len(s['byMonth']), 'months')"

heap() { curl -sf "$BASE/metrics" | grep -iE '^(base_)?memory_usedHeap_bytes' | awk '{print $2}' | head -1; }
rss() { awk '/VmRSS/ {print $2}' /proc/$SERVER/status; }
echo "before the CSV export: used heap $(heap) bytes, RSS $(rss) kB"
( while true; do echo "$(heap) $(rss)" >> "$WORK/samples"; sleep 0.25; done ) &
SAMPLER=$!
T5=$(now)
curl -sf -u financeur:demo -H 'Accept: text/csv' "$API/voucher-programs/$REC/reconciliation" \
  -o "$WORK/reconciliation.csv"
T6=$(now)
kill $SAMPLER
echo "CSV export: $(wc -l < "$WORK/reconciliation.csv") lines, $(du -h "$WORK/reconciliation.csv" | cut -f1), $(elapsed $T5 $T6) s"
awk '{ if ($1 > h) h = $1; if ($2 > r) r = $2 } END { printf "during the export: max used heap %.0f MB, max RSS %.0f MB (%d samples)\n", h / 1048576, r / 1024, NR }' "$WORK/samples"
head -3 "$WORK/reconciliation.csv"
