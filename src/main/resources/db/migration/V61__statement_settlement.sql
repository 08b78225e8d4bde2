-- A statement's agreement and payment record the date the funder gives them and a reference (the
-- decision that agreed it, the payment mandate's number), beside the instant each was entered
-- (agreed_at, paid_at).
alter table voucher_statement add column agreement_date date;
alter table voucher_statement add column agreement_reference varchar(100);
alter table voucher_statement add column payment_date date;
alter table voucher_statement add column payment_reference varchar(100);
