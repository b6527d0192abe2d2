package gongkai.command.lawsuit;

import gongkai.command.CaseNotFound;
import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.lawsuit.LawsuitCommands.FileLawsuit;
import gongkai.command.lawsuit.LawsuitCommands.Filing;
import gongkai.command.lawsuit.LawsuitCommands.JudgeLawsuit;
import gongkai.events.CaseResult;
import gongkai.events.lawsuit.LawsuitFiled;
import gongkai.events.lawsuit.LawsuitJudged;
import gongkai.events.lawsuit.Route;
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

class LawsuitAggregateTest {

    private static final String LAWSUIT = "2d4e6f80-1a3b-4c5d-8e7f-90a1b2c3d401";
    private static final String REVIEW = "6f1c2a58-0d7e-4b8e-9a51-3c2d8e1f4a01";
    private static final String APPLICATION = "0b9e7d2c-5a14-4f63-8d21-7e6f5a4b3c02";
    private static final String COURT = "承德市双桥区人民法院";
    private static final LocalDate FILED_ON = LocalDate.of(2023, 11, 20);
    private static final LocalDate FIRST_INSTANCE = LocalDate.of(2024, 1, 15);
    private static final LawsuitFiled FILED =
            new LawsuitFiled(LAWSUIT, "xiaoying", FILED_ON, Route.AFTER_REVIEW, REVIEW, APPLICATION, COURT);

