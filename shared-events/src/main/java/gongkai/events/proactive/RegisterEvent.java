package gongkai.events.proactive;

import gongkai.events.CaseEvent;

/**
 * An entry in an agency's proactive disclosure register (section 二 and the counts quoted in section
 * 一): everything about proactive disclosure that is not a single rule or normative document. The
 * register of an agency is one stream of events, whose id is {@link #registerId(String)}.
 */
public sealed interface RegisterEvent extends CaseEvent
        permits OpeningBalanceRecorded, DecisionsTallied, FeesCollected, InformationPublished {

    String agencyId();

    /** The id of an agency's register: its stream in the event store and its "case" in the history. */
    static String registerId(String agencyId) {
        return "register:" + agencyId;
    }

    @Override
    default String caseId() {
        return registerId(agencyId());
    }
}
