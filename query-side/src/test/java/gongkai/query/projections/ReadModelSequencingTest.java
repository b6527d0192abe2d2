package gongkai.query.projections;

import gongkai.events.MetaDataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One processing group holds every read model, so its one sequencing policy must keep what each of them
 * needs: a case's events in stored order (one sequence per case at least), and table 二's sources of one
 * agency in stored order across their streams (documents and register).
 */
class ReadModelSequencingTest {

    private final SequencingPolicy<EventMessage<?>> policy = new ReadModels().readModelSequencing();

    @Test
    void everyEventOfACaseIsInOneSequenceEvenWhenSomeLackTheAgency() {
        Object received = policy.getSequenceIdentifierFor(event("ApplicationAggregate", "app-1", 0, "a", "received"));
        Object answered = policy.getSequenceIdentifierFor(event("ApplicationAggregate", "app-1", 3, "a", "answered"));
        Object withdrawn = policy.getSequenceIdentifierFor(event("ApplicationAggregate", "app-1", 4, "", "withdrawn"));
        Object corrected = policy.getSequenceIdentifierFor(event("ApplicationAggregate", "app-1", 5, null, "corrected"));
        assertThat(received).isNotNull().isEqualTo(answered).isEqualTo(withdrawn).isEqualTo(corrected);
    }

    @Test
    void theProactiveStreamsOfOneAgencyAreInOneSequenceAndOtherAgenciesInOthers() {
        Object document = policy.getSequenceIdentifierFor(event("DocumentAggregate", "doc-1", 0, "a", PROACTIVE));
        Object balance = policy.getSequenceIdentifierFor(event("ProactiveRegisterAggregate", "register-a", 0, "a", PROACTIVE));
        Object otherAgency = policy.getSequenceIdentifierFor(event("DocumentAggregate", "doc-2", 0, "b", PROACTIVE));
        assertThat(balance).isEqualTo(document);
        assertThat(otherAgency).isNotEqualTo(document);
    }

    @Test
    void anEventWithoutAnAgencyIsSequencedByItsOwnStream() {
        Object calendar = policy.getSequenceIdentifierFor(event("CalendarAggregate", "calendar-2024", 0, null, "published"));
        Object again = policy.getSequenceIdentifierFor(event("CalendarAggregate", "calendar-2024", 1, null, "again"));
        assertThat(calendar).isEqualTo("calendar-2024").isEqualTo(again);
    }

    /** A payload of package gongkai.events.proactive. */
    private static final Object PROACTIVE = new gongkai.events.proactive.DecisionsTallied(
            "a", "t", gongkai.events.proactive.DecisionCategory.LICENSING,
            java.time.LocalDate.parse("2023-01-01"), java.time.LocalDate.parse("2023-12-31"), 1);

    private static EventMessage<?> event(String type, String aggregateId, long sequence, String agency, Object payload) {
        MetaData metaData = agency == null ? MetaData.emptyInstance() : MetaData.with(MetaDataKeys.AGENCY, agency);
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData);
    }
}
