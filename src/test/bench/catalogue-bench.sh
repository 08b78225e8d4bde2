#!/usr/bin/env bash
# Catalogue benchmark (issue 3): fills a PostgreSQL database with 100,000 devices across 20 relays
# and 500 donations, starts the packaged application on it, and measures with 16 concurrent
# clients: a trivial endpoint, the catalogue API with filters, and the catalogue page as HTML.
#
#   bash src/test/bench/catalogue-bench.sh        (after mvn package, or it packages first)
#
# Settings (environment): BENCH_DB (sv_bench), BENCH_PORT (8081), BENCH_CLIENTS (16),
# BENCH_SECONDS (20), BENCH_FRESH=1 to drop and recreate the database first, BENCH_CHURN (50): device
# rows changed per second, as another instance would, during the last run. Uses wrk too when
# installed (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB=${BENCH_DB:-sv_bench}
PORT=${BENCH_PORT:-8081}
CLIENTS=${BENCH_CLIENTS:-16}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
LOG=target/bench-server.log
# shellcheck source=src/test/bench/bench-server.sh
source src/test/bench/bench-server.sh

java -cp "$CP" fr.secondevie.devices.bench.CatalogueDataGenerator "$URL" postgres ""
java -cp "$CP" fr.secondevie.devices.bench.CatalogueBenchmark "http://localhost:$PORT" "$CLIENTS" "$SECONDS_PER_RUN"

# The same with wrk (lighter than the Java client on a shared machine), one URL per run.
if command -v wrk > /dev/null; then
  RELAY=$(curl -s "http://localhost:$PORT/api/v1/relays" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  for path in "/api/v1/relays/$RELAY" "/api/v1/catalogue?category=LAPTOP&grade=B" \
      "/api/v1/catalogue?q=dell&relay=$RELAY&page=1" "/catalogue/index.xhtml?category=LAPTOP"; do
    echo "wrk $path"
    wrk -t2 -c"$CLIENTS" -d"${SECONDS_PER_RUN}s" --latency "http://localhost:$PORT$path" \
      | grep -E "^ +(50|99)%|Requests/sec|Non-2xx"
  done
  # A random filter per request (category, grade, word, relay, page): no two requests alike, so
  # nothing is answered from a cache of pages (the catalogue API keeps none; the HTML pages do).
  echo "wrk catalogue API, random filters"
  wrk -t2 -c"$CLIENTS" -d"${SECONDS_PER_RUN}s" --latency -s src/test/bench/catalogue-random.lua \
    "http://localhost:$PORT" | grep -E "^ +(50|99)%|Requests/sec|Non-2xx"

  # The catalogue page as HTML with a random filter per request: the page cache of anonymous
  # visitors seldom applies, so each page is filtered and rendered.
  echo "wrk catalogue page as HTML, random filters"
  CATALOGUE_PATH=/catalogue/index.xhtml wrk -t2 -c"$CLIENTS" -d"${SECONDS_PER_RUN}s" --latency \
    -s src/test/bench/catalogue-random.lua "http://localhost:$PORT" \
    | grep -E "^ +(50|99)%|Requests/sec|Non-2xx"

  # The same while devices change under the catalogue, written straight in the database as by
  # another instance (BENCH_CHURN rows a second): each look of the in-memory copy finds changes.
  CHURN=${BENCH_CHURN:-50}
  read -r MIN SPAN < <(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc \
    "select min(id), max(id) - min(id) + 1 from device" | tr '|' ' ')
  (
    while true; do
      psql -h 127.0.0.1 -U postgres -d "$DB" -qc "update device set list_price_cents =
        list_price_cents + 1 where id in (select id from device where status = 'AVAILABLE'
        and id >= $MIN + floor(random() * $SPAN)::bigint order by id limit $CHURN)"
      sleep 1
    done
  ) &
  CHURNER=$!
  echo "wrk catalogue API, random filters, $CHURN device writes a second by another instance"
  wrk -t2 -c"$CLIENTS" -d"${SECONDS_PER_RUN}s" --latency -s src/test/bench/catalogue-random.lua \
    "http://localhost:$PORT" | grep -E "^ +(50|99)%|Requests/sec|Non-2xx"
  kill $CHURNER
fi
