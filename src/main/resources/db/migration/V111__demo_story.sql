-- The demo story (a few months of the chain's life played through the API on a new demo
-- instance) is played once per database: the first instance to insert the row plays it.
create table demo_story (
    id          integer   primary key,
    started_at  timestamp not null,
    finished_at timestamp,
    outcome     varchar(500)
);
