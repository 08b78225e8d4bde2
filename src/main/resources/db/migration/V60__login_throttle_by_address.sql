-- Failed-login counters keyed by user name AND client address, so that a stranger guessing from
-- elsewhere cannot lock a counter agent out; the row with an empty user name counts an address's
-- failures across every name (a user name is never blank). Counters are state an instance may
-- lose: the old table, keyed by user name alone, is dropped with what it counted.
-- One dialect for H2 (MODE=LEGACY) and PostgreSQL.

drop table login_throttle;

create table login_throttle (
    username        varchar(100) not null,
    client_address  varchar(45)  not null,
    attempts        integer      not null,
    last_attempt_at timestamp    not null,
    locked_until    timestamp,
    constraint login_throttle_pk primary key (username, client_address),
    constraint login_throttle_attempts check (attempts >= 0)
);
create index login_throttle_locked on login_throttle (locked_until);
