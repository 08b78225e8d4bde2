#!/usr/bin/env sh
# Starts Seconde Vie from the microbundle with the JVM options and logging of config/.
# Settings come from the environment (see README): PORT, SECONDEVIE_DB_URL, ...
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
bundle="${SECONDEVIE_BUNDLE:-$here/../target/secondevie-microbundle.jar}"
opts="$(grep -v '^#' "$here/jvm.options" | tr '\n' ' ')"
# Two malloc arenas instead of eight per core: the JVM's own native allocations are few, and
# glibc's extra arenas only hold freed memory (tens of MB of resident memory).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# shellcheck disable=SC2086
exec java $opts ${JAVA_OPTS:-} -jar "$bundle" \
  --port "${PORT:-8080}" \
  --nocluster \
  --prebootcommandfile "$here/preboot.asadmin" \
  --logproperties "$here/logging.properties" \
  "$@"
