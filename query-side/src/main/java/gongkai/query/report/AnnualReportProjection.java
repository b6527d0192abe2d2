package gongkai.query.report;

import gongkai.events.report.NarrativeWritten;
import gongkai.events.report.ReportPublished;
import gongkai.query.report.publication.PublicationRecords;
import gongkai.query.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Follows the events of each year's report: its text (latest as of any instant) and its publications
 * (recorded here, frozen by {@link gongkai.query.report.publication.PublicationSealing} once the figures' projections have caught up).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class AnnualReportProjection {

    private final Narratives narratives;
    private final PublicationRecords publications;

    public AnnualReportProjection(Narratives narratives, PublicationRecords publications) {
        this.narratives = narratives;
        this.publications = publications;
    }

    @EventHandler
    void on(NarrativeWritten e, EventMessage<?> message) {
        narratives.write(e.agencyId(), e.year(), e.overview(), e.problems(), e.other(), e.writtenOn(),
                         message.getTimestamp(), message.getIdentifier());
    }

    @EventHandler
    void on(ReportPublished e, EventMessage<?> message) {
        publications.record(e, message.getTimestamp(), message.getIdentifier());
    }

    /** The text is rebuilt; publications are kept, so that their seals survive a replay. */
    @ResetHandler
    void reset() {
        narratives.deleteAll();
    }
}
