-- Card readers of Stripe Terminal, server-driven (issue 16, part 1).
--
-- Each relay has one Terminal Location at Stripe, created once: its row is inserted only if
-- absent (relay_id is the key), and the creation at Stripe carries an idempotency key derived
-- from the relay, so two registrations racing on two instances end with one location.
create table terminal_location (
    relay_id     bigint        primary key references organisation (id),
    location_id  varchar(100)  not null,
    created_at   timestamp     not null,
    constraint terminal_location_id unique (location_id)
);

-- A reader registered at a relay by its registration code; its Stripe id is its identity.
create table card_reader (
    id             varchar(100)  primary key,
    relay_id       bigint        not null references organisation (id),
    label          varchar(100)  not null,
    device_type    varchar(60),
    serial_number  varchar(100),
    status         varchar(20),
    registered_at  timestamp     not null,
    registered_by  varchar(100)  not null
);
create index card_reader_relay on card_reader (relay_id);

-- The reader asked to take a card payment (null: the client-driven path with a client secret).
alter table sale_payment add column reader_id varchar(100) references card_reader (id);
