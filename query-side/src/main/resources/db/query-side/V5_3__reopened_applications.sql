-- An application reopened after a decision that corrected its answer, and its new answer
-- (recorded on it; table 三 keeps counting the first answer).
alter table application_case
    add column reopened_on      date,
    add column reanswered_on    date,
    add column reanswer_outcome varchar(40);
