-- A provisional due date (暂定) beside a reply clock that a missing calendar year leaves without an
-- official one (gongkai.events.calendar.ProvisionalCalendar): on the application, and in each row of
-- its due-date history, so that the history shows the provisional date and the official one that
-- replaced it when the year was published.
alter table application_case
    add column provisional_due_on      date,
    add column provisional_explanation varchar(2000);

alter table application_due_history
    add column provisional_due_on      date,
    add column provisional_explanation varchar(2000);

-- The warning about a missing year counts the open cases provisionally due in or after it, per agency.
create index application_case_provisional on application_case (provisional_due_on, agency_id)
    where provisional_due_on is not null and concluded_on is null;
