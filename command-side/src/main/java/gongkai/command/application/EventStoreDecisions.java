package gongkai.command.application;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@link RecordedDecisions} read from the event store: the stream of the reconsideration or lawsuit asked for. */
@Component
public class EventStoreDecisions implements RecordedDecisions {

    private final EventStore events;

    public EventStoreDecisions(EventStore events) {
        this.events = events;
    }

    @Override
    public List<Object> eventsOf(String caseId) {
        return events.readEvents(caseId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }
}
