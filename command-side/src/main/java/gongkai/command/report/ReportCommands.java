package gongkai.command.report;

import gongkai.events.report.ReportEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What a clerk can ask of their agency's report of a year; answered by {@link AnnualReportAggregate}. */
public final class ReportCommands {

    private ReportCommands() {
    }

    public record WriteNarrative(String agencyId, int year, String overview, String problems, String other) {

        @TargetAggregateIdentifier
        public String reportId() {
            return ReportEvent.reportId(agencyId, year);
        }
    }

    /** Publish (freeze) the figures of the agency's report of {@code year}; see {@link AnnualReport#publish}. */
    public record PublishReport(String agencyId, int year) {

        @TargetAggregateIdentifier
        public String reportId() {
            return ReportEvent.reportId(agencyId, year);
        }
    }
}
