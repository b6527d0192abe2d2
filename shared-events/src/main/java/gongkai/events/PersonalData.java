package gongkai.events;

/**
 * A value that holds personal information of a person (个人信息, Personal Information Protection Law):
 * what is needed to answer them, never needed by a report. Readers that have no need for it (an
 * auditor reading a case's history, the audit trail) see it withheld, whatever the event that
 * carries it: marking the value type is enough for every event, present or future.
 */
public interface PersonalData {
}
