#!/usr/bin/env bash
# The checkout benchmark's share of the trivial read, this working tree against an earlier commit,
# on the same machine and run by run alternately: a share measured on one machine says little on
# another (the same code read 21-22 % on one 2-core machine of this project and 30 % on another),
# so a change is judged against the code before it, in the same hour.
#
#   bash src/test/bench/checkout-ab.sh <commit> [pairs]     (pairs: 3)
#
# The commit is checked out once in a worktree beside the project ($TMPDIR), each side runs its own
# checkout-bench.sh on a database of its own (sv_checkout_ab for the commit, sv_checkout here; the
# first pair starts both fresh) with BENCH_SECONDS (10) a phase; prints each pair, then the
# medians. Issue 16: bash src/test/bench/checkout-ab.sh dd43f81 6 (the code before the cash
# session, the journal and the account check).
set -euo pipefail
cd "$(dirname "$0")/../../.."
REV=${1:?"usage: checkout-ab.sh <commit> [pairs]"}
PAIRS=${2:-3}
export BENCH_SECONDS=${BENCH_SECONDS:-10}
HERE=$PWD
THERE="${TMPDIR:-/tmp}/secondevie-ab-$(git rev-parse --short "$REV")"
[[ -d "$THERE" ]] || git worktree add -q --detach "$THERE" "$REV"
# the commit's own benchmark packages it once (a worktree at a commit cannot go stale); this tree is
# packaged now, since checkout-bench.sh would run a microbundle left by an earlier build
mvn -B -q package -DskipTests

share() { grep -oE '^Checkout requests are [0-9]+ %' "$1" | tail -n 1 | grep -oE '[0-9]+'; }
rates() {
  echo "trivial $(grep -oE '^trivial.* [0-9]+ req/s' "$1" | tail -n 1 | grep -oE '[0-9]+ req/s$')," \
    "checkouts $(grep -oE '= [0-9]+ req/s' "$1" | tail -n 1 | grep -oE '[0-9]+ req/s')"
}
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

mkdir -p target/checkout-ab
: > target/checkout-ab/earlier.txt
: > target/checkout-ab/here.txt
for pair in $(seq 1 "$PAIRS"); do
  fresh=$([[ $pair == 1 ]] && echo 1 || echo 0)
  (cd "$THERE" && BENCH_DB=sv_checkout_ab BENCH_FRESH=$fresh bash src/test/bench/checkout-bench.sh) \
    > "target/checkout-ab/earlier-$pair.log" 2>&1
  (cd "$HERE" && BENCH_FRESH=$fresh bash src/test/bench/checkout-bench.sh) \
    > "target/checkout-ab/here-$pair.log" 2>&1
  share "target/checkout-ab/earlier-$pair.log" >> target/checkout-ab/earlier.txt
  share "target/checkout-ab/here-$pair.log" >> target/checkout-ab/here.txt
  echo "pair $pair: $REV $(tail -n 1 target/checkout-ab/earlier.txt) % ($(rates "target/checkout-ab/earlier-$pair.log"))" \
    "| here $(tail -n 1 target/checkout-ab/here.txt) % ($(rates "target/checkout-ab/here-$pair.log"))"
done
echo "median share: $REV $(median < target/checkout-ab/earlier.txt) %, here $(median < target/checkout-ab/here.txt) %" \
  "(logs in target/checkout-ab/)"
