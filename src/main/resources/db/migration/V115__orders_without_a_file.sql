-- Services without a file (issue 17, part 4): an order of mediation services only needs no
-- eligible person, so an order may have no beneficiary (a device line still needs one, checked
-- by the application). A relay marks its getting-started workshop, which the sale screen suggests
-- when the social worker advised training. One dialect for H2 (MODE=LEGACY) and PostgreSQL.
alter table sale_order alter column beneficiary_id drop not null;
alter table mediation_service add column getting_started boolean default false not null;
