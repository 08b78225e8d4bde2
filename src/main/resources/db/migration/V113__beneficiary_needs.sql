-- What a person needs (issue 17, part 2): the social worker's short diagnosis — the uses among a
-- fixed list (no free text, so no health detail can be written down: CNIL, minimal data), the
-- device category recommended, whether training and a connection are needed — with when it was
-- first made and when the person was equipped after it (the first device sold against the quota),
-- so that the territory's figures (diagnosed, eligible, equipped, waiting, the wait) need no
-- other table. One row per person; anonymisation clears the uses and keeps the rest, anonymous.
-- One dialect for H2 (MODE=LEGACY) and PostgreSQL.
create table beneficiary_need (
    beneficiary_id       varchar(20)  primary key references beneficiary (id),
    uses                 varchar(200),
    recommended_category varchar(20),
    needs_training       boolean      not null,
    needs_connection     boolean      not null,
    diagnosed_at         timestamp    not null,
    diagnosed_by         varchar(100),
    updated_at           timestamp    not null,
    equipped_at          timestamp,
    equipped_category    varchar(20),
    constraint beneficiary_need_category check (recommended_category is null or recommended_category in
        ('LAPTOP', 'DESKTOP', 'TABLET', 'SMARTPHONE', 'SCREEN'))
);
create index beneficiary_need_diagnosed on beneficiary_need (diagnosed_at);
