-- The statutory reply clock (issue 3): each application's due date, how it was reached, and why it
-- moved; and the working-day calendar years that administrators published.

-- Per application: its dated facts that matter to the clock (in the order recorded, corrections
-- applied; see gongkai.query.application.ClockEntries), and what gongkai.events.calendar.ReplyClock
-- made of them on the calendar as known. DUE_SOON and OVERDUE are not stored: they depend on today.
alter table application_case
    add column clock_events                text,
    add column clock_state                 varchar(24),
    add column due_on                      date,
    add column due_explanation             varchar(2000),
    add column due_unknown_reason          varchar(500),
    add column supplement_request_deadline date,
    add column paused_working_days         integer,
    add column counted_working_days        integer;
create index application_case_open_due on application_case (agency_id, due_on) where concluded_on is null;

-- Every change of an application's due date (or of where its clock stands), oldest first, with the
-- event that caused it: one of the application's own, or a publication of a calendar year.
create table application_due_history (
    id                          bigserial     primary key,
    application_id              varchar(64)   not null,
    due_on                      date,
    clock_state                 varchar(24)   not null,
    supplement_request_deadline date,
    unknown_reason              varchar(500),
    explanation                 varchar(2000) not null,
    recorded_at                 timestamptz   not null,
    caused_by_event_id          varchar(64)   not null,
    cause                       varchar(500)  not null
);
create index application_due_history_of_case on application_due_history (application_id, id);

-- The calendar years administrators published (the latest publication of each year); the years
-- shipped with gongkai govern every other year. version grows with each publication, so that
-- each reader knows when to reload.
create sequence working_day_calendar_version;
create table working_day_calendar (
    year         integer      primary key,
    notice       varchar(500) not null,
    text         text         not null,
    version      bigint       not null,
    event_id     varchar(64)  not null,
    published_on date         not null,
    published_at timestamptz  not null,
    published_by varchar(64)
);

-- The clock needs every application's events from the first: rebuild the applications projection
-- (its rows carry the recorded instants of their events, so the rebuilt table 三, as of any instant,
-- is the same).
delete from dead_letter_entry where processing_group = 'applications';
delete from application_cell;
delete from application_case;
delete from token_entry where processor_name = 'applications';
