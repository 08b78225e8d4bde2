#!/usr/bin/env bash
# Is replicating web sessions through Payara's own Hazelcast worth it (issue 19)? Starts the WAR
# as shipped (clustering off, config/) and a copy of it marked <distributable/> with Payara Micro's
# clustering on (Hazelcast, the two members finding each other over TCP on loopback), two
# instances each, on one PostgreSQL database; prints each start's time to /health/ready and
# resident memory after it, then logs a counter in on the first instance of each pair, kills that
# instance with kill -9 and asks the second for a counter's page with the same session cookie: still
# logged in (200), or sent to the login page (302)?
#
#   bash src/test/bench/session-replication.sh      (after mvn package)
#
# Settings (environment): BENCH_DB (sv_sessions), BENCH_PORT (18280: the instances on +0..+3),
# BENCH_MODES ("off on": which pairs to start).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB=${BENCH_DB:-sv_sessions}
PORT=${BENCH_PORT:-18280}
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
WORK=target/session-replication
rm -rf "$WORK" && mkdir -p "$WORK"
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
[[ -f target/secondevie.war ]] || mvn -B -q package -DskipTests

# the distributable copy: web.xml with <distributable/>; the pre-boot commands without "Hazelcast off"
mkdir -p "$WORK/war/WEB-INF"
cp target/secondevie.war "$WORK/secondevie-distributable.war"
unzip -q -p target/secondevie.war WEB-INF/web.xml \
  | sed 's|<display-name>Seconde Vie</display-name>|&\n  <distributable/>|' > "$WORK/war/WEB-INF/web.xml"
(cd "$WORK/war" && zip -q ../secondevie-distributable.war WEB-INF/web.xml)
grep -v hazelcast config/preboot.asadmin > "$WORK/preboot-cluster.asadmin"

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill -9 "$p" 2> /dev/null || true; done' EXIT

# start <name> <port> <cluster: on|off>: prints "<seconds> <resident MB>" once /health/ready answers
start() {
  local name=$1 port=$2 cluster=$3 war=target/secondevie.war preboot=config/preboot.asadmin
  local options=(--nocluster)
  local jvm
  jvm="$(grep -v '^#' config/jvm.options | tr '\n' ' ')"
  if [[ $cluster == on ]]; then
    war="$WORK/secondevie-distributable.war"
    preboot="$WORK/preboot-cluster.asadmin"
    # Hazelcast's own ports (6900 for the first member, 6901 for the second), on loopback only
    options=(--clustermode "tcpip:127.0.0.1:6900,127.0.0.1:6901" --interfaces 127.0.0.1
      --clustername "secondevie-sessions-$PORT")
    jvm="${jvm//-Dpayaramicro.noCluster=true/}"
  fi
  mkdir -p "$WORK/$name"
  local started=$SECONDS
  # shellcheck disable=SC2086
  SECONDEVIE_DB_URL="$URL" SECONDEVIE_DB_USER=postgres SECONDEVIE_DEMO=true SECONDEVIE_DEMO_STORY=false \
    MALLOC_ARENA_MAX=2 java $jvm -jar target/payara-micro.jar --deploy "$war" --contextroot / \
    --port "$port" "${options[@]}" --prebootcommandfile "$preboot" --rootdir "$WORK/$name/root" \
    > "$WORK/$name.log" 2>&1 &
  local pid=$!
  disown
  PIDS+=("$pid")
  echo "$pid" > "$WORK/$name.pid"
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null; then
      sleep 5 # settled
      echo "$name: ready in $((SECONDS - started)) s, resident $(awk '/VmRSS/ {print int($2/1024)}' \
        /proc/$pid/status) MB, $(jstat -class "$pid" 2> /dev/null \
        | awk 'NR == 2 {print $1}') classes loaded"
      return 0
    fi
    kill -0 "$pid" 2> /dev/null || { echo "$name died (see $WORK/$name.log)"; return 1; }
    sleep 0.5
  done
  return 1
}

# logs the counter in on the port; the session cookie goes to $WORK/<jar>
login() {
  local port=$1 jar=$2
  curl -s -c "$WORK/$jar" -b "$WORK/$jar" "http://127.0.0.1:$port/login.xhtml" -o "$WORK/login.html"
  local state
  state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//;s/"$//')
  curl -s -c "$WORK/$jar" -b "$WORK/$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "login=login" --data-urlencode "login:next=" \
    --data-urlencode "login:username=relais" --data-urlencode "login:password=demo" \
    --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$state" \
    "http://127.0.0.1:$port/login.xhtml"
}
# the counter's open-orders page with that cookie: 200 logged in, 302 to the login page
page() {
  curl -s -b "$WORK/$2" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/app/counter/open-orders.xhtml"
}

for cluster in ${BENCH_MODES:-off on}; do
  echo "== clustering $cluster"
  a=$PORT b=$((PORT + 1))
  [[ $cluster == on ]] && a=$((PORT + 2)) b=$((PORT + 3))
  start "$cluster-a" $a $cluster
  start "$cluster-b" $b $cluster
  if [[ $cluster == on ]]; then
    grep -o 'Members {size:[0-9]*' "$WORK/$cluster-b.log" | tail -n 1 | sed 's/^/  Hazelcast: /' || true
  fi
  echo "  login on a: $(login $a $cluster.cookies), counter's page on a: $(page $a $cluster.cookies)," \
    "the same cookie on b: $(page $b $cluster.cookies)"
  kill -9 "$(cat "$WORK/$cluster-a.pid")"
  sleep 3
  echo "  a killed (kill -9): the same cookie on b: $(page $b $cluster.cookies)" \
    "(200: still logged in; 302: to the login page)"
  echo "  resident memory of b now: $(awk '/VmRSS/ {print int($2/1024)}' /proc/"$(cat "$WORK/$cluster-b.pid")"/status) MB"
  kill "$(cat "$WORK/$cluster-b.pid")"
  sleep 3
done
