-- platform: one table for the numbered series without gaps (invoices, credit notes, tax receipts),
-- a row per series and scope holding the last number handed out, incremented in the numbering
-- transaction (platform/control/NumberSeries). The three counters it replaces are copied, so each
-- series goes on from where it was, then dropped:
--   relay_invoice_counter       -> 'relay_invoice', the relay's id ('12')
--   credit_note_counter         -> 'credit_note', the relay's id
--   tax_receipt_series_counter  -> 'tax_receipt', the territory's code and the year ('HDF-2026';
--                                  '2026' for the series '' of the receipts issued before V110)
-- One dialect for H2 (MODE=LEGACY) and PostgreSQL.

create table number_series (
    series      varchar(30)  not null,
    scope       varchar(40)  not null,
    last_value  integer      not null,
    primary key (series, scope)
);

insert into number_series (series, scope, last_value)
    select 'relay_invoice', cast(relay_id as varchar(20)), last_number from relay_invoice_counter;
insert into number_series (series, scope, last_value)
    select 'credit_note', cast(relay_id as varchar(20)), last_number from credit_note_counter;
insert into number_series (series, scope, last_value)
    select 'tax_receipt',
           case when series = '' then cast(receipt_year as varchar(4))
                else series || '-' || cast(receipt_year as varchar(4)) end,
           last_number
    from tax_receipt_series_counter;

drop table relay_invoice_counter;
drop table credit_note_counter;
drop table tax_receipt_series_counter;
