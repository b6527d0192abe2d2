-- Verifications of the event store against its hash chain, run as jobs (gongkai.query.audit.VerificationJobs):
-- one at a time across the instances (a session advisory lock held while one runs), with its progress
-- while it runs and its result kept once done.
create table verification_job (
    job_id         varchar(36)  primary key,
    state          varchar(16)  not null,   -- RUNNING, FINISHED, FAILED
    requested_by   varchar(64)  not null,
    anchor_index   bigint,
    anchor_hash    varchar(64),
    started_at     timestamptz  not null,
    finished_at    timestamptz,
    events_checked bigint       not null default 0,
    events_total   bigint       not null default 0,
    intact         boolean,
    problem_count  bigint,
    result         text,                    -- the Verification as JSON, once finished
    failure        varchar(1000)
);

create index verification_job_started on verification_job (started_at desc);
