#!/usr/bin/env bash
# Journal verification benchmark (issue 16): starts the packaged application on a PostgreSQL
# database, gives a new relay a journal of 100,000 chained entries (written straight into the
# database with the application's hash) and times GET /api/v1/relays/{id}/journal/verification:
# one warm-up, then min / median / max of five runs. The goal is at most 2 s; the script exits 2
# when the median is over it.
#
#   bash src/test/bench/journal-bench.sh        (after mvn package, or it packages first)
#
# Settings (environment): BENCH_DB (sv_journal), BENCH_PORT (8083), BENCH_ENTRIES (100000),
# BENCH_FRESH=1 to drop and recreate the database first.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB=${BENCH_DB:-sv_journal}
PORT=${BENCH_PORT:-8083}
ENTRIES=${BENCH_ENTRIES:-100000}
LOG=target/journal-bench-server.log
# shellcheck source=src/test/bench/bench-server.sh
source src/test/bench/bench-server.sh

# the benchmark computes the entries' hashes with the application's own SalesJournal.hash
java -cp "target/classes:$CP" fr.secondevie.sales.control.JournalVerificationBenchmark \
  "http://localhost:$PORT" "$URL" postgres "$ENTRIES" "$SERVER"
