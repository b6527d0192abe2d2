-- Idempotency-Key (IETF httpapi idempotency-key draft): the first answer to a POST with a key, kept
-- so that a retry with the same key and body gets it again instead of recording twice. Per user, shared
-- by every instance; rows older than 24 hours are purged (gongkai.http.IdempotencyKeys).
create table idempotency_key (
    username     varchar(64)  not null,
    idem_key     varchar(255) not null,
    fingerprint  bytea        not null,
    created_at   timestamptz  not null default now(),
    completed_at timestamptz,
    status       integer,
    content_type varchar(200),
    location     varchar(2000),
    body         bytea,
    primary key (username, idem_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
