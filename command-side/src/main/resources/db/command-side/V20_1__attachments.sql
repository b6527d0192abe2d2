-- The bytes of the files attached to a case. The event AttachmentAdded (in the event table) carries each
-- file's SHA-256, name, type and size; the bytes live here, outside the event table, so that the event
-- stream stays small and a file can be erased (content set to null, erased_at set) while its event and the
-- hash chain over it stay as they were.
create table attachment_content (
    attachment_id  varchar(64)  primary key,
    application_id varchar(255) not null,
    content        bytea,
    stored_at      timestamptz  not null default now(),
    erased_at      timestamptz,
    check ((content is null) = (erased_at is not null))
);
create index attachment_content_by_case on attachment_content (application_id);

-- A letter template an administrator put in place of the built-in one, per agency and kind of letter.
create table letter_template (
    agency_id   varchar(64)  not null references agency (agency_id),
    kind        varchar(32)  not null,
    content     bytea        not null,
    sha256      char(64)     not null,
    replaced_by varchar(64)  not null,
    replaced_at timestamptz  not null default now(),
    primary key (agency_id, kind)
);
