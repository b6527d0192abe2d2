-- The agencies' table follows the agencies' events (docs/agencies.md): the kind decides the report's legal
-- deadline, a closed agency keeps its row (its users' names stay on what they recorded) with its successor.
alter table agency add column kind varchar(32);
alter table agency add column closed_on date;
alter table agency add column successor_id varchar(64) references agency (agency_id);
create index agency_parent on agency (parent_id);
create index agency_successor on agency (successor_id);
