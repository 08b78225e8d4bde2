-- The counter's order rows (orders, their lines, vouchers and payments) take their ids in blocks
-- of 50 from a sequence named as PostgreSQL names an identity's (see the PostgreSQL script): H2's
-- identity sequences have generated names, so each column becomes a plain one whose default is
-- the sequence, which starts at the first block past the rows already there.
alter table sale_order alter column id drop identity;
create sequence sale_order_id_seq increment by 50;
alter sequence sale_order_id_seq restart with (select coalesce(max(id), 0) + 50 from sale_order);
alter table sale_order alter column id set default next value for sale_order_id_seq;

alter table sale_order_line alter column id drop identity;
create sequence sale_order_line_id_seq increment by 50;
alter sequence sale_order_line_id_seq
  restart with (select coalesce(max(id), 0) + 50 from sale_order_line);
alter table sale_order_line alter column id set default next value for sale_order_line_id_seq;

alter table sale_order_voucher alter column id drop identity;
create sequence sale_order_voucher_id_seq increment by 50;
alter sequence sale_order_voucher_id_seq
  restart with (select coalesce(max(id), 0) + 50 from sale_order_voucher);
alter table sale_order_voucher alter column id
  set default next value for sale_order_voucher_id_seq;

alter table sale_payment alter column id drop identity;
create sequence sale_payment_id_seq increment by 50;
alter sequence sale_payment_id_seq restart with (select coalesce(max(id), 0) + 50 from sale_payment);
alter table sale_payment alter column id set default next value for sale_payment_id_seq;
