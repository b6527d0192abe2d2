-- Every showing of a case's personal data in full (个人信息保护法 第五十一条, docs/personal-data.md): who,
-- when, which case, why. Not a read model: nothing rebuilds it, a replay leaves it alone.
create table personal_data_access (
    id        bigserial primary key,
    case_id   varchar(255) not null,
    agency_id varchar(64)  not null,
    username  varchar(255) not null,
    reason    varchar(500) not null,
    read_at   timestamptz  not null default now()
);
create index personal_data_access_by_case on personal_data_access (case_id, read_at);
create index personal_data_access_by_user on personal_data_access (username, read_at);
