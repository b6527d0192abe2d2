-- The reason a submission was returned is free text that may name people: personal data, stored encrypted in its
-- event (docs/personal-data.md). No read model keeps it; the applicant's status reads it from the event.
-- The reasons kept in clear until now go with the column.
alter table online_submission drop column return_reason;
