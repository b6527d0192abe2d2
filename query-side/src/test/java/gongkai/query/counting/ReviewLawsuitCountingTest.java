package gongkai.query.counting;

import gongkai.events.CaseResult;
import gongkai.events.lawsuit.Route;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static gongkai.query.counting.ProactiveCountingTest.table;
import static org.assertj.core.api.Assertions.assertThat;

/** Table 四's counting rule ({@link ReviewLawsuitCounting}) against tables computed by hand, year by year. */
class ReviewLawsuitCountingTest {

    @Test
    void aReviewFiledInOneYearAndDecidedInTheNextIsPendingThenCountedUnderItsResult() {
        List<Contribution> c = contributions(ReviewLawsuitCounting.review(date("2023-11-20"), date("2024-02-01"),
                                                                          CaseResult.CORRECTED));

        assertThat(table(c, 2023)).isEqualTo(Map.of("REVIEW/PENDING", 1, "REVIEW/TOTAL", 1));
        assertThat(table(c, 2024)).isEqualTo(Map.of("REVIEW/CORRECTED", 1, "REVIEW/TOTAL", 1));
        assertThat(table(c, 2022)).isEmpty();
        assertThat(table(c, 2025)).isEmpty();
    }

    @Test
    void aReviewFiledAndDecidedInTheSameYearCountsOnceUnderItsResult() {
        List<Contribution> c = contributions(ReviewLawsuitCounting.review(date("2023-03-01"), date("2023-04-30"),
                                                                          CaseResult.UPHELD));

        assertThat(table(c, 2023)).isEqualTo(Map.of("REVIEW/UPHELD", 1, "REVIEW/TOTAL", 1));
    }

    @Test
    void anUndecidedCaseCountsAsPendingInEveryYearFromItsFiling() {
        List<Contribution> c = contributions(ReviewLawsuitCounting.review(date("2022-12-30"), null, null));

        for (int year = 2022; year <= 2026; year++) {
            assertThat(table(c, year)).as("" + year).isEqualTo(Map.of("REVIEW/PENDING", 1, "REVIEW/TOTAL", 1));
        }
        assertThat(table(c, 2021)).isEmpty();
    }

    @Test
    void aCaseDecidedTwoYearsAfterItsFilingIsPendingInTheYearsBetween() {
        List<Contribution> c = contributions(ReviewLawsuitCounting.lawsuit(Route.DIRECT, date("2022-06-01"),
                                                                           date("2024-01-05"), CaseResult.OTHER));

        assertThat(table(c, 2022)).isEqualTo(Map.of("LAWSUIT_DIRECT/PENDING", 1, "LAWSUIT_DIRECT/TOTAL", 1));
        assertThat(table(c, 2023)).isEqualTo(Map.of("LAWSUIT_DIRECT/PENDING", 1, "LAWSUIT_DIRECT/TOTAL", 1));
        assertThat(table(c, 2024)).isEqualTo(Map.of("LAWSUIT_DIRECT/OTHER", 1, "LAWSUIT_DIRECT/TOTAL", 1));
    }

    @Test
    void aLawsuitCountsInTheGroupOfItsRoute() {
        List<Contribution> c = contributions(ReviewLawsuitCounting.lawsuit(Route.AFTER_REVIEW, date("2023-05-01"),
                                                                           date("2023-10-01"), CaseResult.UPHELD));

        assertThat(table(c, 2023)).isEqualTo(Map.of("LAWSUIT_AFTER_REVIEW/UPHELD", 1, "LAWSUIT_AFTER_REVIEW/TOTAL", 1));
    }

    /**
     * Hand-computed for 2023: REVIEW UPHELD 1, PENDING 2 (one filed in 2022, one in December), TOTAL 3;
     * LAWSUIT_DIRECT CORRECTED 1, TOTAL 1; LAWSUIT_AFTER_REVIEW PENDING 1, TOTAL 1. Each group's TOTAL
     * equals the sum of its four figures, so the check passes.
     */
    @Test
    void severalCasesAddUpAndTheCheckPasses() {
        List<Contribution> c = new ArrayList<>();
        c.addAll(ReviewLawsuitCounting.contributionsOf(ReviewLawsuitCounting.review(date("2022-10-01"), null, null)));
        c.addAll(ReviewLawsuitCounting.contributionsOf(ReviewLawsuitCounting.review(date("2023-02-01"), date("2023-05-01"),
                                                                                    CaseResult.UPHELD)));
        c.addAll(ReviewLawsuitCounting.contributionsOf(ReviewLawsuitCounting.review(date("2023-12-20"), date("2024-01-20"),
                                                                                    CaseResult.UPHELD)));
        c.addAll(ReviewLawsuitCounting.contributionsOf(ReviewLawsuitCounting.review(date("2022-01-05"), date("2022-03-01"),
                                                                                    CaseResult.OTHER)));
        c.addAll(ReviewLawsuitCounting.contributionsOf(ReviewLawsuitCounting.lawsuit(Route.DIRECT, date("2023-01-10"),
                                                                                     date("2023-11-11"), CaseResult.CORRECTED)));
        c.addAll(ReviewLawsuitCounting.contributionsOf(ReviewLawsuitCounting.lawsuit(Route.AFTER_REVIEW, date("2023-06-01"),
                                                                                     null, null)));

        assertThat(table(c, 2023)).isEqualTo(Map.of("REVIEW/UPHELD", 1, "REVIEW/PENDING", 2, "REVIEW/TOTAL", 3,
                                                    "LAWSUIT_DIRECT/CORRECTED", 1, "LAWSUIT_DIRECT/TOTAL", 1,
                                                    "LAWSUIT_AFTER_REVIEW/PENDING", 1, "LAWSUIT_AFTER_REVIEW/TOTAL", 1));
        assertThat(TableFourChecks.check(tableFour(c, 2023)).get(0).passed()).isTrue();
    }

    @Test
    void theCheckNamesTheGroupThatFailsAsTheSeedDoes() {
        // The seed's table 四: 行政复议 尚未审结 1, 总计 0.
        TableFour seed = TableFour.of(List.of(new CellSum("REVIEW", "PENDING", java.math.BigDecimal.ONE)));

        Check check = TableFourChecks.check(seed).get(0);

        assertThat(check.passed()).isFalse();
        assertThat(check.name()).isEqualTo("TOTAL = UPHELD + CORRECTED + OTHER + PENDING");
        assertThat(check.detail()).contains("REVIEW: 1 ≠ 0");
    }

    private static List<Contribution> contributions(ReviewLawsuitCounting.CaseFacts facts) {
        return new ArrayList<>(ReviewLawsuitCounting.contributionsOf(facts));
    }

    private static TableFour tableFour(List<Contribution> contributions, int year) {
        return TableFour.of(table(contributions, year).entrySet().stream()
                                                      .map(e -> new CellSum(e.getKey().split("/")[0],
                                                                                      e.getKey().split("/")[1],
                                                                                      java.math.BigDecimal.valueOf(e.getValue())))
                                                      .toList());
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
