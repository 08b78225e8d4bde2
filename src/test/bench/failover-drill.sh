#!/usr/bin/env bash
# Failover drill (issue 19): two instances on one PostgreSQL database behind Debian's HAProxy on
# loopback (config/haproxy/haproxy.cfg), 16 counters running checkouts through HAProxy for a
# bounded time, one instance killed with kill -9 mid-run and restarted. Prints the checkouts done
# and failed with what the counters saw, then waits for the holds to lapse and checks the database:
# no order half done, receipt numbers without gap or duplicate, every hold released in time
# (fr.secondevie.sales.bench.FailoverDrill). Exit status 0 when every check passes.
#
#   bash src/test/bench/failover-drill.sh        (after mvn package, or it packages first)
#
# Settings (environment): BENCH_DB (sv_failover, dropped and created again each run),
# BENCH_PORT (8180: HAProxy; the instances on +1 and +2, its statistics on +3), BENCH_CLIENTS (16),
# BENCH_SECONDS (90), BENCH_KILL_AT (20: seconds into the run), BENCH_RESTART_AFTER (5: seconds
# after the kill), BENCH_STOCK (5000), BENCH_HOLD_MINUTES (1: SECONDEVIE_ORDER_HOLD_MINUTES of both
# instances, so that the check need not wait 30 minutes).
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v haproxy > /dev/null || { echo "HAProxy is needed: apt-get install haproxy" >&2; exit 2; }
DB=${BENCH_DB:-sv_failover}
LB_PORT=${BENCH_PORT:-8180}
PORTS=($((LB_PORT + 1)) $((LB_PORT + 2)))
STATS_PORT=$((LB_PORT + 3))
CLIENTS=${BENCH_CLIENTS:-16}
RUN_SECONDS=${BENCH_SECONDS:-90}
KILL_AT=${BENCH_KILL_AT:-20}
RESTART_AFTER=${BENCH_RESTART_AFTER:-5}
STOCK=${BENCH_STOCK:-5000}
HOLD=${BENCH_HOLD_MINUTES:-1}
URL="jdbc:postgresql://127.0.0.1:5432/$DB"

dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
[[ -f target/secondevie-microbundle.jar ]] || mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/test-classes:$(cat target/bench.classpath)"

PIDS=()
HAPROXY=
stop_all() {
  for pid in "${PIDS[@]}" $HAPROXY; do kill "$pid" 2> /dev/null || true; done
}
trap stop_all EXIT

# Instance n (1 or 2) as production starts it (config/run.sh), logging to target/failover-app<n>.log.
start_instance() {
  local n=$1
  SECONDEVIE_DB_URL="$URL" SECONDEVIE_DB_USER=postgres SECONDEVIE_DEMO=true SECONDEVIE_DEMO_STORY=false \
    SECONDEVIE_ORDER_HOLD_MINUTES="$HOLD" PORT="${PORTS[$((n - 1))]}" \
    config/run.sh >> "target/failover-app$n.log" 2>&1 &
  PIDS[$((n - 1))]=$!
  disown # (no "Killed" line from bash at the kill)
}
await_ready() {
  local n=$1 started=$SECONDS
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:${PORTS[$((n - 1))]}/health/ready" > /dev/null; then
      echo "instance $n ready in $((SECONDS - started)) s (pid ${PIDS[$((n - 1))]})"
      return 0
    fi
    kill -0 "${PIDS[$((n - 1))]}" 2> /dev/null || break
    sleep 0.5
  done
  echo "instance $n did not start (see target/failover-app$n.log)" >&2
  exit 1
}

: > target/failover-app1.log
: > target/failover-app2.log
# the first one migrates the database and creates the demo organisations, then the second
start_instance 1
await_ready 1
start_instance 2
await_ready 2

SECONDEVIE_HAPROXY_BIND="127.0.0.1:$LB_PORT" SECONDEVIE_HAPROXY_STATS="127.0.0.1:$STATS_PORT" \
  SECONDEVIE_APP1="127.0.0.1:${PORTS[0]}" SECONDEVIE_APP2="127.0.0.1:${PORTS[1]}" \
  haproxy -db -f config/haproxy/haproxy.cfg > target/failover-haproxy.log 2>&1 &
HAPROXY=$!
for _ in $(seq 1 60); do
  [[ $(curl -s "http://127.0.0.1:$STATS_PORT/;csv" | grep -c '^instances,app[12],.*,UP,') == 2 ]] && break
  sleep 0.5
done
echo "HAProxy on 127.0.0.1:$LB_PORT in front of ${PORTS[*]} (statistics: http://127.0.0.1:$STATS_PORT/)"

: > target/failover-drill.out
java -Duser.timezone=Europe/Paris -cp "$CP" fr.secondevie.sales.bench.FailoverDrill \
  "http://127.0.0.1:$LB_PORT" "$URL" postgres "$CLIENTS" "$RUN_SECONDS" "$STOCK" "$HOLD" \
  > target/failover-drill.out 2>&1 &
DRILL=$!
# the counters start once the stock is ready: the kill is timed from there
until grep -q '^Stock ready' target/failover-drill.out; do
  kill -0 $DRILL 2> /dev/null || { cat target/failover-drill.out; exit 1; }
  sleep 0.2
done
sed -n '/^Stock ready/p' target/failover-drill.out
sleep "$KILL_AT"
echo "$(date +%T) kill -9 instance 1 (pid ${PIDS[0]}), $KILL_AT s into the run"
kill -9 "${PIDS[0]}"
sleep "$RESTART_AFTER"
echo "$(date +%T) instance 1 restarted"
start_instance 1
await_ready 1

RESTARTED_AT=$SECONDS
for _ in $(seq 1 120); do
  [[ $(curl -s "http://127.0.0.1:$STATS_PORT/;csv" | grep -c '^instances,app1,.*,UP,') == 1 ]] && break
  sleep 0.5
done
echo "$(date +%T) HAProxy sees instance 1 up again ($((SECONDS - RESTARTED_AT)) s after it was ready)"
wait $DRILL && status=0 || status=$?
sed -n '/^Stock ready/,$p' target/failover-drill.out | tail -n +2
echo "HAProxy's log, answers by instance and status (times, instance, status):"
awk '$4 ~ /^instances\// {print $4, $6}' target/failover-haproxy.log | sort | uniq -c | sed 's/^/  /'
grep -E 'Server instances/app[12] is (DOWN|UP)' target/failover-haproxy.log | sed 's/^/  HAProxy: /' || true
exit $status
