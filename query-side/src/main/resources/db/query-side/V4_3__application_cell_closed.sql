-- The difference of a report between two instants looks up the cells closed between them.
create index application_cell_closed on application_cell (agency_id, valid_to) where valid_to is not null;
