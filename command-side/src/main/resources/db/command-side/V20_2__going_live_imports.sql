-- Each going-live spreadsheet imported, by agency and the file's SHA-256: the same file imported again records
-- nothing. The events themselves carry the importer (actor) and the file (importedFrom) in their metadata.
create table going_live_import (
    agency_id   varchar(64) not null references agency (agency_id),
    sha256      char(64)    not null,
    imported_by varchar(64) not null,
    imported_at timestamptz not null default now(),
    recorded    text        not null,
    primary key (agency_id, sha256)
);
