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

    private final SequencingPolicy<EventMessage<?>> policy = new ReadModels().sameAgencyInOrder();

    @Test
    void every_event_of_a_case_is_in_one_sequence() {
        Object received = policy.getSequenceIdentifierFor(event("ApplicationAggregate", "app-1", 0, "a"));
        Object answered = policy.getSequenceIdentifierFor(event("ApplicationAggregate", "app-1", 3, "a"));
        assertThat(answered).isNotNull().isEqualTo(received);
    }

    @Test
    void the_streams_of_one_agency_are_in_one_sequence_and_other_agencies_in_others() {
        Object document = policy.getSequenceIdentifierFor(event("DocumentAggregate", "doc-1", 0, "a"));
        Object balance = policy.getSequenceIdentifierFor(event("ProactiveRegisterAggregate", "register-a", 0, "a"));
        Object review = policy.getSequenceIdentifierFor(event("ReviewAggregate", "review-1", 0, "a"));
        Object otherAgency = policy.getSequenceIdentifierFor(event("DocumentAggregate", "doc-2", 0, "b"));
        assertThat(balance).isEqualTo(document).isEqualTo(review);
        assertThat(otherAgency).isNotEqualTo(document);
    }

    @Test
    void an_event_without_an_agency_is_sequenced_by_its_own_stream() {
        Object calendar = policy.getSequenceIdentifierFor(event("CalendarAggregate", "calendar-2024", 0, null));
        Object again = policy.getSequenceIdentifierFor(event("CalendarAggregate", "calendar-2024", 1, null));
        assertThat(calendar).isEqualTo("calendar-2024").isEqualTo(again);
    }

    private static EventMessage<?> event(String type, String aggregateId, long sequence, String agency) {
        MetaData metaData = agency == null ? MetaData.emptyInstance() : MetaData.with(MetaDataKeys.AGENCY, agency);
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, "payload", metaData);
    }
}
