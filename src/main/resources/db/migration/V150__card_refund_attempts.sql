-- sales: the attempts at a card refund that Stripe answered with an error. Stripe keeps the answer
-- it gave under an idempotency key, errors included, and replays it to every retry with that key;
-- so a refund it refused is tried again under a new key (the refund's own key, then "-retry-N"),
-- after looking up whether a refund with our reference was made all the same. Written in a
-- transaction of its own, since the return that met the refusal rolls back. One dialect for H2
-- (MODE=LEGACY) and PostgreSQL.
create table card_refund_attempt (
    refund_key   varchar(120)  primary key,
    refusals     integer       not null,
    last_error   varchar(500),
    refused_at   timestamp     not null
);
