package gongkai.command.report;

import gongkai.command.CaseNotFound;
import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.report.ReportCommands.PublishReport;
import gongkai.command.report.ReportCommands.WriteNarrative;
import gongkai.events.report.NarrativeWritten;
import gongkai.events.report.ReportPublished;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static gongkai.command.Refusals.TODAY;
import static gongkai.command.Refusals.clockAtToday;
import static gongkai.command.Refusals.invalid;

class AnnualReportAggregateTest {

    private static final String OVERVIEW = "2023年，小营镇主动公开政府信息285条。";
    private static final String PROBLEMS = "公开内容还不够全面。";
    private static final String OTHER = "本年度未收取信息处理费。";
    private static final NarrativeWritten WRITTEN =
            new NarrativeWritten("xiaoying", 2023, OVERVIEW, PROBLEMS, OTHER, LocalDate.of(2024, 1, 20));

    private FixtureConfiguration<AnnualReportAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AnnualReportAggregate.class);
        fixture.registerInjectableResource(clockAtToday());
    }

    @Test
    void writingTheTextRecordsNarrativeWrittenDatedToday() {
        fixture.givenNoPriorActivity()
               .when(new WriteNarrative("xiaoying", 2023, OVERVIEW, PROBLEMS, OTHER))
               .expectEvents(new NarrativeWritten("xiaoying", 2023, OVERVIEW, PROBLEMS, OTHER, TODAY))
               .expectResultMessagePayload(true);
    }

    @Test
    void writingAgainReplacesTheTextWithANewEvent() {
        fixture.given(WRITTEN)
               .when(new WriteNarrative("xiaoying", 2023, OVERVIEW, "", OTHER),
                     Map.of(CaseRecorder.ACTOR_AGENCY, "xiaoying"))
               .expectEvents(new NarrativeWritten("xiaoying", 2023, OVERVIEW, "", OTHER, TODAY))
               .expectResultMessagePayload(true);
    }

    @Test
    void writingTheSameTextAgainRecordsNothing() {
        fixture.given(WRITTEN)
               .when(new WriteNarrative("xiaoying", 2023, OVERVIEW, PROBLEMS, OTHER))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void theReportOfTheCurrentYearMayBeDrafted() {
        fixture.givenNoPriorActivity()
               .when(new WriteNarrative("xiaoying", TODAY.getYear(), OVERVIEW, PROBLEMS, OTHER))
               .expectEvents(new NarrativeWritten("xiaoying", TODAY.getYear(), OVERVIEW, PROBLEMS, OTHER, TODAY));
    }

    @Test
    void aReportOfAYearNotYetBegunIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new WriteNarrative("xiaoying", TODAY.getYear() + 1, OVERVIEW, PROBLEMS, OTHER))
               .expectNoEvents()
               .expectException(invalid("year"));
    }

    @Test
    void aReportOfAYearBeforeTheRegulationsIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(new WriteNarrative("xiaoying", 2007, OVERVIEW, PROBLEMS, OTHER))
               .expectNoEvents()
               .expectException(invalid("year"));
    }

    @Test
    void aClerkOfAnotherAgencyCannotWriteTheReport() {
        fixture.given(WRITTEN)
               .when(new WriteNarrative("xiaoying", 2023, "x", "y", "z"), Map.of(CaseRecorder.ACTOR_AGENCY, "luanping"))
               .expectNoEvents()
               .expectException(CaseNotFound.class);
    }

    // ---- publication ---------------------------------------------------------------------------

    @Test
    void publishingAReportOfAYearThatIsOverRecordsReportPublishedDatedToday() {
        fixture.given(WRITTEN)
               .when(new PublishReport("xiaoying", 2023), Map.of(CaseRecorder.ACTOR_AGENCY, "xiaoying"))
               .expectEvents(new ReportPublished("xiaoying", 2023, TODAY))
               .expectResultMessagePayload(1);
    }

    @Test
    void aReportWithoutTextCanBePublishedItsFiguresAreWhatIsFrozen() {
        fixture.givenNoPriorActivity()
               .when(new PublishReport("xiaoying", 2023))
               .expectEvents(new ReportPublished("xiaoying", 2023, TODAY))
               .expectResultMessagePayload(1);
    }

    @Test
    void republishingRecordsASecondPublication() {
        fixture.given(WRITTEN, new ReportPublished("xiaoying", 2023, LocalDate.of(2024, 1, 26)))
               .when(new PublishReport("xiaoying", 2023))
               .expectEvents(new ReportPublished("xiaoying", 2023, TODAY))
               .expectResultMessagePayload(2);
    }

    @Test
    void theReportOfTheRunningYearCannotBePublished() {
        fixture.givenNoPriorActivity()
               .when(new PublishReport("xiaoying", TODAY.getYear()))
               .expectNoEvents()
               .expectException(invalid("year"));
    }

    @Test
    void aReportOfAYearBeforeTheRegulationsCannotBePublished() {
        fixture.givenNoPriorActivity()
               .when(new PublishReport("xiaoying", 2007))
               .expectNoEvents()
               .expectException(invalid("year"));
    }

    @Test
    void aClerkOfAnotherAgencyCannotPublishTheReport() {
        fixture.given(WRITTEN)
               .when(new PublishReport("xiaoying", 2023), Map.of(CaseRecorder.ACTOR_AGENCY, "luanping"))
               .expectNoEvents()
               .expectException(CaseNotFound.class);
    }
}
