package gongkai.command.eventstore;

import gongkai.command.CaseNotFound;
import gongkai.events.CaseEvent;
import gongkai.events.MetaDataKeys;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.Map;

/**
 * Records a case event from inside an aggregate with the metadata every event carries: its agency
 * and its business date (the actor is copied from the command by {@link EventStoreConfiguration}'s
 * correlation data provider, the recorded instant is the event's own timestamp).
 */
public final class CaseRecorder {

    /** Command metadata: the agency of the clerk who sent it; absent for internal commands. */
    public static final String ACTOR_AGENCY = "actorAgency";

    /**
     * Command metadata: the agencies closed into the clerk's agency (comma-separated), whose open cases the
     * clerk's agency handles as their successor (docs/agencies.md, "Closing").
     */
    public static final String ACTOR_INHERITED = "actorInherited";

    private CaseRecorder() {
    }

    public static void record(CaseEvent event, String agencyId) {
        AggregateLifecycle.apply(event, MetaData.from(Map.of(
                MetaDataKeys.AGENCY, agencyId,
                MetaDataKeys.BUSINESS_DATE, event.businessDate().toString())));
    }

    /**
     * A clerk acts only on the cases of their own agency; others' cases are not even revealed. Does
     * nothing for a case not yet recorded ({@code caseAgencyId} null) or a command sent by no clerk.
     */
    public static void requireOwnAgency(Message<?> command, String caseAgencyId, String kind, String caseId) {
        Object actorAgency = command.getMetaData().get(ACTOR_AGENCY);
        if (caseAgencyId != null && actorAgency != null && !actorAgency.equals(caseAgencyId)
            && !inherited(command).contains(caseAgencyId)) {
            throw new CaseNotFound(kind, caseId);
        }
    }

    private static java.util.List<String> inherited(Message<?> command) {
        Object inherited = command.getMetaData().get(ACTOR_INHERITED);
        return inherited instanceof String list ? java.util.List.of(list.split(",")) : java.util.List.of();
    }
}
