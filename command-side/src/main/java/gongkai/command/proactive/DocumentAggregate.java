package gongkai.command.proactive;

import gongkai.command.CaseNotFound;
import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.proactive.DocumentCommands.Issue;
import gongkai.command.proactive.DocumentCommands.IssueDocument;
import gongkai.command.proactive.DocumentCommands.RepealDocument;
import gongkai.events.proactive.DocumentEvent;
import gongkai.events.proactive.DocumentIssued;
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
 * Axon's wiring of a {@link Document}; its id is the documentId (a UUID). Each document is its own
 * aggregate, not an entry of the agency's register: its rules (one repeal, not before the issue)
 * concern it alone, and a repeal years later then loads two events, not the agency's whole register.
 */
@Aggregate(cache = "documentCache")
public class DocumentAggregate {

    @AggregateIdentifier
    private String documentId;
    private Document document;

    protected DocumentAggregate() {
        // for Axon: rebuilt from its events
    }

    /** Idempotent: a repeat of the same issue writes nothing; the same id with other content is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Issue handle(IssueDocument command, Clock clock) {
        if (document != null) {
            document.confirmRepeatedIssue(command);
            return new Issue(command.documentId(), false);
        }
        CaseRecorder.record(Document.issue(command, today(clock)), command.agencyId());
        return new Issue(command.documentId(), true);
    }

    @CommandHandler
    public void handle(RepealDocument command, Clock clock) {
        if (!document.agencyId().equals(command.agencyId())) {
            throw new CaseNotFound("document", documentId);
        }
        CaseRecorder.record(document.repeal(command, today(clock)), document.agencyId());
    }

    /** A clerk acts only on the documents of their own agency; others' are not even revealed. */
    @CommandHandlerInterceptor
    public Object onlyOwnAgency(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        CaseRecorder.requireOwnAgency(command, document == null ? null : document.agencyId(), "document", documentId);
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(DocumentEvent event) {
        if (event instanceof DocumentIssued issued) {
            documentId = issued.documentId();
            document = Document.from(issued);
        } else {
            document.apply(event);
        }
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }
}
