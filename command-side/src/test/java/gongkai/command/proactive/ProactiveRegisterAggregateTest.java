package gongkai.command.proactive;

import gongkai.command.CaseNotFound;
import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.proactive.RegisterCommands.RecordFees;
import gongkai.command.proactive.RegisterCommands.RecordOpeningBalance;
import gongkai.command.proactive.RegisterCommands.RecordPublication;
import gongkai.command.proactive.RegisterCommands.TallyDecisions;
import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DecisionsTallied;
import gongkai.events.proactive.FeesCollected;
import gongkai.events.proactive.InformationPublished;
import gongkai.events.proactive.OpeningBalanceRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static gongkai.command.Refusals.TODAY;
import static gongkai.command.Refusals.clockAtToday;
import static gongkai.command.Refusals.conflict;
import static gongkai.command.Refusals.invalid;

class ProactiveRegisterAggregateTest {

    private static final String AGENCY = "xiaoying";
    private static final String TALLY = "11111111-2222-4333-8444-555555555501";
    private static final String FEE = "11111111-2222-4333-8444-555555555502";
    private static final String PUBLICATION = "11111111-2222-4333-8444-555555555503";
    private static final LocalDate AS_OF = LocalDate.of(2023, 1, 1);
    private static final OpeningBalanceRecorded OPENING_BALANCE = new OpeningBalanceRecorded(AGENCY, AS_OF, 2, 17);
    private static final DecisionsTallied TALLIED = new DecisionsTallied(
            AGENCY, TALLY, DecisionCategory.LICENSING, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), 274);

    private FixtureConfiguration<ProactiveRegisterAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProactiveRegisterAggregate.class);
        fixture.registerInjectableResource(clockAtToday());
    }

    // ---- opening balance -----------------------------------------------------------------------

    @Test
    void theOpeningBalanceAsTheFirstEntryOpensTheRegister() {
        fixture.givenNoPriorActivity()
               .when(new RecordOpeningBalance(AGENCY, AS_OF, 2, 17))
               .expectEvents(OPENING_BALANCE);
    }

    @Test
    void anOpeningBalanceOfNoDocumentsIsRecorded() {
        fixture.givenNoPriorActivity()
               .when(new RecordOpeningBalance(AGENCY, TODAY, 0, 0))
               .expectEvents(new OpeningBalanceRecorded(AGENCY, TODAY, 0, 0));
    }

    @Test
    void theOpeningBalanceMayFollowOtherEntries() {
        fixture.given(TALLIED)
               .when(new RecordOpeningBalance(AGENCY, AS_OF, 2, 17), Map.of(CaseRecorder.ACTOR_AGENCY, AGENCY))
               .expectEvents(OPENING_BALANCE);
    }

    @Test
    void theOpeningBalanceIsRecordedOnlyOncePerAgency() {
        fixture.given(OPENING_BALANCE)
               .when(new RecordOpeningBalance(AGENCY, AS_OF, 3, 17))
               .expectNoEvents()
               .expectException(conflict());
    }

    @Test
    void aNegativeNumberOfRulesIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new RecordOpeningBalance(AGENCY, AS_OF, -1, 17))
               .expectNoEvents()
               .expectException(invalid("rules"));
    }

    @Test
    void aNegativeNumberOfNormativeDocumentsIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new RecordOpeningBalance(AGENCY, AS_OF, 2, -1))
               .expectNoEvents()
               .expectException(invalid("normativeDocuments"));
    }

    @Test
    void anOpeningBalanceDatedInTheFutureIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new RecordOpeningBalance(AGENCY, TODAY.plusDays(1), 2, 17))
               .expectNoEvents()
               .expectException(invalid("asOf"));
    }

    // ---- decision tallies ----------------------------------------------------------------------

    @Test
    void aTallyOfDecisionsRecordsDecisionsTallied() {
        fixture.givenNoPriorActivity()
               .when(new TallyDecisions(AGENCY, TALLY, DecisionCategory.LICENSING, LocalDate.of(2023, 1, 1),
                                        LocalDate.of(2023, 12, 31), 274))
               .expectEvents(TALLIED);
    }

    @Test
    void aTallyOfZeroDecisionsForOneDayIsRecorded() {
        fixture.given(OPENING_BALANCE)
               .when(new TallyDecisions(AGENCY, TALLY, DecisionCategory.COERCION, TODAY, TODAY, 0))
               .expectEvents(new DecisionsTallied(AGENCY, TALLY, DecisionCategory.COERCION, TODAY, TODAY, 0));
    }

    @Test
    void aNegativeCountIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new TallyDecisions(AGENCY, TALLY, DecisionCategory.PENALTY, LocalDate.of(2024, 1, 1),
                                        LocalDate.of(2024, 1, 31), -5))
               .expectNoEvents()
               .expectException(invalid("count"));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new TallyDecisions(AGENCY, TALLY, DecisionCategory.PENALTY, LocalDate.of(2024, 2, 1),
                                        LocalDate.of(2024, 1, 31), 5))
               .expectNoEvents()
               .expectException(invalid("to"));
    }

    @Test
    void aPeriodAcrossTheTurnOfTheYearIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new TallyDecisions(AGENCY, TALLY, DecisionCategory.PENALTY, LocalDate.of(2023, 12, 1),
                                        LocalDate.of(2024, 1, 31), 5))
               .expectNoEvents()
               .expectException(invalid("to"));
    }

    @Test
    void aPeriodEndingInTheFutureIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new TallyDecisions(AGENCY, TALLY, DecisionCategory.PENALTY, LocalDate.of(2024, 3, 1),
                                        TODAY.plusDays(1), 5))
               .expectNoEvents()
               .expectException(invalid("to"));
    }

    // ---- fees ----------------------------------------------------------------------------------

    @Test
    void feesCollectedAreRecordedInYuanWithTwoDecimals() {
        fixture.givenNoPriorActivity()
               .when(new RecordFees(AGENCY, FEE, LocalDate.of(2024, 2, 20), new BigDecimal("1250.5")))
               .expectEvents(new FeesCollected(AGENCY, FEE, LocalDate.of(2024, 2, 20), new BigDecimal("1250.50")));
    }

    @Test
    void trailingZerosBeyondTheFenAreAccepted() {
        fixture.givenNoPriorActivity()
               .when(new RecordFees(AGENCY, FEE, TODAY, new BigDecimal("0.010")))
               .expectEvents(new FeesCollected(AGENCY, FEE, TODAY, new BigDecimal("0.01")));
    }

    @Test
    void anAmountOfZeroIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new RecordFees(AGENCY, FEE, TODAY, new BigDecimal("0.00")))
               .expectNoEvents()
               .expectException(invalid("amountYuan"));
    }

    @Test
    void aNegativeAmountIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new RecordFees(AGENCY, FEE, TODAY, new BigDecimal("-10")))
               .expectNoEvents()
               .expectException(invalid("amountYuan"));
    }

    @Test
    void anAmountFinerThanTheFenIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new RecordFees(AGENCY, FEE, TODAY, new BigDecimal("10.005")))
               .expectNoEvents()
               .expectException(invalid("amountYuan"));
    }

    @Test
    void feesCollectedInTheFutureAreInvalid() {
        fixture.givenNoPriorActivity()
               .when(new RecordFees(AGENCY, FEE, TODAY.plusDays(1), BigDecimal.TEN))
               .expectNoEvents()
               .expectException(invalid("collectedOn"));
    }

    // ---- publications --------------------------------------------------------------------------

    @Test
    void aPublicationRecordsInformationPublished() {
        fixture.given(OPENING_BALANCE, TALLIED)
               .when(new RecordPublication(AGENCY, PUBLICATION, "行政许可类", "关于某项许可的决定", TODAY))
               .expectEvents(new InformationPublished(AGENCY, PUBLICATION, "行政许可类", "关于某项许可的决定", TODAY));
    }

    @Test
    void aPublicationDatedInTheFutureIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new RecordPublication(AGENCY, PUBLICATION, "工作动态", "标题", TODAY.plusDays(1)))
               .expectNoEvents()
               .expectException(invalid("publishedOn"));
    }

    // ---- access --------------------------------------------------------------------------------

    @Test
    void aClerkOfAnotherAgencyCannotWriteInTheRegister() {
        fixture.given(OPENING_BALANCE)
               .when(new RecordPublication(AGENCY, PUBLICATION, "工作动态", "标题", TODAY),
                     Map.of(CaseRecorder.ACTOR_AGENCY, "luanping"))
               .expectNoEvents()
               .expectException(CaseNotFound.class);
    }
}
