package gongkai.command.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event store as gongkai uses it: no aggregate is ever snapshotted (a case has a few dozen events and
 * stays in the aggregate cache), so the store is never asked for a snapshot. Axon's event store asks the
 * engine for one before every load of a case from its events, a query of the empty snapshot table on
 * every new case and every cache miss; this engine answers "none" without asking PostgreSQL, and refuses
 * to store one, so that the answer can never become wrong unnoticed.
 */
final class WithoutSnapshots implements EventStorageEngine {

    private final EventStorageEngine events;

    WithoutSnapshots(EventStorageEngine events) {
        this.events = events;
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        throw new UnsupportedOperationException(
                "gongkai stores no snapshots: the store answers every load from the events alone");
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> appended) {
        events.appendEvents(appended);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return events.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return events.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return events.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return events.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }
}
