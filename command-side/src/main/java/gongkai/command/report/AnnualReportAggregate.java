package gongkai.command.report;

import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.report.ReportCommands.PublishReport;
import gongkai.command.report.ReportCommands.WriteNarrative;
import gongkai.events.report.ReportEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Axon's wiring of an {@link AnnualReport}: one per agency and year, id
 * {@code "report:" + agencyId + ":" + year} ({@link ReportEvent#reportId(String, int)}), created by its
 * first event: its text and its publications (which freeze its figures on the query side).
 */
@Aggregate(cache = "reportTextCache")
public class AnnualReportAggregate {

    @AggregateIdentifier
    private String reportId;
    private String agencyId;
    private AnnualReport report = AnnualReport.empty();

    protected AnnualReportAggregate() {
        // for Axon: rebuilt from its events, or created empty by the first writing
    }

    /** Returns whether an event was recorded: writing the text that is already there records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(WriteNarrative command, Clock clock) {
        if (report.alreadySays(command)) {
            return false;
        }
        CaseRecorder.record(report.writeNarrative(command, LocalDate.now(clock)), command.agencyId());
        return true;
    }

    /** Records ReportPublished dated today; returns the number of this publication (1 for the first). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(PublishReport command, Clock clock) {
        CaseRecorder.record(report.publish(command, LocalDate.now(clock)), command.agencyId());
        return report.publications();
    }

    /** A clerk writes only the reports of their own agency. */
    @CommandHandlerInterceptor
    public Object onlyOwnAgency(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        CaseRecorder.requireOwnAgency(command, agencyId, "report", reportId);
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(ReportEvent event) {
        reportId = event.caseId();
        agencyId = event.agencyId();
        report.apply(event);
    }
}
