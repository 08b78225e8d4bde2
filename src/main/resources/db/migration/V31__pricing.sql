-- Solidarity pricing: per rules version, tier and device category, the discount off the
-- list price and the floor; and the legal resale caps for devices donated by public bodies
-- (décret du 7 novembre 2022, loi 3DS art. 178), prices including VAT.

create table pricing_rule (
    version     integer     not null,
    tier        integer     not null,
    category    varchar(20) not null,
    percent_off integer     not null,
    floor_cents bigint      not null,
    created_at  timestamp   not null,
    primary key (version, tier, category),
    constraint pricing_rule_percent check (percent_off between 0 and 100),
    constraint pricing_rule_floor check (floor_cents >= 0)
);

create table legal_price_cap (
    category  varchar(20)  primary key,
    cap_cents bigint       not null,
    source    varchar(200) not null
);

insert into legal_price_cap (category, cap_cents, source) values
    ('LAPTOP', 18000, 'Décret n° 2022-1410 du 7 novembre 2022 (loi 3DS art. 178)'),
    ('DESKTOP', 15000, 'Décret n° 2022-1410 du 7 novembre 2022 (loi 3DS art. 178)'),
    ('TABLET', 10000, 'Décret n° 2022-1410 du 7 novembre 2022 (loi 3DS art. 178)'),
    ('SMARTPHONE', 10000, 'Décret n° 2022-1410 du 7 novembre 2022 (loi 3DS art. 178)'),
    ('SCREEN', 3000, 'Décret n° 2022-1410 du 7 novembre 2022 (loi 3DS art. 178)');

-- Version 1: tier 1 pays half the list price, tier 2 a third off, tier 3 a fifth off;
-- floors keep a symbolic contribution (10 EUR for a phone or tablet, 20 EUR for a computer).
insert into pricing_rule (version, tier, category, percent_off, floor_cents, created_at) values
    (1, 1, 'LAPTOP', 50, 2000, current_timestamp),
    (1, 1, 'DESKTOP', 50, 2000, current_timestamp),
    (1, 1, 'TABLET', 50, 1000, current_timestamp),
    (1, 1, 'SMARTPHONE', 50, 1000, current_timestamp),
    (1, 1, 'SCREEN', 50, 500, current_timestamp),
    (1, 2, 'LAPTOP', 33, 2000, current_timestamp),
    (1, 2, 'DESKTOP', 33, 2000, current_timestamp),
    (1, 2, 'TABLET', 33, 1000, current_timestamp),
    (1, 2, 'SMARTPHONE', 33, 1000, current_timestamp),
    (1, 2, 'SCREEN', 33, 500, current_timestamp),
    (1, 3, 'LAPTOP', 20, 2000, current_timestamp),
    (1, 3, 'DESKTOP', 20, 2000, current_timestamp),
    (1, 3, 'TABLET', 20, 1000, current_timestamp),
    (1, 3, 'SMARTPHONE', 20, 1000, current_timestamp),
    (1, 3, 'SCREEN', 20, 500, current_timestamp);
