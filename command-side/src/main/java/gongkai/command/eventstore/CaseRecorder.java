package gongkai.command.eventstore;

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

    private CaseRecorder() {
    }

    public static void record(CaseEvent event, String agencyId) {
        AggregateLifecycle.apply(event, MetaData.from(Map.of(
                MetaDataKeys.AGENCY, agencyId,
                MetaDataKeys.BUSINESS_DATE, event.businessDate().toString())));
    }

    /** Whether the sender of this command may act on a case of the given agency. */
    public static boolean actorMayActFor(Message<?> command, String caseAgencyId) {
        Object actorAgency = command.getMetaData().get(ACTOR_AGENCY);
        return actorAgency == null || actorAgency.equals(caseAgencyId);
    }
}
