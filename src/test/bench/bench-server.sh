# Sourced by the benchmarks: a fresh (BENCH_FRESH=1) or kept PostgreSQL database, the packaged
# application started on it, the test classpath for the Java load generators. Needs DB, PORT and
# LOG set; leaves URL, SERVER (its pid, stopped on exit) and CP.
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
if [[ "${BENCH_FRESH:-0}" == 1 ]]; then
  dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
fi
createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true

[[ -f target/secondevie-microbundle.jar ]] || mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/test-classes:$(cat target/bench.classpath)"

# Started as production starts it: config/run.sh, with the JVM options of config/jvm.options.
SECONDEVIE_DB_URL="$URL" SECONDEVIE_DB_USER=postgres SECONDEVIE_DEMO=true SECONDEVIE_DEMO_STORY=false PORT="$PORT" \
  config/run.sh > "$LOG" 2>&1 &
SERVER=$!
# The server's resident memory, sampled every second while the benchmark runs; rss_report prints
# the highest seen.
RSS_LOG=target/bench-rss.log
: > "$RSS_LOG"
( while kill -0 $SERVER 2>/dev/null; do
    awk '/VmRSS/ {print int($2/1024)}' /proc/$SERVER/status >> "$RSS_LOG" 2>/dev/null || true
    sleep 1
  done ) &
SAMPLER=$!
rss_report() {
  echo "server resident memory: highest $(sort -n "$RSS_LOG" | tail -n 1) MB," \
    "last $(tail -n 1 "$RSS_LOG") MB ($(wc -l < "$RSS_LOG") samples, JVM options of config/jvm.options)"
}
trap 'rss_report; kill $SERVER $SAMPLER 2>/dev/null || true' EXIT
started=no
for _ in $(seq 1 180); do
  if curl -sf "http://localhost:$PORT/api/v1/relays" > /dev/null; then started=yes; break; fi
  kill -0 $SERVER 2> /dev/null || break
  sleep 1
done
if [[ $started != yes ]]; then
  echo "The application did not start on $DB (see $LOG);" \
    "a database left by an older schema needs BENCH_FRESH=1." >&2
  exit 1
fi
