-- The timeliness figures beside the report of now, kept per agency and year of the answer: how many
-- applications answered in that year share each part in the figures (TimelinessFigures.Answer), and
-- their paused working days. The report read these parts from every application of the year
-- (an index-only scan that, on a table whose rows change with every event, mostly visits the heap);
-- it now reads these few rows. Moved in the transaction that writes application_case, by the
-- difference each write made to the applications' parts (TimelinessTally), so it always equals the
-- parts grouped. answer_extended and answer_working_days may be null: one key each way.
create table timeliness_tally (
    agency_id           varchar(64) not null,
    year                integer     not null,
    answer_kind         varchar(20) not null,
    answer_extended     boolean,
    answer_working_days integer,
    answers             integer     not null,
    paused_working_days bigint      not null,
    constraint timeliness_tally_key unique nulls not distinct
        (agency_id, year, answer_kind, answer_extended, answer_working_days)
);
insert into timeliness_tally (agency_id, year, answer_kind, answer_extended, answer_working_days, answers,
                              paused_working_days)
select agency_id, extract(year from concluded_on)::integer, answer_kind, answer_extended, answer_working_days, count(*),
       coalesce(sum(paused_working_days), 0)
from application_case where answer_kind is not null and concluded_on is not null
group by 1, 2, 3, 4, 5;
