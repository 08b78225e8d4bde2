-- Each device row carries the moment it last changed (milliseconds since 1970, by the database's
-- clock), so every instance can bring its in-memory catalogue up to date by reading only the rows
-- changed since its last look. A trigger stamps it on insert and update: no code path can forget.
alter table device add column changed_at bigint not null
    default (extract(epoch from current_timestamp) * 1000)::bigint;

create function device_stamp_change() returns trigger language plpgsql as $$
begin
    new.changed_at := (extract(epoch from clock_timestamp()) * 1000)::bigint;
    return new;
end;
$$;

create trigger device_changed before insert or update on device
    for each row execute function device_stamp_change();

create index device_changed on device (changed_at);

-- The catalogue is filtered in memory now; the trigram index of V52 served nothing but slowed
-- every write of search_text.
drop index if exists device_search_trgm;
