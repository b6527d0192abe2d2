package gongkai.command.proactive;

import gongkai.events.proactive.DocumentKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What a clerk can record about one rule or normative document; answered by {@link DocumentAggregate}. */
public final class DocumentCommands {

    private DocumentCommands() {
    }

    public record IssueDocument(@TargetAggregateIdentifier String documentId, String agencyId, DocumentKind kind,
                                String title, LocalDate issuedOn) {
    }

    /** {@code agencyId} is the agency named in the request's path: the document must be one of its own. */
    public record RepealDocument(@TargetAggregateIdentifier String documentId, String agencyId,
                                 LocalDate repealedOn) {
    }

    /** The answer to {@link IssueDocument}: {@code created} is false for a repeat that wrote nothing. */
    public record Issue(String documentId, boolean created) {
    }
}
