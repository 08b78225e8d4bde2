#!/usr/bin/env bash
# Counter checkout benchmark (issue 6): starts the packaged application on a PostgreSQL database,
# fills it (devices at the demo relay, eligible people, vouchers through the API) and measures, with
# 16 concurrent counters, checkouts per second (open order → voucher → cash → complete) with each
# step's median and p99, beside the same server's throughput on a trivial read in the same run.
#
#   bash src/test/bench/checkout-bench.sh        (after mvn package, or it packages first)
#
# Settings (environment): BENCH_DB (sv_checkout), BENCH_PORT (8082), BENCH_CLIENTS (16),
# BENCH_SECONDS (20), BENCH_STOCK (12000 devices, people and vouchers), BENCH_RELAYS (1: the counters
# at one relay; N spreads them over N relays, created with a counter account each), BENCH_FRESH=1 to drop and
# recreate the database first. BENCH_ROUNDS (1): that many rounds of the trivial read then the checkouts
# in one run, each printed, then their medians (this shared machine's speed varies by a fifth from
# minute to minute; a round pairs its two phases within seconds). BENCH_PROFILE=1 takes 5 thread dumps of the server mid-run into
# target/checkout-dumps/ to see where the time goes. The client speaks HTTP/1.1, as HAProxy does to the
# instances; BENCH_HTTP=2 lets Java's client upgrade to cleartext HTTP/2 (one connection for every counter).
# BENCH_ASYNC_PROFILER=1 samples the server's CPU during each checkout phase with async-profiler
# (from Maven Central) into target/checkout-profile-<round>.collapsed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB=${BENCH_DB:-sv_checkout}
PORT=${BENCH_PORT:-8082}
CLIENTS=${BENCH_CLIENTS:-16}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
ROUNDS=${BENCH_ROUNDS:-1}
STOCK=${BENCH_STOCK:-$((12000 * ROUNDS))}
LOG=target/checkout-bench-server.log
# shellcheck source=src/test/bench/bench-server.sh
source src/test/bench/bench-server.sh

if [[ "${BENCH_PROFILE:-0}" == 1 ]]; then
  mkdir -p target/checkout-dumps
  ( sleep $((SECONDS_PER_RUN + 25)); for n in 1 2 3 4 5; do
      jstack "$SERVER" > "target/checkout-dumps/dump-$n.txt" 2>/dev/null || true; sleep 2; done ) &
fi

PROFILER=""
if [[ "${BENCH_ASYNC_PROFILER:-0}" == 1 ]]; then
  # async-profiler from Maven Central (its jar carries the native library)
  mkdir -p target/async-profiler
  mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.1 \
    -DoutputDirectory=target/async-profiler
  unzip -o -q target/async-profiler/async-profiler-4.1.jar 'linux-x64/*' -d target/async-profiler
  PROFILER="$PWD/target/async-profiler/linux-x64/libasyncProfiler.so"
fi

java -Dbench.server.pid="$SERVER" -Dbench.profiler="$PROFILER" -cp "$CP" fr.secondevie.sales.bench.CheckoutBenchmark "http://localhost:$PORT" "$URL" postgres \
  "$CLIENTS" "$SECONDS_PER_RUN" "$STOCK" "${BENCH_RELAYS:-1}" "$ROUNDS"
