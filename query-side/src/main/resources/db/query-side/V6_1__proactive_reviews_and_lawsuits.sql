-- Issue 6: tables 二 and 四 of the annual report, and section 一's counts of items published.

-- The present facts of each rule or normative document, and of each agency's opening balance: what
-- a later event (a repeal, a balance recorded after the documents) needs to re-count a document.
create table document_case (
    document_id varchar(64)  primary key,
    agency_id   varchar(64)  not null,
    kind        varchar(24)  not null,
    title       varchar(500) not null,
    issued_on   date         not null,
    repealed_on date
);
create index document_case_agency on document_case (agency_id);

create table opening_balance (
    agency_id           varchar(64) primary key,
    as_of               date        not null,
    rules               integer     not null,
    normative_documents integer     not null
);

-- The present facts of each reconsideration and lawsuit (no personal data: ids, dates, results).
create table review_case (
    review_id      varchar(64) primary key,
    agency_id      varchar(64) not null,
    filed_on       date        not null,
    application_id varchar(64),
    decided_on     date,
    result         varchar(16)
);

create table lawsuit_case (
    lawsuit_id      varchar(64) primary key,
    agency_id       varchar(64) not null,
    filed_on        date        not null,
    route           varchar(16) not null,
    review_id       varchar(64),
    application_id  varchar(64),
    judgments       integer     not null default 0,
    last_judged_on  date,
    final_judged_on date,
    final_result    varchar(16)
);

-- What each source (a document, the opening balance, a tally of decisions, a fee, an item published,
-- a reconsideration, a lawsuit) contributes to a figure of table 二 (table_key 'proactive'), of table
-- 四 ('reviewsAndLawsuits') or to section 一's counts ('publishedItems'), in every year from
-- first_year to last_year (null: every later year). The same design as application_cell (V2): a row
-- is valid from the instant its event was recorded until a later event closes it (valid_to, closed_by),
-- and is never otherwise changed. A figure is the sum of the values of the rows valid at an instant
-- (counts are rows of value 1; fees are rows of their amount in yuan; a balance is one row of its
-- size), so the table of any past instant, the sources behind a figure and the events that changed it
-- since a publication are all selects.
create table report_contribution (
    id          bigserial     primary key,
    agency_id   varchar(64)   not null,
    table_key   varchar(24)   not null,
    row_key     varchar(40)   not null,
    column_key  varchar(120)  not null,
    first_year  integer       not null,
    last_year   integer,
    value       numeric(18,2) not null,
    source_kind varchar(24)   not null,
    source_id   varchar(200)  not null,
    dated_on    date,
    label       varchar(500),
    valid_from  timestamptz   not null,
    valid_to    timestamptz,
    opened_by   varchar(64)   not null,
    closed_by   varchar(64)
);
create index report_contribution_current on report_contribution (agency_id, table_key, first_year) where valid_to is null;
create index report_contribution_as_of on report_contribution (agency_id, table_key, valid_from);
create index report_contribution_of_source on report_contribution (source_kind, source_id) where valid_to is null;
