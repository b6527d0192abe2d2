package gongkai.query.counting;

import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DecisionsTallied;
import gongkai.events.proactive.DocumentKind;
import gongkai.events.proactive.FeesCollected;
import gongkai.events.proactive.InformationPublished;
import gongkai.query.counting.ProactiveCounting.DocumentFacts;
import gongkai.query.counting.ProactiveCounting.OpeningBalance;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table 二's counting rules ({@link ProactiveCounting}) against tables computed by hand, year by year.
 * The checks of table 二 are verified on the same tables.
 */
class ProactiveCountingTest {

    private static final String NORMATIVE = "NORMATIVE_DOCUMENTS";
    private static final String RULES = "RULES";

    @Test
    void aDocumentCountsIssuedInItsYearAndInForceAtEveryYearEndUntilItsRepeal() {
        List<Contribution> c = new ArrayList<>(ProactiveCounting.ofDocument(
                document("d", DocumentKind.NORMATIVE_DOCUMENT, "2022-05-01", "2024-02-01"), null));

        assertThat(table(c, 2022)).isEqualTo(Map.of(NORMATIVE + "/issued", 1, NORMATIVE + "/inForce", 1));
        assertThat(table(c, 2023)).isEqualTo(Map.of(NORMATIVE + "/inForce", 1));
        assertThat(table(c, 2024)).isEqualTo(Map.of(NORMATIVE + "/repealed", 1));
        assertThat(table(c, 2025)).isEmpty();
    }

    @Test
    void aDocumentIssuedAndRepealedInTheSameYearIsNeverInForceAtAYearEnd() {
        List<Contribution> c = new ArrayList<>(ProactiveCounting.ofDocument(
                document("d", DocumentKind.RULE, "2024-01-15", "2024-11-30"), null));

        assertThat(table(c, 2024)).isEqualTo(Map.of(RULES + "/issued", 1, RULES + "/repealed", 1));
    }

    /**
     * An agency starts with 2 rules and 10 normative documents in force on 31 December 2022. Hand-computed:
     * <pre>
     *                       2021        2022        2023        2024
     * NORMATIVE issued       1 (N1)      1 (N5)      2 (N2,N3)   1 (N4)
     *           repealed     0           1 (N5)      1 (N1)      2 (N3,N4)
     *           inForce      1 (N1)     10 (balance) 11          10
     * RULES     issued       0           0           0           1 (R1)
     *           inForce      0           2           2           3
     * </pre>
     * 2023: 10 + 2 − 1 = 11; 2024: 11 + 1 − 2 = 10 and 2 + 1 − 0 = 3. N1 (issued before the balance date)
     * is in the balance, and its repeal in 2023 takes it out; N5 was repealed before the balance date,
     * so the balance never held it.
     */
    @Test
    void inForceAcrossThreeYearsWithAnOpeningBalanceFollowsIssuesAndRepeals() {
        OpeningBalance balance = new OpeningBalance(LocalDate.parse("2022-12-31"), 2, 10);
        List<Contribution> c = new ArrayList<>(ProactiveCounting.ofOpeningBalance(balance));
        for (DocumentFacts d : List.of(
                document("N1", DocumentKind.NORMATIVE_DOCUMENT, "2021-04-01", "2023-05-10"),
                document("N2", DocumentKind.NORMATIVE_DOCUMENT, "2023-02-01", null),
                document("N3", DocumentKind.NORMATIVE_DOCUMENT, "2023-06-01", "2024-03-01"),
                document("N4", DocumentKind.NORMATIVE_DOCUMENT, "2024-01-15", "2024-11-30"),
                document("N5", DocumentKind.NORMATIVE_DOCUMENT, "2022-03-01", "2022-10-01"),
                document("R1", DocumentKind.RULE, "2024-07-01", null))) {
            c.addAll(ProactiveCounting.ofDocument(d, balance));
        }

        assertThat(table(c, 2021)).isEqualTo(Map.of(NORMATIVE + "/issued", 1, NORMATIVE + "/inForce", 1));
        assertThat(table(c, 2022)).isEqualTo(Map.of(NORMATIVE + "/issued", 1, NORMATIVE + "/repealed", 1,
                                                    NORMATIVE + "/inForce", 10, RULES + "/inForce", 2));
        assertThat(table(c, 2023)).isEqualTo(Map.of(NORMATIVE + "/issued", 2, NORMATIVE + "/repealed", 1,
                                                    NORMATIVE + "/inForce", 11, RULES + "/inForce", 2));
        assertThat(table(c, 2024)).isEqualTo(Map.of(NORMATIVE + "/issued", 1, NORMATIVE + "/repealed", 2,
                                                    NORMATIVE + "/inForce", 10, RULES + "/issued", 1,
                                                    RULES + "/inForce", 3));

        LocalDate balanceOn = balance.asOf();
        assertThat(TableTwoChecks.check(tableTwo(c, 2023), tableTwo(c, 2022), 2023, balanceOn).get(0).passed()).isTrue();
        assertThat(TableTwoChecks.check(tableTwo(c, 2024), tableTwo(c, 2023), 2024, balanceOn).get(0).passed()).isTrue();
        assertThat(TableTwoChecks.check(tableTwo(c, 2022), tableTwo(c, 2021), 2022, balanceOn).get(0).detail())
                .contains("不适用");
    }

