package gongkai.command.proactive;

import gongkai.command.CaseNotFound;
import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.proactive.DocumentCommands.Issue;
import gongkai.command.proactive.DocumentCommands.IssueDocument;
import gongkai.command.proactive.DocumentCommands.RepealDocument;
import gongkai.events.proactive.DocumentIssued;
import gongkai.events.proactive.DocumentKind;
import gongkai.events.proactive.DocumentRepealed;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static gongkai.command.Refusals.TODAY;
import static gongkai.command.Refusals.clockAtToday;
import static gongkai.command.Refusals.conflict;
import static gongkai.command.Refusals.invalid;

class DocumentAggregateTest {

    private static final String DOCUMENT = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01";
    private static final String TITLE = "小营镇村务公开实施办法";
    private static final LocalDate ISSUED_ON = LocalDate.of(2023, 6, 1);
    private static final DocumentIssued ISSUED =
            new DocumentIssued(DOCUMENT, "xiaoying", DocumentKind.NORMATIVE_DOCUMENT, TITLE, ISSUED_ON);

    private FixtureConfiguration<DocumentAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DocumentAggregate.class);
        fixture.registerInjectableResource(clockAtToday());
    }

    private static IssueDocument issue() {
        return new IssueDocument(DOCUMENT, "xiaoying", DocumentKind.NORMATIVE_DOCUMENT, TITLE, ISSUED_ON);
    }

    // ---- issue ---------------------------------------------------------------------------------

    @Test
    void issuingADocumentRecordsDocumentIssued() {
        fixture.givenNoPriorActivity()
               .when(issue())
               .expectEvents(ISSUED)
               .expectResultMessagePayload(new Issue(DOCUMENT, true));
    }

    @Test
    void aRuleIssuedTodayIsRecorded() {
        fixture.givenNoPriorActivity()
               .when(new IssueDocument(DOCUMENT, "xiaoying", DocumentKind.RULE, "规章", TODAY))
               .expectEvents(new DocumentIssued(DOCUMENT, "xiaoying", DocumentKind.RULE, "规章", TODAY));
    }

    @Test
    void aDocumentIssuedInTheFutureIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new IssueDocument(DOCUMENT, "xiaoying", DocumentKind.RULE, TITLE, TODAY.plusDays(1)))
               .expectNoEvents()
               .expectException(invalid("issuedOn"));
    }

    @Test
    void repeatingTheSameIssueRecordsNothing() {
        fixture.given(ISSUED)
               .when(issue())
               .expectNoEvents()
               .expectResultMessagePayload(new Issue(DOCUMENT, false));
    }

    @Test
    void reusingADocumentIdForADifferentDocumentIsAConflict() {
        fixture.given(ISSUED)
               .when(new IssueDocument(DOCUMENT, "xiaoying", DocumentKind.RULE, TITLE, ISSUED_ON))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aClerkOfAnotherAgencyCannotReuseTheIdOfADocument() {
        fixture.given(ISSUED)
               .when(issue(), Map.of(CaseRecorder.ACTOR_AGENCY, "luanping"))
               .expectNoEvents()
               .expectException(CaseNotFound.class);
    }

    // ---- repeal --------------------------------------------------------------------------------

    @Test
    void repealingADocumentRecordsDocumentRepealed() {
        fixture.given(ISSUED)
               .when(new RepealDocument(DOCUMENT, "xiaoying", LocalDate.of(2024, 2, 1)))
               .expectEvents(new DocumentRepealed(DOCUMENT, LocalDate.of(2024, 2, 1)));
    }

    @Test
    void aDocumentMayBeRepealedOnTheDayItWasIssuedByItsOwnAgency() {
        fixture.given(ISSUED)
               .when(new RepealDocument(DOCUMENT, "xiaoying", ISSUED_ON), Map.of(CaseRecorder.ACTOR_AGENCY, "xiaoying"))
               .expectEvents(new DocumentRepealed(DOCUMENT, ISSUED_ON));
    }

    @Test
    void aRepealBeforeTheIssueIsAConflict() {
        fixture.given(ISSUED)
               .when(new RepealDocument(DOCUMENT, "xiaoying", ISSUED_ON.minusDays(1)))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aDocumentIsRepealedOnlyOnce() {
        fixture.given(ISSUED, new DocumentRepealed(DOCUMENT, LocalDate.of(2024, 2, 1)))
               .when(new RepealDocument(DOCUMENT, "xiaoying", TODAY))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aRepealDatedInTheFutureIsInvalid() {
        fixture.given(ISSUED)
               .when(new RepealDocument(DOCUMENT, "xiaoying", TODAY.plusDays(1)))
               .expectNoEvents()
               .expectException(invalid("repealedOn"));
    }

    @Test
    void aDocumentIsNotFoundUnderAnotherAgencysPath() {
        fixture.given(ISSUED)
               .when(new RepealDocument(DOCUMENT, "luanping", TODAY))
               .expectNoEvents()
               .expectException(CaseNotFound.class);
    }

    @Test
    void aClerkOfAnotherAgencyDoesNotFindTheDocument() {
        fixture.given(ISSUED)
               .when(new RepealDocument(DOCUMENT, "xiaoying", TODAY), Map.of(CaseRecorder.ACTOR_AGENCY, "luanping"))
               .expectNoEvents()
               .expectException(CaseNotFound.class);
    }

    @Test
    void anUnknownDocumentCannotBeRepealed() {
        fixture.givenNoPriorActivity()
               .when(new RepealDocument(DOCUMENT, "xiaoying", TODAY))
               .expectNoEvents()
               .expectException(AggregateNotFoundException.class);
    }
}
