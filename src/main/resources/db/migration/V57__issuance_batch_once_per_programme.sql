-- One background issuance runs at a time per programme, held by the database: a large batch
-- (over a thousand vouchers, written in chunks after the request answered) started twice by
-- impatient clicks or two instances would issue the quantity twice. running_programme_id is
-- the programme's id while such a batch runs and null otherwise (batches issued at once within
-- their request never set it), and it is unique: nulls never collide, so this is a unique index
-- over the running background batches only, on H2 and PostgreSQL alike. progress_at is when the
-- batch last wrote a chunk, so that a batch whose instance stopped can be told from one running.
--
-- Batches left RUNNING before this version are not marked running: their instance stopped when
-- the application was upgraded (migrations run at start-up), and they must not hold a new batch.
alter table issuance_batch add column running_programme_id bigint;
alter table issuance_batch add column progress_at timestamp;
alter table issuance_batch add constraint issuance_batch_running
    check (running_programme_id is null
           or (status = 'RUNNING' and running_programme_id = programme_id));
alter table issuance_batch add constraint issuance_batch_one_running
    unique (running_programme_id);
