-- Several instances share one database: each scheduled job must run once per period, and a batch
-- must be run by one instance at a time and taken over when that instance dies. One row per job
-- and per batch is its lease: the instance that holds it (holder) until when (lease_until), taken
-- by a conditional UPDATE (one row changed, or another instance has it), so it works on H2 and
-- PostgreSQL without any other server. For a scheduled job, period_start is the period last
-- claimed: an instance whose timer fires in a period already claimed does nothing. A batch renews
-- its lease in the transaction of each step it writes, so an instance that lost it (its lease
-- lapsed and another took it over) writes nothing more: the lease is also the fencing token.
-- last_* say what the operator sees on /api/v1/jobs: when it last ran, where, and how it ended.
-- territory_id is the territory of a batch (its issuer's, its funder's), null for a job of all.
create table job_lease (
    name             varchar(100) primary key,
    kind             varchar(12)  not null,
    territory_id     bigint,
    period_start     timestamp,
    holder           varchar(200),
    lease_until      timestamp,
    last_run_at      timestamp,
    last_finished_at timestamp,
    last_instance    varchar(200),
    last_outcome     varchar(12),
    last_detail      varchar(500),
    runs             bigint  default 0 not null,
    takeovers        integer default 0 not null,
    constraint job_lease_kind check (kind in ('SCHEDULED', 'BATCH')),
    constraint job_lease_outcome check (last_outcome in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    constraint job_lease_held check ((holder is null) = (lease_until is null))
);
create index job_lease_lapsed on job_lease (kind, lease_until);

insert into job_lease (name, kind) values ('hold-expiry', 'SCHEDULED');
insert into job_lease (name, kind) values ('voucher-expiry', 'SCHEDULED');
insert into job_lease (name, kind) values ('retention', 'SCHEDULED');
insert into job_lease (name, kind) values ('login-throttle-sweep', 'SCHEDULED');
insert into job_lease (name, kind) values ('batch-takeover', 'SCHEDULED');

-- A tax-receipt batch lists the donations it was started for, each with its outcome written in the
-- transaction that issued (or refused) its receipt: an instance taking the batch over goes on
-- with the donations that have none, so no receipt is issued twice and none is left out.
create table receipt_batch_item (
    batch_id    bigint      not null references receipt_batch (id),
    donation_id bigint      not null,
    outcome     varchar(16),
    constraint receipt_batch_item_key primary key (batch_id, donation_id),
    constraint receipt_batch_item_outcome
        check (outcome in ('DONE', 'FAILED', 'ALREADY_ISSUED'))
);

-- Batches left running before this version have no lease and (receipts) no list of donations:
-- their instance stopped when the application was upgraded, so they are closed as the abandoned
-- batches were before, and hold no new batch.
update receipt_batch set status = 'FINISHED', finished_at = coalesce(progress_at, created_at),
    running_issuer_id = null
    where status = 'RUNNING';
update issuance_batch set status = 'FAILED', finished_at = coalesce(progress_at, created_at),
    failure = 'abandoned: its instance stopped before the upgrade', running_programme_id = null
    where status = 'RUNNING';
