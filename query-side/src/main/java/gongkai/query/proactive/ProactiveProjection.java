package gongkai.query.proactive;

import gongkai.events.proactive.DecisionsTallied;
import gongkai.events.proactive.DocumentIssued;
import gongkai.events.proactive.DocumentRepealed;
import gongkai.events.proactive.FeesCollected;
import gongkai.events.proactive.InformationPublished;
import gongkai.events.proactive.OpeningBalanceRecorded;
import gongkai.query.cells.Contributions.Source;
import gongkai.query.cells.Contributions.Table;
import gongkai.query.cells.Contributions;
import gongkai.query.counting.ProactiveCounting.DocumentFacts;
import gongkai.query.counting.ProactiveCounting.OpeningBalance;
import gongkai.query.counting.ProactiveCounting;
import gongkai.query.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Follows an agency's proactive disclosure (its documents and its register): the present facts of
 * each document, and what each source contributes to table 二 and to section 一's counts
 * ({@link ProactiveCounting}), each change stamped with the event's recorded instant and id.
 * <p>
 * A document's contribution depends on the agency's opening balance, which is another stream (the
 * register) and may be recorded before or after the documents: proactive events are therefore
 * sequenced by agency ({@link ReadModels#readModelSequencing}), so that all of an agency's proactive events reach
 * one segment in the order they were stored, and a balance re-counts the agency's documents.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class ProactiveProjection {

    private final Documents documents;
    private final Contributions contributions;

    public ProactiveProjection(Documents documents, Contributions contributions) {
        this.documents = documents;
        this.contributions = contributions;
    }

    @EventHandler
    void on(DocumentIssued e, EventMessage<?> message) {
        DocumentFacts document = new DocumentFacts(e.documentId(), e.agencyId(), e.kind(), e.title(), e.issuedOn(), null);
        documents.save(document);
        count(document, documents.openingBalance(e.agencyId()), message);
    }

    @EventHandler
    void on(DocumentRepealed e, EventMessage<?> message) {
        DocumentFacts before = documents.find(e.documentId());
        if (before == null) {
            return; // cannot happen for a stream read in order; never fail the whole segment for it
        }
        DocumentFacts document = before.repealed(e.repealedOn());
        documents.save(document);
        count(document, documents.openingBalance(document.agencyId()), message);
    }

    /** The balance, and every document of the agency re-counted against it. */
    @EventHandler
    void on(OpeningBalanceRecorded e, EventMessage<?> message) {
        OpeningBalance balance = new OpeningBalance(e.asOf(), e.rules(), e.normativeDocuments());
        documents.saveOpeningBalance(e.agencyId(), balance);
        contributions.follow(Table.PROACTIVE, new Source(Contributions.OPENING_BALANCE, e.agencyId()), e.agencyId(),
                             ProactiveCounting.ofOpeningBalance(balance), message.getTimestamp(), message.getIdentifier());
        for (DocumentFacts document : documents.ofAgency(e.agencyId())) {
            count(document, balance, message);
        }
    }

    @EventHandler
    void on(DecisionsTallied e, EventMessage<?> message) {
        contributions.follow(Table.PROACTIVE, new Source(Contributions.TALLY, e.tallyId()), e.agencyId(),
                             ProactiveCounting.ofTally(e), message.getTimestamp(), message.getIdentifier());
    }

    @EventHandler
    void on(FeesCollected e, EventMessage<?> message) {
        contributions.follow(Table.PROACTIVE, new Source(Contributions.FEE, e.feeId()), e.agencyId(),
                             ProactiveCounting.ofFee(e), message.getTimestamp(), message.getIdentifier());
    }

    @EventHandler
    void on(InformationPublished e, EventMessage<?> message) {
        contributions.follow(Table.PUBLISHED_ITEMS, new Source(Contributions.PUBLICATION, e.publicationId()),
                             e.agencyId(), ProactiveCounting.ofPublication(e), message.getTimestamp(),
                             message.getIdentifier());
    }

    @ResetHandler
    void reset() {
        contributions.deleteAll(Table.PROACTIVE, Contributions.DOCUMENT, Contributions.OPENING_BALANCE,
                                Contributions.TALLY, Contributions.FEE);
        contributions.deleteAll(Table.PUBLISHED_ITEMS, Contributions.PUBLICATION);
        documents.deleteAll();
    }

    private void count(DocumentFacts document, OpeningBalance balance, EventMessage<?> message) {
        contributions.follow(Table.PROACTIVE, new Source(Contributions.DOCUMENT, document.documentId()),
                             document.agencyId(), ProactiveCounting.ofDocument(document, balance),
                             message.getTimestamp(), message.getIdentifier());
    }
}
