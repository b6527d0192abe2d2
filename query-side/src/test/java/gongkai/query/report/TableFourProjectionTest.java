package gongkai.query.report;

import gongkai.events.CaseResult;
import gongkai.events.lawsuit.LawsuitFiled;
import gongkai.events.lawsuit.LawsuitJudged;
import gongkai.events.lawsuit.Route;
import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewFiled;
import gongkai.query.counting.Check;
import gongkai.query.testing.RunningSystem;
import gongkai.query.testing.StoredEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table 四 computed by the real projections on a real PostgreSQL from events, compared with tables
 * computed by hand from docs/annual-report.md's rule ("Table 四"). Each test uses an agency of its own.
 */
class TableFourProjectionTest {

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    /**
     * By hand:
     * <pre>
     * A  review filed 2023-11-20, decided 2024-02-01 CORRECTED      2023 PENDING   2024 CORRECTED
     * B  review filed 2023-03-01, decided 2023-04-30 UPHELD         2023 UPHELD
     * L1 direct lawsuit filed 2023-03-01, judged 2023-09-01 UPHELD (not final: appealed),
     *    appeal judged 2024-05-01 CORRECTED (final)                 2023 PENDING   2024 CORRECTED
     * L2 lawsuit after review B, filed 2023-05-15, final 2023-12-01 OTHER   2023 OTHER
     * L3 lawsuit after review A, filed 2024-06-01, undecided                 2024 PENDING
     *
     *                        UPHELD CORRECTED OTHER PENDING TOTAL
     * 2023 REVIEW               1       0       0      1      2
     *      LAWSUIT_DIRECT       0       0       0      1      1
     *      LAWSUIT_AFTER_REVIEW 0       0       1      0      1
     * 2024 REVIEW               0       1       0      0      1
     *      LAWSUIT_DIRECT       0       1       0      0      1
     *      LAWSUIT_AFTER_REVIEW 0       0       0      1      1
     * </pre>
     */
    @Test
    void casesDecidedInTheNextYearAnAppealAndBothRoutesOfLawsuitCountAsComputedByHand() {
        String a = "four";
        system.events().record(new ReviewFiled("A", a, date("2023-11-20"), null, "县人民政府"), a);
        system.events().record(new ReviewFiled("B", a, date("2023-03-01"), "app-1", null), a);
        system.events().record(new ReviewDecided("B", date("2023-04-30"), CaseResult.UPHELD, null), a);
        system.events().record(new LawsuitFiled("L1", a, date("2023-03-01"), Route.DIRECT, null, null, "区法院"), a);
        system.events().record(new LawsuitJudged("L1", date("2023-09-01"), CaseResult.UPHELD, false), a);
        system.events().record(new LawsuitFiled("L2", a, date("2023-05-15"), Route.AFTER_REVIEW, "B", "app-1", null), a);
        system.events().record(new LawsuitJudged("L2", date("2023-12-01"), CaseResult.OTHER, true), a);
        system.events().record(new ReviewDecided("A", date("2024-02-01"), CaseResult.CORRECTED, "责令重新答复"), a);
        system.events().record(new LawsuitFiled("L3", a, date("2024-06-01"), Route.AFTER_REVIEW, "A", null, null), a);
        Instant beforeAppeal = StoredEvents.between();
        system.events().record(new LawsuitJudged("L1", date("2024-05-01"), CaseResult.CORRECTED, true), a);
        system.events().awaitProjections();

        expect(a, 2023, null, Map.of("REVIEW", List.of(1, 0, 0, 1, 2), "LAWSUIT_DIRECT", List.of(0, 0, 0, 1, 1),
                                     "LAWSUIT_AFTER_REVIEW", List.of(0, 0, 1, 0, 1)));
        expect(a, 2024, null, Map.of("REVIEW", List.of(0, 1, 0, 0, 1), "LAWSUIT_DIRECT", List.of(0, 1, 0, 0, 1),
                                     "LAWSUIT_AFTER_REVIEW", List.of(0, 0, 0, 1, 1)));
        expect(a, 2025, null, Map.of("REVIEW", List.of(0, 0, 0, 0, 0), "LAWSUIT_DIRECT", List.of(0, 0, 0, 0, 0),
                                     "LAWSUIT_AFTER_REVIEW", List.of(0, 0, 0, 1, 1)));
        // Before the appeal's final judgment was recorded, the first-instance judgment left L1 pending.
        expect(a, 2024, beforeAppeal, Map.of("LAWSUIT_DIRECT", List.of(0, 0, 0, 1, 1)));
        for (int year = 2023; year <= 2025; year++) {
            assertThat(checks(a, year)).as("" + year).hasSize(6).allMatch(Check::passed);
        }

        Map<String, Object> pending = system.querySide().context().getBean(FigureSources.class)
                                               .reviewsAndLawsuitsCell(a, 2023, "REVIEW", "PENDING", null);
        assertThat(pending.get("count")).isEqualTo(1);
        assertThat(pending.get("cases")).asList().extracting("reviewId", "filedOn", "decidedOn", "result")
                                        .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                                "A", date("2023-11-20"), date("2024-02-01"), CaseResult.CORRECTED));
        Map<String, Object> direct = system.querySide().context().getBean(FigureSources.class)
                                              .reviewsAndLawsuitsCell(a, 2024, "LAWSUIT_DIRECT", "TOTAL", null);
        assertThat(direct.get("cases")).asList().extracting("lawsuitId", "judgments", "finalJudgmentOn")
                                       .containsExactly(org.assertj.core.groups.Tuple.tuple("L1", 2, date("2024-05-01")));
    }

    @Test
    void theSeedsPendingReconsiderationCountsInTheTotalAndTheCheckPasses() {
        String a = "seed-four";
        system.events().record(new ReviewFiled("S", a, date("2023-08-01"), null, null), a);
        system.events().awaitProjections();

        expect(a, 2023, null, Map.of("REVIEW", List.of(0, 0, 0, 1, 1)));
        assertThat(checks(a, 2023)).filteredOn(c -> c.name().startsWith("TOTAL = UPHELD")).singleElement()
                                   .matches(Check::passed);
    }

    // ---- support ----------------------------------------------------------------------------------

    /** Each group's figures in the order UPHELD, CORRECTED, OTHER, PENDING, TOTAL. */
    private static void expect(String agency, int year, Instant asOf, Map<String, List<Integer>> expected) {
        Map<String, Map<String, Integer>> table = system.reports().report(agency, year, asOf).reviewsAndLawsuits();
        assertThat(table.keySet()).containsExactly("REVIEW", "LAWSUIT_DIRECT", "LAWSUIT_AFTER_REVIEW");
        expected.forEach((group, figures) -> {
            assertThat(table.get(group).keySet()).containsExactly("UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL");
            assertThat(List.copyOf(table.get(group).values())).as(year + " " + group).isEqualTo(figures);
        });
    }

    private static List<Check> checks(String agency, int year) {
        return system.reports().report(agency, year, null).checks();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
