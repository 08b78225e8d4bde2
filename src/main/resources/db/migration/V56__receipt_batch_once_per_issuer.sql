-- One receipt batch runs at a time per issuer, held by the database: two batches started at once
-- (two admins, two instances) both took the same waiting donations, and the second counted each
-- donation the first had issued as "failed", with a warning. running_issuer_id is the issuer's id
-- while the batch runs and null once it is over, and it is unique: nulls never collide, so this
-- is a unique index over the running batches only, on H2 and PostgreSQL alike (neither shares
-- the other's partial indexes). progress_at is when the batch last wrote its progress, so that a
-- batch whose instance stopped can be told from one that is running. already_issued counts the
-- donations that another act had receipted when the batch came to them (neither done nor failed).
--
-- Batches left RUNNING before this version are not marked running: their instance stopped when
-- the application was upgraded (migrations run at start-up), and they must not hold a new batch.
alter table receipt_batch add column running_issuer_id bigint;
alter table receipt_batch add column progress_at timestamp;
alter table receipt_batch add column already_issued integer default 0 not null;
alter table receipt_batch add constraint receipt_batch_running
    check (running_issuer_id is null or (status = 'RUNNING' and running_issuer_id = issuer_id));
alter table receipt_batch add constraint receipt_batch_one_running unique (running_issuer_id);
