-- Table 三 as the system knows it now, counted as the cells open and close (ApplicationCells): per agency,
-- (row, column) and span of years, how many applications count there. The report reads these few rows
-- instead of counting the agency's open cells of every year up to the one asked for (at 10 million
-- events, 12,500 applications an agency, that count was most of a report's time). A report as of a
-- past instant still counts the cells valid then. An open-ended span (last_year null) is one key.
create table application_tally (
    agency_id    varchar(64) not null,
    first_year   integer     not null,
    last_year    integer,
    row_key      varchar(40) not null,
    column_key   varchar(40) not null,
    applications integer     not null,
    constraint application_tally_key unique nulls not distinct (agency_id, first_year, last_year, row_key, column_key)
);
insert into application_tally (agency_id, first_year, last_year, row_key, column_key, applications)
select agency_id, first_year, last_year, row_key, column_key, count(*)
from application_cell where valid_to is null
group by agency_id, first_year, last_year, row_key, column_key;

-- The timeliness figures beside the report: each concluded application's part in them, worked out in
-- Java when it is stored and again when a calendar publication moves its period
-- (TimelinessFigures.Answer; filled for the applications already stored by the Java migration V6_4).
-- The figures of a year then add up those parts grouped, from the index alone (index-only scan), instead
-- of reading every application of the year. The index replaces V5_2's, same leading columns.
alter table application_case
    add column answer_kind         varchar(20),
    add column answer_extended     boolean,
    add column answer_working_days integer;
create index application_case_agency_answers on application_case (agency_id, concluded_on)
    include (answer_kind, answer_extended, answer_working_days, paused_working_days);
drop index application_case_agency_concluded;
