#!/usr/bin/env bash
# Tax receipts benchmark (issue 7): a year's batch of 10,000 receipts on PostgreSQL.
# Creates a fresh database, starts the packaged application on it (demo data on), inserts
# N received donations directly in SQL, starts the batch through the API and polls its
# progress until it is finished; then checks the numbers (1..N, no gap) in the database.
#
#   mvn -q package -DskipTests && src/test/bench/receipts-bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
N=${1:-10000}
DB=${BENCH_DB:-sv_receipts_bench}
PORT=${BENCH_PORT:-8083}
export PGHOST=127.0.0.1 PGUSER=postgres

dropdb --if-exists "$DB" && createdb "$DB"
# Started as production starts it: config/run.sh, with the options of config/.
SECONDEVIE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SECONDEVIE_DB_USER=postgres \
  SECONDEVIE_DEMO=true PORT="$PORT" config/run.sh > target/receipts-bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.5; done

psql -q -d "$DB" <<SQL
insert into donation (donor_id, status, pickup_address, available_from, pledged_at, received_at)
select (select id from organisation where name = 'Picardie Assurances'), 'RECEIVED',
       '40 rue Delpech, Amiens', date '2026-01-15', timestamp '2026-01-10 09:00',
       timestamp '2026-01-20 10:00' + (g || ' minutes')::interval
from generate_series(1, $N) g;
insert into donation_item (donation_id, line_no, category, quantity, description, unit_value_cents)
select d.id, 0, 'LAPTOP', 3, 'Portables Dell Latitude', 41152 from donation d
where not exists (select 1 from donation_item i where i.donation_id = d.id);
SQL

start=$(date +%s%N)
location=$(curl -s -i -u admin:demo -X POST "http://127.0.0.1:$PORT/api/v1/tax-receipts/batches" \
  | awk 'tolower($1) == "location:" {print $2}' | tr -d '\r')
status=RUNNING
while [ "$status" != FINISHED ]; do
  sleep 1
  answer=$(curl -s -u admin:demo "$location")
  status=$(echo "$answer" | sed -E 's/.*"status":"([A-Z]+)".*/\1/')
  echo "  $answer"
done
ms=$(( ($(date +%s%N) - start) / 1000000 ))
rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/"$(pgrep -f -- "--port $PORT" | head -n 1)"/status)
psql -At -d "$DB" -c "select count(*), min(sequence_number), max(sequence_number),
  count(distinct sequence_number), sum(amount_cents) from tax_receipt where status = 'ISSUED'" \
  | awk -F'|' -v n="$N" -v ms="$ms" -v rss="$rss" '{
      printf "receipts=%d first=%d last=%d distinct=%d amount_cents=%d\n", $1, $2, $3, $4, $5;
      printf "total_ms=%d ms_per_receipt=%.2f server_rss_mb=%d\n", ms, ms / n, rss }'
