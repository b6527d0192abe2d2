package gongkai.command.application;

import java.util.List;

/**
 * The port through which an application reads the decisions a reopening names: the recorded events of
 * a reconsideration's or a lawsuit's case, in the order they were recorded (none for an unknown id).
 * {@link CorrectingDecisions} judges them; {@link EventStoreDecisions} reads them from the event store.
 */
@FunctionalInterface
public interface RecordedDecisions {

    /** The payloads of the events recorded on case {@code caseId}, oldest first. */
    List<Object> eventsOf(String caseId);
}
