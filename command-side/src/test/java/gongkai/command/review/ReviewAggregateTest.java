package gongkai.command.review;

import gongkai.command.CaseNotFound;
import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.review.ReviewCommands.DecideReview;
import gongkai.command.review.ReviewCommands.FileReview;
import gongkai.command.review.ReviewCommands.Filing;
import gongkai.events.CaseResult;
import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewFiled;
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

class ReviewAggregateTest {

    private static final String REVIEW = "6f1c2a58-0d7e-4b8e-9a51-3c2d8e1f4a01";
    private static final String APPLICATION = "0b9e7d2c-5a14-4f63-8d21-7e6f5a4b3c02";
    private static final LocalDate FILED_ON = LocalDate.of(2024, 1, 10);
    private static final ReviewFiled FILED = new ReviewFiled(REVIEW, "xiaoying", FILED_ON, APPLICATION, "滦平县人民政府");

    private FixtureConfiguration<ReviewAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReviewAggregate.class);
        fixture.registerInjectableResource(clockAtToday());
    }

    private static FileReview filing() {
        return new FileReview(REVIEW, "xiaoying", FILED_ON, APPLICATION, "滦平县人民政府");
    }

    // ---- filing --------------------------------------------------------------------------------

    @Test
    void filingAReviewRecordsReviewFiled() {
        fixture.givenNoPriorActivity()
               .when(filing())
               .expectEvents(FILED)
               .expectResultMessagePayload(new Filing(REVIEW, true));
    }

    @Test
    void aFilingNeedsNeitherTheApplicationNorTheReconsiderationBody() {
        fixture.givenNoPriorActivity()
               .when(new FileReview(REVIEW, "xiaoying", TODAY, null, null))
               .expectEvents(new ReviewFiled(REVIEW, "xiaoying", TODAY, null, null));
    }

    @Test
    void aFilingDatedInTheFutureIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new FileReview(REVIEW, "xiaoying", TODAY.plusDays(1), null, null))
               .expectNoEvents()
               .expectException(invalid("filedOn"));
    }

    @Test
    void repeatingTheSameFilingRecordsNothing() {
        fixture.given(FILED)
               .when(filing())
               .expectNoEvents()
               .expectResultMessagePayload(new Filing(REVIEW, false));
    }

    @Test
    void reusingAReviewIdForADifferentFilingIsAConflict() {
        fixture.given(FILED)
               .when(new FileReview(REVIEW, "xiaoying", FILED_ON.plusDays(1), APPLICATION, "滦平县人民政府"))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aClerkOfAnotherAgencyCannotReuseTheIdOfAReview() {
        fixture.given(FILED)
               .when(filing(), Map.of(CaseRecorder.ACTOR_AGENCY, "luanping"))
               .expectNoEvents()
               .expectException(CaseNotFound.class);
    }

    // ---- decision ------------------------------------------------------------------------------

    @Test
    void decidingAReviewRecordsReviewDecided() {
        fixture.given(FILED)
               .when(new DecideReview(REVIEW, LocalDate.of(2024, 3, 1), CaseResult.CORRECTED, "责令重新答复"))
               .expectEvents(new ReviewDecided(REVIEW, LocalDate.of(2024, 3, 1), CaseResult.CORRECTED, "责令重新答复"));
    }

    @Test
    void aReviewMayBeDecidedOnTheDayItWasFiledAndByItsOwnAgency() {
        fixture.given(FILED)
               .when(new DecideReview(REVIEW, FILED_ON, CaseResult.OTHER, null),
                     Map.of(CaseRecorder.ACTOR_AGENCY, "xiaoying"))
               .expectEvents(new ReviewDecided(REVIEW, FILED_ON, CaseResult.OTHER, null));
    }

    @Test
    void aDecisionBeforeTheFilingDateIsAConflict() {
        fixture.given(FILED)
               .when(new DecideReview(REVIEW, FILED_ON.minusDays(1), CaseResult.UPHELD, null))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aSecondDecisionIsAConflict() {
        fixture.given(FILED, new ReviewDecided(REVIEW, LocalDate.of(2024, 2, 1), CaseResult.UPHELD, null))
               .when(new DecideReview(REVIEW, LocalDate.of(2024, 3, 1), CaseResult.CORRECTED, null))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aDecisionDatedInTheFutureIsInvalid() {
        fixture.given(FILED)
               .when(new DecideReview(REVIEW, TODAY.plusDays(1), CaseResult.UPHELD, null))
               .expectNoEvents()
               .expectException(invalid("decidedOn"));
    }

    @Test
    void aClerkOfAnotherAgencyDoesNotFindTheReview() {
        fixture.given(FILED)
               .when(new DecideReview(REVIEW, TODAY, CaseResult.UPHELD, null),
                     Map.of(CaseRecorder.ACTOR_AGENCY, "luanping"))
               .expectNoEvents()
               .expectException(CaseNotFound.class);
    }

    @Test
    void anUnknownReviewCannotBeDecided() {
        fixture.givenNoPriorActivity()
               .when(new DecideReview(REVIEW, TODAY, CaseResult.UPHELD, null))
               .expectNoEvents()
               .expectException(AggregateNotFoundException.class);
    }
}
