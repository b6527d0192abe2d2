package gongkai.query.application;

import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.query.report.ApplicationCounting;
import gongkai.query.report.ApplicationCells;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Follows every application event: the application's present facts (for the worklist) and the
 * cells of table 三 it counts in, each change stamped with the event's recorded instant.
 * Events of one application always reach the same segment, in order.
 */
@Component
@ProcessingGroup(ApplicationProjection.PROCESSING_GROUP)
public class ApplicationProjection {

    public static final String PROCESSING_GROUP = "applications";

    private final ApplicationCases cases;
    private final ApplicationCells cells;

    public ApplicationProjection(ApplicationCases cases, ApplicationCells cells) {
        this.cases = cases;
        this.cells = cells;
    }

    @EventHandler
    void on(ApplicationEvent event, EventMessage<?> message) {
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
    }

    @ResetHandler
    void reset() {
        cells.deleteAll();
        cases.deleteAll();
    }
}
