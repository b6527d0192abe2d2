-- The event store, read by Axon's JdbcEventStorageEngine through gongkai.events.store.StoredEventFormat.
-- Events are never updated or deleted: corrections are events of their own.
create table domain_event_entry (
    global_index         bigserial    primary key,
    event_identifier     varchar(64)  not null unique,
    aggregate_identifier varchar(64)  not null,
    sequence_number      bigint       not null,
    type                 varchar(64),
    time_stamp           varchar(40)  not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(16),
    payload              bytea        not null,
    meta_data            bytea,
    -- the optimistic lock of the aggregates: two writers of the same sequence number cannot both win
    constraint domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(64)  not null,
    sequence_number      bigint       not null,
    type                 varchar(64)  not null,
    event_identifier     varchar(64)  not null unique,
    time_stamp           varchar(40)  not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(16),
    payload              bytea        not null,
    meta_data            bytea,
    primary key (aggregate_identifier, sequence_number)
);

-- Wakes the query side's processors the moment events are committed (PostgreSQL delivers a
-- notification at commit, once per transaction), instead of waiting for their next poll.
create function notify_events_appended() returns trigger language plpgsql as $$
begin
    perform pg_notify('gongkai_events_appended', '');
    return null;
end $$;

create trigger domain_event_entry_appended
    after insert on domain_event_entry
    for each statement execute function notify_events_appended();
