-- sales: the sale receipts' numbers (per relay and calendar year) join the numbered series of
-- platform (V160), the fourth series of the same mechanism: 'sale_receipt', the relay's id and the
-- year ('12-2026'). Each relay's series goes on from where it was. One dialect for H2
-- (MODE=LEGACY) and PostgreSQL.
insert into number_series (series, scope, last_value)
    select 'sale_receipt', cast(relay_id as varchar(20)) || '-' || cast(receipt_year as varchar(4)),
           last_number
    from sale_receipt_counter;

drop table sale_receipt_counter;
