-- The public catalogue's free-text filter is "search_text like '%word%'": a trigram index lets
-- PostgreSQL find (and count) the matching devices without reading them all. pg_trgm ships with
-- PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;
create index if not exists device_search_trgm on device using gin (search_text gin_trgm_ops);
