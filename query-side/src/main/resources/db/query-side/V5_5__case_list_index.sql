-- The case list (GET /api/applications) pages an agency's applications in order of receipt: with this
-- index PostgreSQL walks that order instead of sorting the agency's whole history for every page.
create index application_case_agency_received on application_case (agency_id, received_on, application_id);
