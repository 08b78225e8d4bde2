-- Stripe webhook events, stored by Stripe's own event id before they act. The primary key is
-- what makes a redelivered event (Stripe retries, replays, two deliveries at once) apply once.
-- One dialect for H2 (MODE=LEGACY) and PostgreSQL.

create table stripe_event (
    id           varchar(255)  not null,
    event_type   varchar(100)  not null,
    intent_id    varchar(255),
    received_at  timestamp     not null,
    outcome      varchar(20)   not null,
    constraint stripe_event_pk primary key (id),
    constraint stripe_event_outcome check (outcome in ('APPLIED', 'IGNORED'))
);
create index stripe_event_intent on stripe_event (intent_id);
