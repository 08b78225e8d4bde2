#!/usr/bin/env bash
# Counter checkout benchmark (issue 6): starts the packaged application on a PostgreSQL database,
# fills it (devices at the demo relay, eligible people, vouchers through the API) and measures, with
# 16 concurrent counters, checkouts per second (open order → voucher → cash → complete) with each
# step's median and p99, beside the same server's throughput on a trivial read in the same run.
#
#   bash src/test/bench/checkout-bench.sh        (after mvn package, or it packages first)
#
# Settings (environment): BENCH_DB (sv_checkout), BENCH_PORT (8082), BENCH_CLIENTS (16),
# BENCH_SECONDS (20), BENCH_STOCK (12000 devices, people and vouchers), BENCH_FRESH=1 to drop and
# recreate the database first. BENCH_PROFILE=1 takes 5 thread dumps of the server mid-run into
# target/checkout-dumps/ to see where the time goes.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB=${BENCH_DB:-sv_checkout}
PORT=${BENCH_PORT:-8082}
CLIENTS=${BENCH_CLIENTS:-16}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
STOCK=${BENCH_STOCK:-12000}
URL="jdbc:postgresql://127.0.0.1:5432/$DB"

if [[ "${BENCH_FRESH:-0}" == 1 ]]; then
  dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
fi
createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true

[[ -f target/secondevie-microbundle.jar ]] || mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

SECONDEVIE_DB_URL="$URL" SECONDEVIE_DB_USER=postgres SECONDEVIE_DEMO=true \
  java -Xmx512m -jar target/secondevie-microbundle.jar --port "$PORT" --nocluster \
  > target/checkout-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
started=no
for _ in $(seq 1 180); do
  if curl -sf "http://localhost:$PORT/api/v1/relays" > /dev/null; then started=yes; break; fi
  kill -0 $SERVER 2> /dev/null || break
  sleep 1
done
if [[ $started != yes ]]; then
  echo "The application did not start on $DB (see target/checkout-bench-server.log);" \
    "a database left by an older schema needs BENCH_FRESH=1." >&2
  exit 1
fi

if [[ "${BENCH_PROFILE:-0}" == 1 ]]; then
  mkdir -p target/checkout-dumps
  ( sleep $((SECONDS_PER_RUN + 25)); for n in 1 2 3 4 5; do
      jstack "$SERVER" > "target/checkout-dumps/dump-$n.txt" 2>/dev/null || true; sleep 2; done ) &
fi

CP="target/test-classes:$(cat target/bench.classpath)"
java -cp "$CP" fr.secondevie.sales.bench.CheckoutBenchmark "http://localhost:$PORT" "$URL" postgres \
  "$CLIENTS" "$SECONDS_PER_RUN" "$STOCK"
