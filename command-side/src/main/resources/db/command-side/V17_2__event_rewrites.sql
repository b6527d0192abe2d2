-- The events a migration of personal data stored in clear rewrote (docs/personal-data.md): which, which
-- fields, the payload's digests before and after (as the hash chain digests a payload) and the digest of
-- everything but those fields. Sealed by the digest in the migration's own event (PersonalDataMigrated),
-- which the hash chain covers.
create table event_rewrite (
    global_index       bigint primary key,
    event_identifier   varchar(255) not null,
    migration_id       varchar(64)  not null,
    fields             text         not null,
    old_payload_digest bytea        not null,
    new_payload_digest bytea        not null,
    skeleton_digest    bytea        not null
);
create index event_rewrite_by_migration on event_rewrite (migration_id, global_index);
