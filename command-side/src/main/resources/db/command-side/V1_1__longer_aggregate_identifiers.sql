-- Stream ids of per-agency aggregates ("register:" + agencyId, "report:" + agencyId + ":" + year)
-- exceed 64 characters for the longest agency ids (64).
alter table domain_event_entry alter column aggregate_identifier type varchar(200);
alter table snapshot_event_entry alter column aggregate_identifier type varchar(200);
