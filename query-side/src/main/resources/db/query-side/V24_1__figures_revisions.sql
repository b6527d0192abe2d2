-- A number per agency that changes in the same transaction as any row its reports' figures are read from now
-- (table 三's tally, the contributions to tables 二 and 四, the opening balance): who keeps something worked out
-- from an agency's figures knows by it whether that still holds (the oversight board, docs/agencies.md). The
-- numbers come from one sequence and are never drawn twice, so a rebuilt table never repeats an old one.
create sequence figures_revision_seq;
create table figures_revision (
    agency_id varchar(64) primary key,
    revision  bigint      not null
);
