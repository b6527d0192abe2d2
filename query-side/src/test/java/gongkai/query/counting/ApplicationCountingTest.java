package gongkai.query.counting;

import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationReopened;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.Outcome;
import gongkai.query.counting.ApplicationCounting.CountedCell;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table 三's counting rules ({@link ApplicationCounting}, rules 1–7 of the annual report) on one
 * application's events, year by year, without a database: the cells it counts in, as "ROW/COLUMN".
 * The same rules fill the stored cells that {@code TableThreeProjectionTest} reads back.
 */
class ApplicationCountingTest {

    private static final String ID = "a-1";
    private static final String PERSON = "/NATURAL_PERSON";
    private static final String COMPANY = "/COMMERCIAL_ENTERPRISE";

    private final List<ApplicationEvent> events = new ArrayList<>();

    @Test
    void anApplicationAnsweredInItsYearCountsNewAndUnderItsOutcomeThatYearOnly() {
        received("2023-03-01");
        concluded("2023-03-20", Outcome.DISCLOSED);

        assertThat(cellsIn(2022)).isEmpty();
        assertThat(cellsIn(2023)).containsExactlyInAnyOrder("NEW" + PERSON, "DISCLOSED" + PERSON);
        assertThat(cellsIn(2024)).isEmpty();
    }

    @Test
    void anApplicationOpenAtTheYearsEndIsCarriedForwardThenCarriedOverUntilItsAnswer() {
        received("2022-12-20");
        concluded("2024-01-10", Outcome.UNAVAILABLE_NOT_HELD);

        assertThat(cellsIn(2022)).containsExactlyInAnyOrder("NEW" + PERSON, "CARRIED_FORWARD" + PERSON);
        assertThat(cellsIn(2023)).containsExactlyInAnyOrder("CARRIED_OVER" + PERSON, "CARRIED_FORWARD" + PERSON);
        assertThat(cellsIn(2024)).containsExactlyInAnyOrder("CARRIED_OVER" + PERSON, "UNAVAILABLE_NOT_HELD" + PERSON);
        assertThat(cellsIn(2025)).isEmpty();
    }

    @Test
    void anApplicationNeverAnsweredIsCarriedEveryYearFromItsReceipt() {
        received("2021-06-01");

        assertThat(cellsIn(2021)).containsExactlyInAnyOrder("NEW" + PERSON, "CARRIED_FORWARD" + PERSON);
        for (int year = 2022; year <= 2030; year++) {
            assertThat(cellsIn(year)).as("in " + year)
                    .containsExactlyInAnyOrder("CARRIED_OVER" + PERSON, "CARRIED_FORWARD" + PERSON);
        }
    }

    @Test
    void aWithdrawnApplicationCountsUnderOtherInTheYearOfItsWithdrawal() {
        received("2023-11-01");
        events.add(new ApplicationWithdrawn(ID, LocalDate.parse("2024-02-01")));

        assertThat(cellsIn(2024)).containsExactlyInAnyOrder("CARRIED_OVER" + PERSON, "OTHER_OTHER" + PERSON);
    }

    @Test
    void aPartlyDisclosedAnswerCountsAsPartlyDisclosedOnlyWhateverItsWithheldReasons() {
        received("2023-03-01");
        events.add(new ApplicationConcluded(ID, LocalDate.parse("2023-03-20"), Outcome.PARTIALLY_DISCLOSED,
                                            List.of(Outcome.WITHHELD_STATE_SECRET, Outcome.WITHHELD_INTERNAL_AFFAIRS), null));

        assertThat(cellsIn(2023)).containsExactlyInAnyOrder("NEW" + PERSON, "PARTIALLY_DISCLOSED" + PERSON);
    }

    @Test
    void anApplicationCountsOnceInTheColumnOfItsCorrectedApplicantType() {
        received("2023-03-01");
        concluded("2023-03-20", Outcome.DISCLOSED);
        events.add(new ApplicationCorrected(ID, LocalDate.parse("2023-04-01"), CorrectedField.applicantType,
                                            "NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", List.of(), "登记有误"));

        assertThat(cellsIn(2023)).containsExactlyInAnyOrder("NEW" + COMPANY, "DISCLOSED" + COMPANY);
    }

    @Test
    void theYearsAreThoseOfTheBusinessDatesEvenWhenCorrected() {
        received("2023-12-30");
        concluded("2024-01-05", Outcome.DISCLOSED);
        events.add(new ApplicationCorrected(ID, LocalDate.parse("2024-01-06"), CorrectedField.receivedOn,
                                            "2023-12-30", "2024-01-02", List.of(), "收件日期登记有误"));

        assertThat(cellsIn(2023)).isEmpty();
        assertThat(cellsIn(2024)).containsExactlyInAnyOrder("NEW" + PERSON, "DISCLOSED" + PERSON);
    }

    @Test
    void aReopenedApplicationKeepsCountingItsFirstAnswer() {
        received("2023-03-01");
        concluded("2023-03-20", Outcome.WITHHELD_INTERNAL_AFFAIRS);
        events.add(new ApplicationReopened(ID, LocalDate.parse("2024-05-01"), "r-1", null, "复议决定责令重新答复"));
        concluded("2024-05-20", Outcome.DISCLOSED);

        assertThat(cellsIn(2023)).containsExactlyInAnyOrder("NEW" + PERSON, "WITHHELD_INTERNAL_AFFAIRS" + PERSON);
        assertThat(cellsIn(2024)).isEmpty();
    }

    @Test
    void everyCellItCountsInIsARowOfTableThree() {
        received("2022-12-20");
        concluded("2024-01-10", Outcome.NOT_PROCESSED_DUPLICATE);

        Set<CountedCell> cells = ApplicationCounting.cellsOf(ApplicationFacts.fold(events));
        assertThat(cells).hasSize(4);
        assertThat(cells).allSatisfy(cell -> assertThat(ApplicationRow.exists(cell.rowKey())).as(cell.rowKey()).isTrue());
    }

    private void received(String on) {
        events.add(new ApplicationReceived(ID, "xiaoying", LocalDate.parse(on), Channel.ONLINE, ApplicantType.NATURAL_PERSON,
                                           new Applicant("张三", null, null, null, null), "2023年道路维修预算"));
    }

    private void concluded(String on, Outcome outcome) {
        events.add(new ApplicationConcluded(ID, LocalDate.parse(on), outcome, List.of(), null));
    }

    private Set<String> cellsIn(int year) {
        Set<String> cells = new TreeSet<>();
        for (CountedCell cell : ApplicationCounting.cellsOf(ApplicationFacts.fold(events))) {
            if (cell.countsIn(year)) {
                cells.add(cell.rowKey() + "/" + cell.column().name());
            }
        }
        return cells;
    }
}
