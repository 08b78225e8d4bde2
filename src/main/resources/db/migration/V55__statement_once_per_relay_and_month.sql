-- A programme has one statement per relay and month (and one funder credit per month), held by
-- the database: eight draws of the same month at once used to leave up to seven statements for
-- one relay, each of which could be agreed and paid. One dialect for H2 (MODE=LEGACY) and
-- PostgreSQL.
--
-- The key: a funder credit has no relay (relay_id is null), and null is never equal to null in
-- a unique constraint on either database, so the key uses relay_key, the relay's id or 0 for the
-- credit (identities start at 1), kept equal to coalesce(relay_id, 0) by a check.
alter table voucher_statement add column relay_key bigint;
update voucher_statement set relay_key = coalesce(relay_id, 0);
alter table voucher_statement alter column relay_key set not null;

-- Duplicates already stored: of each programme, month and relay, the statement kept is the one
-- furthest on (PAID, then AGREED, then DRAFT), the oldest of those. The other drafts are dropped
-- (a draft is only a computation, drawn again on demand). Another AGREED or PAID one is money
-- the funder agreed or paid twice for the same vouchers: it is set aside, with its lines, in
-- voucher_statement_duplicate (pointing at the statement kept), for the funder to claim back,
-- rather than deleted.
create table voucher_statement_duplicate (
    id                bigint        primary key,
    kept_statement_id bigint        not null references voucher_statement (id),
    programme_id      bigint        not null,
    relay_id          bigint,
    kind              varchar(20)   not null,
    period            varchar(7)    not null,
    status            varchar(20)   not null,
    item_count        integer       not null,
    amount_cents      bigint        not null,
    created_at        timestamp     not null,
    agreed_at         timestamp,
    agreed_by         varchar(100),
    paid_at           timestamp,
    set_aside_at      timestamp     not null
);

create table voucher_statement_duplicate_line (
    id               bigint        primary key,
    statement_id     bigint        not null references voucher_statement_duplicate (id),
    voucher_code     varchar(16)   not null,
    occurred_at      timestamp     not null,
    order_id         bigint,
    face_value_cents bigint        not null,
    amount_cents     bigint        not null
);

-- kept_id: the statement kept of the row's programme, month and relay.
insert into voucher_statement_duplicate (id, kept_statement_id, programme_id, relay_id, kind,
    period, status, item_count, amount_cents, created_at, agreed_at, agreed_by, paid_at,
    set_aside_at)
select s.id, s.kept_id, s.programme_id, s.relay_id, s.kind, s.period, s.status, s.item_count,
       s.amount_cents, s.created_at, s.agreed_at, s.agreed_by, s.paid_at, current_timestamp
from (
    select d.*,
           (select k.id from voucher_statement k
            where k.programme_id = d.programme_id and k.period = d.period
              and k.relay_key = d.relay_key
            order by case k.status when 'PAID' then 0 when 'AGREED' then 1 else 2 end, k.id
            fetch first 1 row only) as kept_id
    from voucher_statement d
) s
where s.id <> s.kept_id and s.status <> 'DRAFT';

insert into voucher_statement_duplicate_line (id, statement_id, voucher_code, occurred_at,
    order_id, face_value_cents, amount_cents)
select l.id, l.statement_id, l.voucher_code, l.occurred_at, l.order_id, l.face_value_cents,
       l.amount_cents
from voucher_statement_line l
where l.statement_id in (select id from voucher_statement_duplicate);

-- Every statement that is not the one kept of its programme, month and relay goes (the kept one
-- never matches, so what is kept does not change while the rows go).
delete from voucher_statement_line
where statement_id in (
    select d.id from voucher_statement d
    where d.id <> (select k.id from voucher_statement k
                   where k.programme_id = d.programme_id and k.period = d.period
                     and k.relay_key = d.relay_key
                   order by case k.status when 'PAID' then 0 when 'AGREED' then 1 else 2 end, k.id
                   fetch first 1 row only));
delete from voucher_statement
where id <> (select k.id from voucher_statement k
             where k.programme_id = voucher_statement.programme_id
               and k.period = voucher_statement.period
               and k.relay_key = voucher_statement.relay_key
             order by case k.status when 'PAID' then 0 when 'AGREED' then 1 else 2 end, k.id
             fetch first 1 row only);

alter table voucher_statement
    add constraint voucher_statement_relay_key check (relay_key = coalesce(relay_id, 0));
alter table voucher_statement
    add constraint voucher_statement_once unique (programme_id, period, relay_key);
