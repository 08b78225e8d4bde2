-- Tax receipts for donor companies (CGI art. 238 bis, mentions of cerfa n°16216).
-- Numbers are YYYY-NNNNNN, per calendar year, without gaps: the per-year counter row is
-- incremented in the issuing transaction (a rollback gives the number back). An issued
-- receipt never changes: its PDF is stored with its SHA-256; a cancellation keeps the number
-- and the reason, and a replacement names the receipt it replaces.

create table tax_receipt_counter (
    receipt_year integer primary key,
    last_number  integer not null
);

create table tax_receipt (
    number              varchar(11)  primary key,
    receipt_year        integer      not null,
    sequence_number     integer      not null,
    donation_id         bigint       not null references donation (id),
    donor_id            bigint       not null references organisation (id),
    amount_cents        bigint       not null,
    status              varchar(10)  not null,
    issued_at           timestamp    not null,
    issued_by           varchar(100) not null,
    pdf                 bytea        not null,
    pdf_sha256          varchar(64)  not null,
    cancelled_at        timestamp,
    cancelled_by        varchar(100),
    cancellation_reason varchar(500),
    replaces_number     varchar(11)  references tax_receipt (number),
    constraint tax_receipt_sequence unique (receipt_year, sequence_number),
    constraint tax_receipt_status check (status in ('ISSUED', 'CANCELLED')),
    constraint tax_receipt_amount check (amount_cents >= 0)
);
create index tax_receipt_donation on tax_receipt (donation_id);
create index tax_receipt_donor on tax_receipt (donor_id, receipt_year);
