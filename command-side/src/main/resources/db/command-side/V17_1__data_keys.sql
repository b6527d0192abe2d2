-- The data keys of personal data (docs/personal-data.md): one per case, wrapped (AES-256-GCM) by the
-- master key, which is never stored here. Erasing a case's personal data sets wrapped_key to null
-- (crypto-shredding); the row stays so that nothing personal of the case is ever stored again.
create table data_key (
    case_id     varchar(255) primary key,
    wrapped_key bytea,
    created_at  timestamptz not null default now(),
    erased_at   timestamptz,
    check ((wrapped_key is null) = (erased_at is not null))
);

-- A value wrapped by the master key, by which a start finds out that it was given the right one.
create table master_key_check (
    id          smallint primary key check (id = 1),
    check_value bytea       not null,
    set_at      timestamptz not null default now()
);
