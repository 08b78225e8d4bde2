-- The sales journal is inalterable (CGI art. 286 I 3° bis): PostgreSQL refuses any UPDATE or
-- DELETE of its rows, whoever asks, as it does for the audit trail.
create function sales_journal_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'sales_journal is append-only';
end;
$$;

create trigger sales_journal_no_update_or_delete
    before update or delete on sales_journal
    for each row execute function sales_journal_append_only();
