package gongkai.events.agency;

import gongkai.events.CaseEvent;

/**
 * An event in the life of an agency as a node of the tree of agencies (docs/agencies.md): created under a
 * parent, renamed, moved under another parent, closed with a successor. Each has a business date: the day
 * the change took effect, which decides where the agency stands in the tree on any day.
 */
public sealed interface AgencyEvent extends CaseEvent permits AgencyCreated, AgencyRenamed, AgencyMoved, AgencyClosed {

    String agencyId();

    /** The stream of an agency's own events in the event store. */
    static String streamId(String agencyId) {
        return "agency:" + agencyId;
    }

    @Override
    default String caseId() {
        return streamId(agencyId());
    }
}
