-- The query side is now told of appended events by the command side after each commit
-- (gongkai.command.eventstore.AppendedEventsSignal). A NOTIFY inside the appending transaction held
-- PostgreSQL's notification lock until that commit was on disk: every command waited for the
-- others' disk writes in turn.
drop trigger domain_event_entry_appended on domain_event_entry;
drop function notify_events_appended();
