#!/usr/bin/env bash
# Territorial dashboard benchmark (issue 18): starts the packaged application on a PostgreSQL
# database, fills a territory of its own ("BEN") by SQL (generate_series) with 100,000 devices from
# 1,000 pledged lots across 5 workshops, 30,000 people (decisions, 20,000 equipped), 1,200,000
# vouchers of two funders of which 1,000,000 redeemed, 10,000 paid trainings, all in this year; then
# times, in the same run and alternately, the trivial read (GET /api/v1/me, the same
# authentication) and GET /api/v1/territories/{id}/dashboard, then the yearly impact report
# (PDF): one warm-up, then min / median / max of BENCH_RUNS runs each. Goals: the dashboard's
# median at most 500 ms, the report's at most 2 s; the script exits 2 when one is over.
#
#   bash src/test/bench/dashboard-bench.sh        (after mvn package, or it packages first)
#
# Settings (environment): BENCH_DB (sv_dashboard), BENCH_PORT (8084), BENCH_RUNS (10),
# BENCH_FRESH=1 to drop and recreate the database first (the territory is filled once per
# database).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB=${BENCH_DB:-sv_dashboard}
PORT=${BENCH_PORT:-8084}
RUNS=${BENCH_RUNS:-10}
LOG=target/dashboard-bench-server.log
# shellcheck source=src/test/bench/bench-server.sh
source src/test/bench/bench-server.sh
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -qAt -v ON_ERROR_STOP=1"
API=http://localhost:$PORT/api/v1
YEAR=$(date +%Y)

if [[ -z "$($PSQL -c "select id from territory where code = 'BEN'")" ]]; then
  start=$(date +%s.%N)
  $PSQL <<SQL
insert into territory (code, name, created_at) values ('BEN', 'Territoire du banc d''essai', now());
insert into territory_department (territory_id, department)
select id, '2A' from territory where code = 'BEN';
-- the territory's organisations: a donor company, 5 workshops, 10 relays, a social structure,
-- two funders
insert into organisation (name, kind, created_at, territory_id, monthly_capacity)
select 'Banc ' || k || ' ' || i, k, now(), (select id from territory where code = 'BEN'),
       case when k = 'REFURBISHER' then 2000 end
from (values ('COMPANY', 1), ('REFURBISHER', 5), ('RELAY', 10), ('SOCIAL_STRUCTURE', 1),
             ('AUTHORITY', 2)) as kinds (k, n),
     generate_series(1, 10) i
where i <= n;
create temporary table ben as
select (select id from territory where code = 'BEN') as territory,
       (select min(id) from organisation where name = 'Banc COMPANY 1') as donor,
       (select min(id) from organisation where name = 'Banc REFURBISHER 1') as workshop,
       (select min(id) from organisation where name = 'Banc RELAY 1') as relay,
       (select min(id) from organisation where name = 'Banc SOCIAL_STRUCTURE 1') as structure,
       (select min(id) from organisation where name = 'Banc AUTHORITY 1') as funder;
-- 1,000 lots of 100 devices each, pledged this year, routed to the 5 workshops
insert into donation (donor_id, status, pickup_address, available_from, pledged_at, received_at,
                      workshop_id, assigned_at)
select b.donor, 'RECEIVED', 'Rue du Banc', date '$YEAR-01-01',
       timestamp '$YEAR-01-01' + (i % 300) * interval '1 day',
       timestamp '$YEAR-01-02' + (i % 300) * interval '1 day', b.workshop + (i % 5),
       timestamp '$YEAR-01-01' + (i % 300) * interval '1 day'
from ben b, generate_series(1, 1000) i;
insert into donation_item (donation_id, line_no, category, quantity, unit_value_cents)
select d.id, 1, (array['LAPTOP','SMARTPHONE','TABLET','DESKTOP','SCREEN'])[1 + d.id % 5], 100, 5000
from donation d, ben b where d.donor_id = b.donor;
-- 100,000 devices: 60 % sold, 10 % recycled, 20 % on sale, 10 % still at the workshop
insert into device (donation_id, serial_number, category, status, functional_tests_passed,
                    erasure_method, erasure_tool, erasure_certificate_id, erased_at,
                    erasure_operator, refurbisher_id, relay_id, list_price_cents, received_at,
                    refurbished_at, sold_at, recycled_at, recycling_reason, insertion_hours, grade)
