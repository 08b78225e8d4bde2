-- Read models: views a capability publishes over its own tables for the capabilities that may
-- read it, so that they depend on what the owner chooses to show, not on its tables (checked by
-- ArchitectureTest: a capability's SQL names its own tables or these views).

-- devices: what became of each device, with the donation and donor it came from (impact).
create view device_fate as
select d.id as device_id, d.category, d.status, d.sold_at, d.recycled_at,
       d.donation_id, n.donor_id
from device d
join donation n on n.id = d.donation_id;

-- eligibility: each device or service a person was equipped with, and when (impact), without the
-- person's file.
create view equipment_given as
select q.beneficiary_id, q.category, q.reference, q.used_at
from quota_use q;

-- organisations: the public name and kind of each organisation (vouchers' reconciliation).
create view organisation_name as
select o.id, o.name, o.kind
from organisation o;
