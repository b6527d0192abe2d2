-- One row per disclosure application: its present facts, for the worklist and for re-counting.
-- No personal data of the applicant is kept here.
create table application_case (
    application_id          varchar(64) primary key,
    agency_id               varchar(64) not null,
    applicant_type          varchar(40) not null,
    channel                 varchar(16) not null,
    received_on             date        not null,
    state                   varchar(32) not null,
    supplement_requested_on date,
    supplement_received_on  date,
    consultation_started_on date,
    extension_working_days  integer,
    unpaid_fee_notice_on    date,
    withdrawn               boolean     not null default false,
    concluded_on            date,
    outcome                 varchar(40),
    withheld_reasons        varchar(1000),
    recorded_at             timestamptz not null,
    last_recorded_at        timestamptz not null,
    event_count             integer     not null
);
create index application_case_agency_state on application_case (agency_id, state, received_on);

-- Which cells of table 三 each application is counted in, and since when (recorded instants).
-- A row counts in every year from first_year to last_year (null: every later year), from the
-- instant valid_from until valid_to (null: still). Nothing is updated but valid_to/closed_by, so
-- the table of any past instant is a count of the rows valid then, and each cell's cases (and the
-- events that put them there or took them out) are a select away.
create table application_cell (
    id             bigserial   primary key,
    application_id varchar(64) not null,
    agency_id      varchar(64) not null,
    row_key        varchar(40) not null,
    column_key     varchar(40) not null,
    first_year     integer     not null,
    last_year      integer,
    valid_from     timestamptz not null,
    valid_to       timestamptz,
    opened_by      varchar(64) not null,
    closed_by      varchar(64)
);
create index application_cell_current on application_cell (agency_id, first_year) where valid_to is null;
create index application_cell_as_of on application_cell (agency_id, valid_from);
create index application_cell_of_case on application_cell (application_id) where valid_to is null;