    @Test
    void theInForceCheckNamesTheKindAndTheFiguresWhenItFails() {
        List<Contribution> c = new ArrayList<>(ProactiveCounting.ofDocument(
                document("d", DocumentKind.RULE, "2023-03-01", null), null));
        // a table of 2022 that claims one rule in force, which 2023 does not carry on
        List<Contribution> wrongBefore = List.of(Contribution.count(RULES, "inForce", 2022, 2022, null, null));

        Check check = TableTwoChecks.check(tableTwo(c, 2023), tableTwo(wrongBefore, 2022), 2023, null).get(0);

        assertThat(check.passed()).isFalse();
        assertThat(check.name()).isEqualTo("inForce of 2023 = inForce of 2022 + issued − repealed");
        assertThat(check.detail()).contains("RULES: 1 + 1 − 0 = 2 ≠ 1");
    }

    @Test
    void talliesCountTheirDecisionsInTheYearOfTheirPeriod() {
        List<Contribution> c = new ArrayList<>();
        c.addAll(ProactiveCounting.ofTally(new DecisionsTallied("a", "t1", DecisionCategory.LICENSING,
                                                                LocalDate.parse("2023-01-01"), LocalDate.parse("2023-06-30"), 200)));
        c.addAll(ProactiveCounting.ofTally(new DecisionsTallied("a", "t2", DecisionCategory.LICENSING,
                                                                LocalDate.parse("2023-07-01"), LocalDate.parse("2023-12-31"), 74)));
        c.addAll(ProactiveCounting.ofTally(new DecisionsTallied("a", "t3", DecisionCategory.PENALTY,
                                                                LocalDate.parse("2023-12-01"), LocalDate.parse("2023-12-31"), 5)));
        c.addAll(ProactiveCounting.ofTally(new DecisionsTallied("a", "t4", DecisionCategory.COERCION,
                                                                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-31"), 0)));

        assertThat(table(c, 2023)).isEqualTo(Map.of("LICENSING/decisions", 274, "PENALTY/decisions", 5));
        assertThat(table(c, 2024)).isEqualTo(Map.of("COERCION/decisions", 0));
    }

    @Test
    void feesAreSummedInYuanAndShownInTenThousandYuanWithFourPlacesRoundedHalfUp() {
        List<Contribution> c = new ArrayList<>();
        c.addAll(ProactiveCounting.ofFee(new FeesCollected("a", "f1", LocalDate.parse("2023-03-01"), new BigDecimal("1250.50"))));
        c.addAll(ProactiveCounting.ofFee(new FeesCollected("a", "f2", LocalDate.parse("2023-09-01"), new BigDecimal("0.45"))));
        c.addAll(ProactiveCounting.ofFee(new FeesCollected("a", "f3", LocalDate.parse("2024-01-02"), new BigDecimal("99"))));

        assertThat(tableTwo(c, 2023).rows().get("FEES").get("amountTenThousandYuan")).isEqualTo("0.1251"); // 0.125095
        assertThat(tableTwo(c, 2024).rows().get("FEES").get("amountTenThousandYuan")).isEqualTo("0.0099");
        assertThat(tableTwo(c, 2025).rows().get("FEES").get("amountTenThousandYuan")).isEqualTo("0.0000");
        assertThat(ProactiveCounting.tenThousandYuan(new BigDecimal("123456.78"))).isEqualTo("12.3457");
        assertThat(ProactiveCounting.tenThousandYuan(new BigDecimal("0.50"))).isEqualTo("0.0001");
    }

    @Test
    void anItemPublishedCountsUnderItsCategoryInItsYear() {
        assertThat(ProactiveCounting.ofPublication(new InformationPublished("a", "p", "行政许可类", "准予许可决定书",
                                                                            LocalDate.parse("2023-05-01"))))
                .containsExactly(Contribution.count("PUBLISHED", "行政许可类", 2023, 2023, LocalDate.parse("2023-05-01"),
                                                    "准予许可决定书"));
    }

    // ---- support ----------------------------------------------------------------------------------

    private static DocumentFacts document(String id, DocumentKind kind, String issuedOn, String repealedOn) {
        return new DocumentFacts(id, "a", kind, "文件" + id, LocalDate.parse(issuedOn),
                                 repealedOn == null ? null : LocalDate.parse(repealedOn));
    }

    /** The non-empty figures of a year ("ROW/column" → sum), as the contributions give them. */
    static Map<String, Integer> table(List<Contribution> contributions, int year) {
        Map<String, Integer> table = new HashMap<>();
        for (Contribution c : contributions) {
            if (c.countsIn(year)) {
                table.merge(c.rowKey() + "/" + c.columnKey(), c.value().intValueExact(), Integer::sum);
            }
        }
        return table;
    }

    private static TableTwo tableTwo(List<Contribution> contributions, int year) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Contribution c : contributions) {
            if (c.countsIn(year)) {
                sums.merge(c.rowKey() + "/" + c.columnKey(), c.value(), BigDecimal::add);
            }
        }
        return TableTwo.of(sums.entrySet().stream().map(e -> new CellSum(
                e.getKey().split("/")[0], e.getKey().split("/")[1], e.getValue())).toList());
    }
}
