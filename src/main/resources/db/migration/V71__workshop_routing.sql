-- Routing lots to workshops: a refurbisher's profile (the categories it accepts, how many devices
-- it takes in a month) and the workshop each donation is assigned to. Lots already pledged go to
-- the workshop that refurbished their devices, or to the only workshop when there is one; the
-- workshops already known accept every category, their capacity left unsaid (no limit).
-- One dialect for H2 (MODE=LEGACY) and PostgreSQL.

alter table organisation add column monthly_capacity integer;
alter table organisation add constraint organisation_capacity check (monthly_capacity >= 0);

create table workshop_category (
    organisation_id bigint      not null references organisation (id),
    category        varchar(20) not null,
    primary key (organisation_id, category)
);

insert into workshop_category (organisation_id, category)
select o.id, c.category
from organisation o,
     (select 'LAPTOP' as category union all select 'DESKTOP' union all select 'TABLET'
      union all select 'SMARTPHONE' union all select 'SCREEN') c
where o.kind = 'REFURBISHER';

alter table donation add column workshop_id bigint references organisation (id);
alter table donation add column assigned_at timestamp;

update donation set workshop_id =
    (select min(d.refurbisher_id) from device d where d.donation_id = donation.id);
update donation set workshop_id = (select min(o.id) from organisation o where o.kind = 'REFURBISHER')
where workshop_id is null
  and (select count(*) from organisation o where o.kind = 'REFURBISHER') = 1;
update donation set assigned_at = pledged_at where workshop_id is not null;

create index donation_workshop on donation (workshop_id, id);
