-- The audit trail across cases: one row per event of the event store, in global order, with who
-- recorded it, for which agency and case, when, and what it says in words (never personal data).
-- A projection (processing group audit-trail): replayable, unlike event_chain.
create table audit_event (
    global_index     bigint       primary key,
    event_identifier varchar(64)  not null,
    case_type        varchar(64),
    case_id          varchar(64),
    event_type       varchar(100) not null,
    agency_id        varchar(64),
    actor            varchar(64),
    business_date    date,
    recorded_at      timestamptz  not null,
    summary          text         not null
);
create index audit_event_agency on audit_event (agency_id, global_index);
create index audit_event_actor on audit_event (actor, global_index);
create index audit_event_recorded on audit_event (recorded_at, global_index);
create index audit_event_case on audit_event (case_id, global_index);
