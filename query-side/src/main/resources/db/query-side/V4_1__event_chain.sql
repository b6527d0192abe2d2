-- Tamper evidence: a hash chain over the global event stream (command_side.domain_event_entry),
-- one link per event in global_index order, kept by gongkai.query.audit.EventChain and checked by
-- gongkai.query.audit.ChainVerification. The link of an event is
--   SHA-256(link of the previous event ‖ the event's header ‖ payload_digest ‖ meta_data_digest)
-- (canonical form in gongkai.query.audit.ChainHashing); the digests of payload and metadata are
-- kept so that a verification can say which part of an event was altered.
-- This table is never rebuilt by a replay: a chain recomputed from altered events would vouch for them.
create table event_chain (
    global_index     bigint      primary key,
    event_identifier varchar(64) not null,
    payload_digest   bytea       not null,
    meta_data_digest bytea       not null,
    link             bytea       not null,
    chained_at       timestamptz not null default now()
);
create unique index event_chain_event on event_chain (event_identifier);
