-- Agencies form a tree (a county and its townships); users belong to one agency, except admins.
-- Both services authenticate against these tables; only the command side writes them.
create table agency (
    agency_id  varchar(64)  primary key,
    name       varchar(200) not null,
    parent_id  varchar(64)  references agency (agency_id),
    created_at timestamptz  not null default now()
);

create table user_account (
    username      varchar(64)  primary key,
    password_hash varchar(100) not null,
    roles         varchar(64)  not null,
    agency_id     varchar(64)  references agency (agency_id),
    created_at    timestamptz  not null default now()
);
