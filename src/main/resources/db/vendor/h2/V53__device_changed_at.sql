-- Each device row carries the moment it last changed (milliseconds since 1970, by the database's
-- clock), so every instance can bring its in-memory catalogue up to date by reading only the rows
-- changed since its last look. H2 stamps it itself on insert (default) and update (on update).
alter table device add column changed_at bigint
    default cast(extract(epoch from current_timestamp) * 1000 as bigint)
    on update cast(extract(epoch from current_timestamp) * 1000 as bigint) not null;

create index device_changed on device (changed_at);
