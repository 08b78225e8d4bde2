#!/usr/bin/env bash
# Start-up time and resident memory of Seconde Vie against the same Payara Micro serving an
# empty WAR, measured in the same run with the same JVM options (config/jvm.options), pre-boot
# commands (config/preboot.asadmin) and environment as config/run.sh gives them.
#   mvn -q package -DskipTests && src/test/bench/startup.sh [runs]
# Prints, per run: milliseconds from `java` to the first HTTP 200 on /, and VmRSS after a
# warm-up of 500 requests on / (and /api/v1/me for Seconde Vie).
# Two more WARs show where the difference goes: the empty page with stripe-java alone (the
# Stripe SDK, which the application carries whole), and the empty page with every library of
# Seconde Vie's WEB-INF/lib but none of its classes (what the libraries cost before the
# application does anything).
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs="${1:-3}"
port=8097
micro=target/payara-micro.jar
work=target/bench
mkdir -p "$work/empty"
echo '<!DOCTYPE html><title>empty</title>' > "$work/empty/index.html"
(cd "$work/empty" && rm -f ../empty.war && jar cf ../empty.war index.html)
rm -rf "$work/libs" && mkdir -p "$work/libs/WEB-INF/lib" && cp "$work/empty/index.html" "$work/libs/"
(cd "$work/libs" && unzip -q -o ../../secondevie.war 'WEB-INF/lib/*')
# CDI on, as in the application (PrimeFaces needs it), with no beans of its own.
echo '<beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>' \
  > "$work/libs/WEB-INF/beans.xml"
rm -rf "$work/stripe" && mkdir -p "$work/stripe/WEB-INF/lib" && cp "$work/empty/index.html" "$work/stripe/"
cp "$work"/libs/WEB-INF/lib/{stripe-java,gson}-*.jar "$work/stripe/WEB-INF/lib/"
for w in libs stripe; do (cd "$work/$w" && rm -f "../$w.war" && jar cf "../$w.war" .); done
opts="$(grep -v '^#' config/jvm.options | tr '\n' ' ')"
# The environment config/run.sh gives the JVM, for both.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

measure() { # name war warmup-path...
  local name="$1" war="$2"; shift 2
  rm -rf "$work/data"; mkdir -p "$work/data"
  local start; start=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$work/data" && exec java $opts -jar "../../../$micro" --deploy "../../../$war" \
     --contextroot / --port $port --nocluster \
     --prebootcommandfile "../../../config/preboot.asadmin" > ../"$name".log 2>&1) &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" = 200 ]; do
    sleep 0.05
    kill -0 $pid 2>/dev/null || { echo "$name did not start"; return 1; }
    [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 180 ] || { echo "$name: no 200 in 180 s"; kill $pid; return 1; }
  done
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  for _ in $(seq 1 500); do
    for path in "$@"; do curl -s -o /dev/null -u relais:demo "http://127.0.0.1:$port$path"; done
  done
  local jpid; jpid=$(pgrep -f -- "--port $port" | head -n 1)
  local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/"$jpid"/status)
  printf '%-12s start_to_200_ms=%6d rss_after_warmup_mb=%5d\n' "$name" "$ms" "$rss"
  kill "$jpid"; wait $pid 2>/dev/null || true
}

for i in $(seq 1 "$runs"); do
  measure empty-war "$work/empty.war" /
  measure stripe-only "$work/stripe.war" /
  measure libs-only "$work/libs.war" /
  measure secondevie target/secondevie.war / /api/v1/me
done
