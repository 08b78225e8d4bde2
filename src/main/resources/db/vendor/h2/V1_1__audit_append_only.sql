-- On the embedded H2 database the audit trail is append-only by the application alone
-- (AuditEntry has no update path); PostgreSQL adds a trigger, see db/vendor/postgresql.
select 1;
