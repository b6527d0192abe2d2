-- Issue 6: the text of each year's report (NarrativeWritten), valid from/to recorded instants like the
-- counted cells, so that the text as of any instant is the row valid then.
create table report_narrative (
    id         bigserial   primary key,
    agency_id  varchar(64) not null,
    year       integer     not null,
    overview   text        not null,
    problems   text        not null,
    other      text        not null,
    written_on date        not null,
    valid_from timestamptz not null,
    valid_to   timestamptz,
    opened_by  varchar(64) not null,
    closed_by  varchar(64)
);
create index report_narrative_of_year on report_narrative (agency_id, year, valid_from);

-- Each publication (ReportPublished) of a year's report. The figures are those of the report as of
-- published_at (the event's recorded instant). They are frozen (figures: the canonical JSON, digest:
-- its SHA-256 in hex) once every projection of the figures has processed every event up to
-- horizon_index (see gongkai.query.report.publication.Publications); until then sealed_at is null.
-- Rows survive a replay of the projections: a replay recomputes nothing that was sealed.
create table report_publication (
    event_id      varchar(64) primary key,
    agency_id     varchar(64) not null,
    year          integer     not null,
    published_on  date        not null,
    published_at  timestamptz not null,
    global_index  bigint      not null,
    horizon_index bigint,
    figures       text,
    digest        char(64),
    sealed_at     timestamptz,
    -- Issue 4 (hash chain over the event stream, another engineer's): the chain head at the
    -- publication event is to be recorded here, so that a publication names the exact stream it froze.
    chain_head    varchar(128)
);
create index report_publication_of_year on report_publication (agency_id, year, published_at);
create index report_publication_unsealed on report_publication (global_index) where sealed_at is null;