select d.id, 'BEN' || d.id || '-' || n, i.category,
       case when n <= 60 then 'SOLD' when n <= 70 then 'RECYCLED' when n <= 90 then 'AVAILABLE'
            else 'RECEIVED' end,
       n <= 90, 'PURGE', 'banc', 'EFF-BEN-' || d.id || '-' || n, d.received_at, 'banc',
       case when n <= 60 or n > 70 and n <= 90 then d.workshop_id end,
       case when n <= 60 or n > 70 and n <= 90 then b.relay + (n % 10) end, 9000,
       d.received_at + interval '1 hour',
       case when n <= 60 or n > 70 and n <= 90 then d.received_at + interval '5 days' end,
       case when n <= 60 then d.received_at + interval '20 days' end,
       case when n > 60 and n <= 70 then d.received_at + interval '6 days' end,
       case when n > 60 and n <= 70 then 'banc' end,
       case when n <= 60 or n > 70 and n <= 90 then 1.5 + (n % 3) * 0.25 end,
       case when n <= 90 then 'B' end
from donation d join donation_item i on i.donation_id = d.id, ben b, generate_series(1, 100) n
where d.donor_id = b.donor;
-- 30,000 people of the social structure, each found eligible (a tenth twice); 20,000 equipped
insert into beneficiary (id, social_structure_id, created_at, last_contact_at)
select 'BEN' || lpad(i::text, 7, '0'), b.structure, timestamp '$YEAR-01-01',
       timestamp '$YEAR-01-01' from ben b, generate_series(1, 30000) i;
insert into eligibility_decision (beneficiary_id, rule_set_version, decision, tier, valid_until,
                                  criteria, decided_by, decided_at)
select 'BEN' || lpad(i::text, 7, '0'), 1, 'ELIGIBLE', 1, date '$YEAR-01-01' + 400, 'RSA', 'banc',
       timestamp '$YEAR-01-01' + (i % 300) * interval '1 day'
from generate_series(1, 30000) i
union all
select 'BEN' || lpad(i::text, 7, '0'), 1, 'ELIGIBLE', 1, date '$YEAR-01-01' + 420, 'RSA', 'banc',
       timestamp '$YEAR-01-01' + (i % 300 + 10) * interval '1 day'
from generate_series(1, 30000, 10) i;
insert into quota_use (beneficiary_id, category, reference, used_at)
select 'BEN' || lpad(i::text, 7, '0'), 'LAPTOP', 'bench-' || i,
       timestamp '$YEAR-01-01' + (i % 300 + 3 + i % 40) * interval '1 day'
from generate_series(1, 20000) i;
-- two funders' programmes: 1,200,000 vouchers issued this year, 1,000,000 of them redeemed
insert into voucher_programme (authority_id, name, kind, face_value_cents, valid_from,
                               valid_until, tolerance_days, nominative, postal_code_prefixes,
                               created_at)
select b.funder + f, 'Banc programme ' || f, 'CHEQUE_EQUIPEMENT', 5000, date '$YEAR-01-01',
       date '$YEAR-12-31', 31, false, '', now() from ben b, generate_series(0, 1) f;
-- as the application writes them: one batch a day and programme over 250 days, each voucher
-- dated by its batch, which counts them (2,400 a batch, 2,000 of them redeemed the next day)
insert into issuance_batch (programme_id, quantity, issued_count, status, created_at)
select p.id, 2400, 2400, 'DONE', timestamp '$YEAR-01-01' + d * interval '1 day'
from voucher_programme p, ben b, generate_series(0, 249) d
where p.authority_id in (b.funder, b.funder + 1);
insert into voucher (code, programme_id, batch_id, status, issued_at, order_id, held_at,
                     redeemed_at)
select upper(substr(md5('ben' || x.id || '-' || i), 1, 16)), x.programme_id, x.id,
       case when i <= 2000 then 'REDEEMED' else 'ISSUED' end,
       x.created_at,
       case when i <= 2000 then x.id * 1000000 + i end,
       case when i <= 2000 then x.created_at + interval '1 day' end,
       case when i <= 2000 then x.created_at + interval '1 day' end
from issuance_batch x join voucher_programme p on p.id = x.programme_id, ben b,
     generate_series(1, 2400) i
where p.authority_id in (b.funder, b.funder + 1);
insert into redemption (voucher_id, programme_id, order_id, relay_id, face_value_cents,
                        applied_cents, redeemed_at)
select v.id, v.programme_id, v.order_id, b.relay + (v.id % 10), 5000, 2500 + v.id % 2501,
       v.redeemed_at
from voucher v join voucher_programme p on p.id = v.programme_id, ben b
where p.authority_id in (b.funder, b.funder + 1) and v.status = 'REDEEMED';
-- and their days' totals, as the redeeming transactions keep them (VoucherLedger.redeemAt)
insert into voucher_redemption_day (programme_id, relay_id, redeemed_on, redeemed, applied_cents)
select r.programme_id, r.relay_id, cast(r.redeemed_at as date), count(*), sum(r.applied_cents)
from redemption r join voucher_programme p on p.id = r.programme_id, ben b
where p.authority_id in (b.funder, b.funder + 1)
group by r.programme_id, r.relay_id, cast(r.redeemed_at as date);
-- 10,000 paid orders of a two-hour training at the relays
insert into sale_order (relay_id, beneficiary_id, status, opened_by, opened_at, last_activity_at,
                        closed_at, receipt_number)
