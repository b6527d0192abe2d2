package gongkai.query.testing;

import gongkai.events.CaseEvent;
import gongkai.events.MetaDataKeys;
import gongkai.query.projections.ProjectionPositions;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events written straight into the event store through the query side's {@link EventStore}, with the
 * metadata the command side gives every event (actor, agency, business date), in their case's stream;
 * and waiting until every projection has processed them.
 */
public final class StoredEvents {

    private final RunningQuerySide querySide;
    private final EventStore store;
    private final Map<String, Long> sequences = new HashMap<>();

    public StoredEvents(RunningQuerySide querySide) {
        this.querySide = querySide;
        this.store = querySide.context().getBean(EventStore.class);
    }

    /** Stores the event in its case's stream; returns the event's id. */
    public synchronized String record(CaseEvent event, String agencyId) {
        GenericDomainEventMessage<CaseEvent> message = message(event, agencyId);
        store.publish(message);
        return message.getIdentifier();
    }

    /** Stores the events in their cases' streams, in that order, a few hundred to a transaction. */
    public synchronized void recordAll(List<? extends CaseEvent> events, String agencyId) {
        List<GenericDomainEventMessage<CaseEvent>> batch = new ArrayList<>();
        for (CaseEvent event : events) {
            batch.add(message(event, agencyId));
            if (batch.size() == 500) {
                store.publish(batch);
                batch.clear();
            }
        }
        store.publish(batch);
    }

    /** The event as the next of its case's stream, with the command side's metadata. */
    private GenericDomainEventMessage<CaseEvent> message(CaseEvent event, String agencyId) {
        long sequence = sequences.merge(event.caseId(), 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>(aggregateType(event), event.caseId(), sequence, event,
                                               MetaData.with(MetaDataKeys.ACTOR, "li").and(MetaDataKeys.AGENCY, agencyId)
                                                       .and(MetaDataKeys.BUSINESS_DATE, event.businessDate().toString()));
    }

    private static String aggregateType(CaseEvent event) {
        if (event instanceof gongkai.events.review.ReviewEvent) {
            return "ReviewAggregate";
        } else if (event instanceof gongkai.events.lawsuit.LawsuitEvent) {
            return "LawsuitAggregate";
        } else if (event instanceof gongkai.events.proactive.DocumentEvent) {
            return "DocumentAggregate";
        } else if (event instanceof gongkai.events.proactive.RegisterEvent) {
            return "ProactiveRegisterAggregate";
        } else if (event instanceof gongkai.events.report.ReportEvent) {
            return "AnnualReportAggregate";
        }
        return "ApplicationAggregate";
    }

    /** Waits until every projection has processed every event stored so far. */
    public void awaitProjections() {
        ProjectionPositions positions = querySide.context().getBean(ProjectionPositions.class);
        long head = positions.head();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!positions.allPast(head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projections did not reach event " + head + " in 20 s");
            }
            sleep(20);
        }
    }

    /** An instant strictly between the events stored before and after it (the store keeps milliseconds). */
    public static Instant between() {
        sleep(20);
        Instant instant = Instant.now();
        sleep(20);
        return instant;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
