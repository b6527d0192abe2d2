-- The open cases of many agencies at once (the oversight board of a province: each agency's open and overdue
-- cases), without reading the concluded ones. A reopened case is open again though it keeps the date of its first
-- answer, so the existing index of cases with no conclusion date cannot serve here.
create index application_case_open_by_agency on application_case (agency_id, due_on)
    where state not in ('CONCLUDED', 'WITHDRAWN');
