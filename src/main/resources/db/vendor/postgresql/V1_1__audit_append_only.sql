-- The audit trail is append-only: PostgreSQL refuses any UPDATE or DELETE of its rows,
-- whoever asks (the application never does; this guards against a mistake or a tamperer
-- with the application's database account).
create function audit_entry_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
