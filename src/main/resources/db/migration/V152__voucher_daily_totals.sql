-- The territorial dashboard of 100,000 devices and 1,000,000 redemptions in at most 500 ms (issue
-- 18): the vouchers' figures of a year are read from totals, not from the million rows. One
-- dialect for H2 (MODE=LEGACY) and PostgreSQL.
--
-- The redemptions of each programme at each relay on each day: the redeeming transaction adds its
-- count and the funders' shares to its day's row (VoucherLedger.redeemAt), which it locks until
-- commit. A relay's completions are one after another already (its receipt counter and journal),
-- so the row makes no counter wait that did not; another relay's row is another row.
create table voucher_redemption_day (
    programme_id  bigint not null references voucher_programme (id),
    relay_id      bigint not null references organisation (id),
    redeemed_on   date   not null,
    redeemed      bigint not null,
    applied_cents bigint not null,
    constraint voucher_redemption_day_key primary key (programme_id, redeemed_on, relay_id),
    constraint voucher_redemption_day_counts check (redeemed >= 0 and applied_cents >= 0)
);

insert into voucher_redemption_day (programme_id, relay_id, redeemed_on, redeemed, applied_cents)
select r.programme_id, r.relay_id, cast(r.redeemed_at as date), count(*), sum(r.applied_cents)
from redemption r
group by r.programme_id, r.relay_id, cast(r.redeemed_at as date);

-- Read models for the dashboard: the daily totals, and the vouchers issued as each issuance batch
-- counts them (every voucher is written by a batch, dated by the batch's creation, and the batch's
-- issued_count moves in the same transaction as its vouchers: IssuanceWriter).
create view voucher_redeemed_daily as
select d.programme_id, d.redeemed_on, d.redeemed, d.applied_cents
from voucher_redemption_day d;

create view voucher_issuance as
select b.programme_id, b.issued_count, b.created_at
from issuance_batch b;

create index issuance_batch_programme_created on issuance_batch (programme_id, created_at);
