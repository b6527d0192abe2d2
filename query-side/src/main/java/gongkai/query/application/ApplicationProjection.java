package gongkai.query.application;

import gongkai.events.application.ApplicationEvent;
import gongkai.query.calendar.ClockLock;
import gongkai.query.calendar.KnownCalendar;
import gongkai.query.cells.ApplicationCells;
import gongkai.query.projections.BatchWrites;
import gongkai.query.projections.ReadModels;
import gongkai.query.timeliness.TimelinessTally;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Follows every application event: the application's present facts (for the worklist), the
 * cells of table 三 it counts in, each change stamped with the event's recorded instant, and its
 * reply clock ({@link ApplicationClocks}: due date, explanation, history of moves). A processor's
 * batch of events is followed in memory and written once ({@link ApplicationBatch}).
 * Events of one application always reach the same segment, in order.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class ApplicationProjection {

    private final ApplicationCases cases;
    private final ApplicationCells cells;
    private final ApplicationClocks clocks;
    private final ClockLock clockLock;
    private final KnownCalendar calendar;
    private final TimelinessTally timeliness;

    public ApplicationProjection(ApplicationCases cases, ApplicationCells cells, ApplicationClocks clocks,
                                 ClockLock clockLock, KnownCalendar calendar, TimelinessTally timeliness) {
        this.timeliness = timeliness;
        this.cases = cases;
        this.cells = cells;
        this.clocks = clocks;
        this.clockLock = clockLock;
        this.calendar = calendar;
    }

    @EventHandler
    void on(ApplicationEvent event, EventMessage<?> message) {
        // Before the batch writes anything: a calendar publication waits for it, or it for the publication.
        clockLock.shared();
        batch().apply(event, message.getIdentifier(), message.getTimestamp());
    }

    /** The batch of the current unit of work (a processor's batch of events), written when it commits. */
    private ApplicationBatch batch() {
        return BatchWrites.current(ApplicationBatch.class.getName(),
                                   () -> new ApplicationBatch(cases, cells, clocks, calendar.current(), timeliness), ApplicationBatch::flush)
                          .orElseThrow(() -> new IllegalStateException(
                                  "application events are handled in a processor's unit of work"));
    }

    @ResetHandler
    void reset() {
        clocks.deleteHistory();
        cells.deleteAll();
        timeliness.deleteAll();
        cases.deleteAll();
    }
}
