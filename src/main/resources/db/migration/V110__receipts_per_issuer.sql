-- Tax receipts per territory (issue 15, part 4): each territory's coordination issues the receipts
-- of its territory's donors, numbered per issuer and year with the territory's code,
-- HDF-2026-000001, without gaps (the series' counter row is incremented in the issuing transaction,
-- as before). Receipts already issued keep their number (2026-000001): a receipt number is never
-- changed once handed out; they form the series '' and name their issuer, the coordination of the
-- donor's territory. One dialect for H2 (MODE=LEGACY) and PostgreSQL.

alter table tax_receipt drop constraint tax_receipt_sequence;
alter table tax_receipt alter column number set data type varchar(24);
alter table tax_receipt alter column replaces_number set data type varchar(24);
alter table tax_receipt add column series varchar(10) default '' not null;
alter table tax_receipt add column issuer_id bigint references organisation (id);
update tax_receipt set issuer_id =
    (select t.coordination_id from territory t join organisation o on o.territory_id = t.id
     where o.id = tax_receipt.donor_id);
alter table tax_receipt add constraint tax_receipt_sequence
    unique (series, receipt_year, sequence_number);
create index tax_receipt_issuer on tax_receipt (issuer_id, receipt_year);

create table tax_receipt_series_counter (
    series       varchar(10) not null,
    receipt_year integer     not null,
    last_number  integer     not null,
    primary key (series, receipt_year)
);