    private FixtureConfiguration<LawsuitAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LawsuitAggregate.class);
        fixture.registerInjectableResource(clockAtToday());
    }

    private static FileLawsuit filing() {
        return new FileLawsuit(LAWSUIT, "xiaoying", FILED_ON, Route.AFTER_REVIEW, REVIEW, APPLICATION, COURT);
    }

    // ---- filing --------------------------------------------------------------------------------

    @Test
    void filingAfterAReviewRecordsLawsuitFiledNamingTheReview() {
        fixture.givenNoPriorActivity()
               .when(filing())
               .expectEvents(FILED)
               .expectResultMessagePayload(new Filing(LAWSUIT, true));
    }

    @Test
    void filingDirectlyRecordsLawsuitFiledWithoutAReview() {
        fixture.givenNoPriorActivity()
               .when(new FileLawsuit(LAWSUIT, "xiaoying", TODAY, Route.DIRECT, null, null, null))
               .expectEvents(new LawsuitFiled(LAWSUIT, "xiaoying", TODAY, Route.DIRECT, null, null, null));
    }

    @Test
    void aLawsuitAfterAReviewMustNameTheReview() {
        fixture.givenNoPriorActivity()
               .when(new FileLawsuit(LAWSUIT, "xiaoying", FILED_ON, Route.AFTER_REVIEW, null, APPLICATION, COURT))
               .expectNoEvents()
               .expectException(invalid("reviewId"));
    }

    @Test
    void aDirectLawsuitMustNotNameAReview() {
        fixture.givenNoPriorActivity()
               .when(new FileLawsuit(LAWSUIT, "xiaoying", FILED_ON, Route.DIRECT, REVIEW, APPLICATION, COURT))
               .expectNoEvents()
               .expectException(invalid("reviewId"));
    }

    @Test
    void aFilingDatedInTheFutureIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new FileLawsuit(LAWSUIT, "xiaoying", TODAY.plusDays(1), Route.DIRECT, null, null, null))
               .expectNoEvents()
               .expectException(invalid("filedOn"));
    }

    @Test
    void repeatingTheSameFilingRecordsNothing() {
        fixture.given(FILED)
               .when(filing())
               .expectNoEvents()
               .expectResultMessagePayload(new Filing(LAWSUIT, false));
    }

    @Test
    void reusingALawsuitIdForADifferentFilingIsAConflict() {
        fixture.given(FILED)
               .when(new FileLawsuit(LAWSUIT, "xiaoying", FILED_ON, Route.AFTER_REVIEW, REVIEW, APPLICATION,
                                     "承德市中级人民法院"))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aClerkOfAnotherAgencyCannotReuseTheIdOfALawsuit() {
        fixture.given(FILED)
               .when(filing(), Map.of(CaseRecorder.ACTOR_AGENCY, "luanping"))
               .expectNoEvents()
               .expectException(CaseNotFound.class);
    }

    // ---- judgments -----------------------------------------------------------------------------

    @Test
    void aFinalJudgmentRecordsLawsuitJudgedAsFinal() {
        fixture.given(FILED)
               .when(new JudgeLawsuit(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, true))
               .expectEvents(new LawsuitJudged(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, true));
    }

    @Test
    void aJudgmentThatIsNotFinalRecordsLawsuitJudgedAsNotFinal() {
        fixture.given(FILED)
               .when(new JudgeLawsuit(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, false))
               .expectEvents(new LawsuitJudged(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, false));
    }

    @Test
    void anAppealContinuesTheCaseWithAFurtherJudgment() {
        LocalDate appeal = LocalDate.of(2024, 3, 4);
        fixture.given(FILED, new LawsuitJudged(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, false))
               .when(new JudgeLawsuit(LAWSUIT, appeal, CaseResult.CORRECTED, true))
               .expectEvents(new LawsuitJudged(LAWSUIT, appeal, CaseResult.CORRECTED, true));
    }

    @Test
    void severalJudgmentsMayFollowOneAnotherUntilOneIsFinal() {
        LocalDate appeal = LocalDate.of(2024, 3, 4);
        fixture.given(FILED, new LawsuitJudged(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, false),
                      new LawsuitJudged(LAWSUIT, appeal, CaseResult.CORRECTED, false))
               .when(new JudgeLawsuit(LAWSUIT, TODAY, CaseResult.OTHER, false))
               .expectEvents(new LawsuitJudged(LAWSUIT, TODAY, CaseResult.OTHER, false));
    }

    @Test
    void aJudgmentOnTheDayOfThePreviousOneIsAccepted() {
        fixture.given(FILED, new LawsuitJudged(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, false))
               .when(new JudgeLawsuit(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, true),
                     Map.of(CaseRecorder.ACTOR_AGENCY, "xiaoying"))
               .expectEvents(new LawsuitJudged(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, true));
    }

    @Test
    void nothingCanBeJudgedAfterTheFinalJudgment() {
        fixture.given(FILED, new LawsuitJudged(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, true))
               .when(new JudgeLawsuit(LAWSUIT, TODAY, CaseResult.CORRECTED, true))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aJudgmentBeforeTheFilingDateIsAConflict() {
        fixture.given(FILED)
               .when(new JudgeLawsuit(LAWSUIT, FILED_ON.minusDays(1), CaseResult.UPHELD, true))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aJudgmentBeforeThePreviousJudgmentIsAConflict() {
        fixture.given(FILED, new LawsuitJudged(LAWSUIT, FIRST_INSTANCE, CaseResult.UPHELD, false))
               .when(new JudgeLawsuit(LAWSUIT, FIRST_INSTANCE.minusDays(1), CaseResult.CORRECTED, true))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aJudgmentDatedInTheFutureIsInvalid() {
        fixture.given(FILED)
               .when(new JudgeLawsuit(LAWSUIT, TODAY.plusDays(1), CaseResult.UPHELD, true))
               .expectNoEvents()
               .expectException(invalid("decidedOn"));
    }

    @Test
    void aClerkOfAnotherAgencyDoesNotFindTheLawsuit() {
        fixture.given(FILED)
               .when(new JudgeLawsuit(LAWSUIT, TODAY, CaseResult.UPHELD, true),
                     Map.of(CaseRecorder.ACTOR_AGENCY, "luanping"))
               .expectNoEvents()
               .expectException(CaseNotFound.class);
    }

    @Test
    void anUnknownLawsuitCannotBeJudged() {
        fixture.givenNoPriorActivity()
               .when(new JudgeLawsuit(LAWSUIT, TODAY, CaseResult.UPHELD, true))
               .expectNoEvents()
               .expectException(AggregateNotFoundException.class);
    }
}
