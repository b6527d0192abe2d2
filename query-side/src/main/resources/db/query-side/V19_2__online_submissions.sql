-- Applications submitted on the public page: the clerks' list of those to confirm or return, and the applicant's
-- way in by query code. No personal data: the applicant is found by the digest of their query code and the last
-- four digits of their phone (gongkai.events.application.QueryCodes), never by the code or the digits themselves.
create table online_submission (
    application_id  varchar(64) primary key,
    agency_id       varchar(64) not null,
    submitted_at    timestamptz not null,
    applicant_type  varchar(40) not null,
    access_digest   char(64) not null,
    confirmed       boolean not null default false,
    returned_on     date,
    return_reason   text
);
create index online_submission_access on online_submission (access_digest);
create index online_submission_pending on online_submission (agency_id, submitted_at) where not confirmed and returned_on is null;
