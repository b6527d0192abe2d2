-- The reason a submission was returned is free text that may name people: personal data, stored encrypted in its
-- event (docs/personal-data.md). No read model keeps it; the applicant's status reads it from the event.
-- A database that already holds online submissions runs this after them (out of order): the reasons it kept in clear
-- go. On a new database this runs before the table exists, and its column is never written.
alter table if exists online_submission drop column if exists return_reason;
