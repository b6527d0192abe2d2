package gongkai.query.application;

import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.query.calendar.ClockLock;
import gongkai.query.report.ApplicationCounting;
import gongkai.query.report.ApplicationCells;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Follows every application event: the application's present facts (for the worklist), the
 * cells of table 三 it counts in, each change stamped with the event's recorded instant, and its
 * reply clock ({@link ApplicationClocks}: due date, explanation, history of moves).
 * Events of one application always reach the same segment, in order.
 */
@Component
@ProcessingGroup(ApplicationProjection.PROCESSING_GROUP)
public class ApplicationProjection {

    public static final String PROCESSING_GROUP = "applications";

    private final ApplicationCases cases;
    private final ApplicationCells cells;
    private final ApplicationClocks clocks;
    private final ClockLock clockLock;

    public ApplicationProjection(ApplicationCases cases, ApplicationCells cells, ApplicationClocks clocks,
                                 ClockLock clockLock) {
        this.cases = cases;
        this.cells = cells;
        this.clocks = clocks;
        this.clockLock = clockLock;
    }

    @EventHandler
    void on(ApplicationEvent event, EventMessage<?> message) {
        // Before the batch writes anything: a calendar publication waits for it, or it for the publication.
        clockLock.shared();
        ApplicationFacts facts;
        if (event instanceof ApplicationReceived received) {
            facts = ApplicationFacts.received(received);
        } else {
            ApplicationFacts before = cases.facts(event.applicationId());
            if (before == null) {
                return; // cannot happen for a stream read in order; never fail the whole segment for it
            }
            facts = before.apply(event);
        }
        cases.save(facts, message.getTimestamp());
        cells.follow(facts.applicationId(), facts.agencyId(), ApplicationCounting.cellsOf(facts),
                     message.getTimestamp(), message.getIdentifier());
        clocks.follow(event, message.getIdentifier(), message.getTimestamp());
    }

    @ResetHandler
    void reset() {
        clocks.deleteHistory();
        cells.deleteAll();
        cases.deleteAll();
    }
}
