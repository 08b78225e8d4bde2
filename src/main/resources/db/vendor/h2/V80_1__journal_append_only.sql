-- On the embedded H2 database the sales journal is append-only by the application alone (it has
-- no update path) and its verification finds any change; PostgreSQL adds a trigger, see
-- db/vendor/postgresql.
select 1;
