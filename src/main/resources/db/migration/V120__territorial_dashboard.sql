-- Territorial dashboards and the yearly impact report (issue 18, parts 1 and 2). One dialect for
-- H2 (MODE=LEGACY) and PostgreSQL.
--
-- devices: the insertion work hours a workshop records for a device when it refurbishes it (the
-- economic side of the triple impact); none recorded is null, not zero.
alter table device add column insertion_hours numeric(6, 2);
alter table device add constraint device_insertion_hours
    check (insertion_hours is null or insertion_hours >= 0);

-- Read models for the dashboards (impact reads them, never the tables). Each names only what a
-- figure needs: no serial, no person, no amount other than the funders' shares.

-- organisations: the territory and kind of every organisation.
create view organisation_place as
select o.id, o.kind, o.territory_id
from organisation o;

-- donations: the lines pledged, with the donor and the day of the pledge.
create view donation_pledged as
select i.donation_id, i.category, i.quantity, n.donor_id, n.pledged_at
from donation_item i
join donation n on n.id = i.donation_id;

-- devices: each device's path through the workshop, the donor's organisation it came from, the
-- workshop its lot was routed to and the one that refurbished it, with the insertion hours.
create view device_supply as
select d.id as device_id, d.category, d.status, d.received_at, d.refurbished_at, d.sold_at,
       d.recycled_at, d.refurbisher_id, n.workshop_id, n.donor_id, d.insertion_hours
from device d
join donation n on n.id = d.donation_id;

-- eligibility: each decision with the social structure of the person, without the person's file.
create view eligibility_outcome as
select e.beneficiary_id, b.social_structure_id, e.decision, e.valid_until, e.decided_at
from eligibility_decision e
join beneficiary b on b.id = e.beneficiary_id;

-- eligibility: the social structure of each person equipped, for equipment_given.
create view beneficiary_of_structure as
select b.id as beneficiary_id, b.social_structure_id
from beneficiary b;

-- vouchers: each programme's funder; the vouchers, and the funders' shares applied and reversed
-- (one table each, so that a territory's year reads the indexes alone).
create view programme_funder as
select p.id as programme_id, p.authority_id
from voucher_programme p;

create view voucher_issued as
select v.id as voucher_id, v.programme_id, v.status, v.issued_at, v.redeemed_at, v.cancelled_at,
       v.expired_at
from voucher v;

create view voucher_redeemed as
select r.programme_id, r.applied_cents, r.redeemed_at
from redemption r;

create view voucher_reversed as
select x.programme_id, x.reversed_cents, x.reversed_at
from redemption_reversal x;

-- sales: the mediation services (trainings, workshops) given in paid orders, by relay.
create view service_given as
select l.order_id, o.relay_id, l.quantity, o.closed_at
from sale_order_line l
join sale_order o on o.id = l.order_id
where l.kind = 'SERVICE' and o.status = 'PAID';

-- The dashboard of a territory with 100,000 devices and 1,000,000 redemptions: the year's
-- redemptions of a programme and its vouchers issued are read from these indexes alone (and the
-- vouchers outstanding today from voucher_programme_status); src/test/bench/dashboard-bench.sh.
create index redemption_programme_time_applied on redemption (programme_id, redeemed_at, applied_cents);
create index voucher_programme_issued on voucher (programme_id, issued_at);
