-- Exactly-once read models (gongkai.query.projections.AppliedEvents): per processing group and aggregate,
-- the sequence number of the last of its events the group applied, moved in the same transaction as the
-- read models and the processor's token. An event at or below it is not applied again.
create table applied_event (
    processing_group varchar(255) not null,
    aggregate_id     varchar(255) not null,
    last_sequence    bigint       not null,
    primary key (processing_group, aggregate_id)
);
-- A database built before this table marks each aggregate from its first event applied after it.
