-- The counter's order rows (orders, their lines, vouchers and payments) take their ids in blocks
-- of 50 from their identity sequences: EclipseLink asks for a block once every 50 rows instead of a
-- SELECT lastval() after each INSERT (four round trips a sale). A block is [n - 49, n] for the
-- value n that nextval returns, so plain INSERTs that take the column's default (nextval itself)
-- never meet a block's ids. The next value is the first block past the rows already there.
alter table sale_order alter column id set increment by 50;
select setval(pg_get_serial_sequence('sale_order', 'id'), coalesce(max(id), 0) + 50, false)
  from sale_order;
alter table sale_order_line alter column id set increment by 50;
select setval(pg_get_serial_sequence('sale_order_line', 'id'), coalesce(max(id), 0) + 50, false)
  from sale_order_line;
alter table sale_order_voucher alter column id set increment by 50;
select setval(pg_get_serial_sequence('sale_order_voucher', 'id'), coalesce(max(id), 0) + 50, false)
  from sale_order_voucher;
alter table sale_payment alter column id set increment by 50;
select setval(pg_get_serial_sequence('sale_payment', 'id'), coalesce(max(id), 0) + 50, false)
  from sale_payment;
