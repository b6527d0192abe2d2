-- Every running query-side instance says here, every few seconds, that it is alive, so that the
-- instances can share the processors' segments fairly (gongkai.query.eventstream.SegmentBalancer).
create table processor_instance (
    instance_id varchar(100) primary key,
    last_seen   timestamptz  not null
);