select b.relay + (i % 10), 'BEN' || lpad(i::text, 7, '0'), 'PAID', 'banc',
       timestamp '$YEAR-01-01' + (i % 300) * interval '1 day',
       timestamp '$YEAR-01-01' + (i % 300) * interval '1 day',
       timestamp '$YEAR-01-01' + (i % 300) * interval '1 day', 'BEN-' || i
from ben b, generate_series(1, 10000) i;
insert into sale_order_line (order_id, line_number, kind, service_id, quantity, label,
                             list_price_cents, price_cents)
select o.id, 1, 'SERVICE', 1, 1, 'Atelier de prise en main', 1000, 1000
from sale_order o where o.receipt_number like 'BEN-%';
SQL
  # as autovacuum does after such a load: the visibility map lets the counts read indexes alone
  $PSQL -c "vacuum analyze"
  echo "filled territory BEN in $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s:" \
    "$($PSQL -c "select count(*) from device d join donation n on n.id = d.donation_id
      join organisation o on o.id = n.donor_id join territory t on t.id = o.territory_id
      where t.code = 'BEN'") devices," \
    "$($PSQL -c "select count(*) from redemption r join voucher_programme p on p.id = r.programme_id
      join organisation o on o.id = p.authority_id join territory t on t.id = o.territory_id
      where t.code = 'BEN'") redemptions"
fi
TERRITORY=$($PSQL -c "select id from territory where code = 'BEN'")

# min / median / max in ms of RUNS timed GETs of a path (after one warm-up)
times() {
  local path=$1 out=$2
  curl -sf -u national:demo -o "$out" "$API/$path"
  for _ in $(seq 1 "$RUNS"); do
    curl -sf -u national:demo -o "$out" -w '%{time_total}\n' "$API/$path"
  done | sort -n | awk '{ t[NR] = $1 * 1000 } END {
    printf "min %.0f ms, median %.0f ms, max %.0f ms (%d runs)\n", t[1], (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[NR], NR }'
}
median() { sed -E 's/.*median ([0-9]+) ms.*/\1/' <<< "$1"; }
# CPU time in ms spent so far by the application server and by the PostgreSQL backends serving
# this database (from /proc, clock ticks): the work a request costs whatever the machine's load.
TICK=$(getconf CLK_TCK)
server_cpu() { awk -v t="$TICK" '{ print int(($14 + $15) * 1000 / t) }' /proc/$SERVER/stat; }
db_cpu() {
  local total=0 pid
  for pid in $(pgrep -f ": postgres $DB " || true); do
    total=$(( total + $(awk -v t="$TICK" '{ print int(($14 + $15) * 1000 / t) }' /proc/$pid/stat 2>/dev/null || echo 0) ))
  done
  echo $total
}
# times a path's GETs and says the CPU each cost the server and the database (mean of the runs)
timed() {
  local s0 d0 result
  s0=$(server_cpu); d0=$(db_cpu)
  result=$(times "$1" "$2")
  echo "$result; CPU per request: server $(( ($(server_cpu) - s0) / (RUNS + 1) )) ms," \
    "PostgreSQL $(( ($(db_cpu) - d0) / (RUNS + 1) )) ms"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
trivial=$(timed me target/bench-me.json)
dashboard=$(timed "territories/$TERRITORY/dashboard?year=$YEAR" target/bench-dashboard.json)
trivial2=$(timed me target/bench-me.json)
report=$(timed "territories/$TERRITORY/impact-report?year=$YEAR" target/bench-report.pdf)
echo "trivial read (GET /me):          $trivial"
echo "dashboard (100,000 devices, 1,000,000 redemptions): $dashboard"
echo "trivial read again:              $trivial2"
echo "yearly impact report (PDF, $(wc -c < target/bench-report.pdf) bytes): $report"
python3 - <<'PY'
import json
d = json.load(open("target/bench-dashboard.json"))
print("supply", {k: d["supply"][k] for k in ("pledgedItems", "received", "refurbished", "recycled", "reused")})
print("demand", {k: d["demand"][k] for k in ("diagnosed", "eligible", "equipped", "waiting", "medianWaitDays")})
print("vouchers", d["vouchers"])
print("impact", {k: d["impact"][k] for k in ("kgCo2eAvoided", "peopleEquipped", "trainingsGiven", "insertionHours", "fullTimeEquivalents")})
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
if (( $(median "$dashboard") > 500 )); then echo "dashboard over its goal of 500 ms" >&2; status=2; fi
if (( $(median "$report") > 2000 )); then echo "report over its goal of 2 s" >&2; status=2; fi
exit $status
