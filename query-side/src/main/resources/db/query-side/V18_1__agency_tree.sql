-- The changes of the tree of agencies (docs/agencies.md), one row per agency event: the tree on any day, as
-- the system knew it at any instant, is the changes dated up to that day and recorded up to that instant.
create table agency_change (
    event_id        varchar(64)  primary key,
    agency_id       varchar(64)  not null,
    sequence_number bigint       not null,
    change          varchar(16)  not null,
    effective_on    date         not null,
    recorded_at     timestamptz  not null,
    actor           varchar(64),
    name            varchar(200),
    parent_id       varchar(64),
    kind            varchar(32),
    successor_id    varchar(64),
    id              bigserial    not null unique
);
create index agency_change_of_agency on agency_change (agency_id, sequence_number);
