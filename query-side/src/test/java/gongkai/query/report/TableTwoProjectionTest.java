package gongkai.query.report;

import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DecisionsTallied;
import gongkai.events.proactive.DocumentIssued;
import gongkai.events.proactive.DocumentKind;
import gongkai.events.proactive.DocumentRepealed;
import gongkai.events.proactive.FeesCollected;
import gongkai.events.proactive.InformationPublished;
import gongkai.events.proactive.OpeningBalanceRecorded;
import gongkai.query.counting.Check;
import gongkai.query.testing.RunningSystem;
import gongkai.query.testing.StoredEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table 二 computed by the real projection on a real PostgreSQL from events, compared with tables
 * computed by hand from docs/annual-report.md's rules ("Table 二"). Each test uses an agency of its own.
 */
class TableTwoProjectionTest {

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    /**
     * The agency records two old documents, then its opening balance (2 rules, 10 normative documents in
     * force on 31 December 2022), then the documents of 2023 and 2024, and one more old document. By hand:
     * <pre>
     *                         2020  2021  2022  2023  2024
     * NORMATIVE issued          1     1     1     2     1
     *           repealed        0     0     1     1     2
     *           inForce         1     2    10    11    10
     * RULES     issued          0     0     0     0     1
     *           inForce         0     0     2     2     3
     * </pre>
     * Before the balance's year the system counts the documents it knows (N6 from 2020, N1 from 2021); from
     * 2022 the balance holds every document issued on or before its date (N1, N6), and N1's repeal in
     * 2023 takes it out: 10 + 2 − 1 = 11, then 11 + 1 − 2 = 10 and 2 + 1 − 0 = 3.
     */
    @Test
    void inForceIsAStockOverThreeYearsFromAnOpeningBalanceRecordedAfterOlderDocuments() {
        String a = "three-years";
        issue(a, "N1", DocumentKind.NORMATIVE_DOCUMENT, "2021-04-01");
        issue(a, "N5", DocumentKind.NORMATIVE_DOCUMENT, "2022-03-01");
        system.events().record(new DocumentRepealed("N5", date("2022-10-01")), a);
        Instant beforeBalance = StoredEvents.between();
        system.events().record(new OpeningBalanceRecorded(a, date("2022-12-31"), 2, 10), a);
        issue(a, "N2", DocumentKind.NORMATIVE_DOCUMENT, "2023-02-01");
        issue(a, "N3", DocumentKind.NORMATIVE_DOCUMENT, "2023-06-01");
        system.events().record(new DocumentRepealed("N1", date("2023-05-10")), a);
        issue(a, "N4", DocumentKind.NORMATIVE_DOCUMENT, "2024-01-15");
        system.events().record(new DocumentRepealed("N4", date("2024-11-30")), a);
        issue(a, "R1", DocumentKind.RULE, "2024-07-01");
        system.events().record(new DocumentRepealed("N3", date("2024-03-01")), a);
        issue(a, "N6", DocumentKind.NORMATIVE_DOCUMENT, "2020-01-01"); // an old one, recorded last
        system.events().awaitProjections();

        expect(a, 2020, documents(0, 0, 0, 1, 0, 1));
        expect(a, 2021, documents(0, 0, 0, 1, 0, 2));
        expect(a, 2022, documents(0, 0, 2, 1, 1, 10));
        expect(a, 2023, documents(0, 0, 2, 2, 1, 11));
        expect(a, 2024, documents(1, 0, 3, 1, 2, 10));
        for (int year = 2021; year <= 2024; year++) {
            assertThat(checks(a, year)).as("" + year).hasSize(6).allMatch(Check::passed);
        }
        assertThat(check(a, 2022).detail()).contains("不适用");
        assertThat(check(a, 2024).name()).isEqualTo("inForce of 2024 = inForce of 2023 + issued − repealed");

        // As the system knew it before the balance was recorded: only the documents then known.
        assertThat(proactive(system.reports().report(a, 2022, beforeBalance)).get("NORMATIVE_DOCUMENTS"))
                .isEqualTo(Map.of("issued", 1, "repealed", 1, "inForce", 1));

        // The sources behind 2023's normative documents in force: the balance, N1 taken out, N2 and N3.
        Map<String, Object> cell = system.querySide().context().getBean(FigureSources.class)
                                            .proactiveCell(a, 2023, "NORMATIVE_DOCUMENTS", "inForce", null);
        assertThat(cell.get("value")).isEqualTo(11);
        assertThat(cell.get("sources")).asList().extracting("kind", "id", "value").containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("OPENING_BALANCE", a, 10),
                org.assertj.core.groups.Tuple.tuple("DOCUMENT", "N1", -1),
                org.assertj.core.groups.Tuple.tuple("DOCUMENT", "N2", 1),
                org.assertj.core.groups.Tuple.tuple("DOCUMENT", "N3", 1));
    }

    @Test
    void decisionsAreTheTalliesOfTheYearAndFeesTheirSumInTenThousandYuan() {
        String a = "tallies";
        tally(a, DecisionCategory.LICENSING, "2023-01-01", "2023-06-30", 200);
        tally(a, DecisionCategory.LICENSING, "2023-07-01", "2023-12-31", 74);
        tally(a, DecisionCategory.PENALTY, "2023-01-01", "2023-12-31", 5);
        tally(a, DecisionCategory.COERCION, "2024-01-01", "2024-01-31", 3);
        system.events().record(new FeesCollected(a, UUID.randomUUID().toString(), date("2023-03-01"), new BigDecimal("1250.50")), a);
        system.events().record(new FeesCollected(a, UUID.randomUUID().toString(), date("2023-09-01"), new BigDecimal("0.45")), a);
        system.events().record(new FeesCollected(a, UUID.randomUUID().toString(), date("2024-02-01"), new BigDecimal("30000.00")), a);
        system.events().awaitProjections();

        Map<String, Map<String, Object>> y2023 = proactive(system.reports().report(a, 2023, null));
        assertThat(y2023.get("LICENSING")).isEqualTo(Map.of("decisions", 274));
        assertThat(y2023.get("PENALTY")).isEqualTo(Map.of("decisions", 5));
        assertThat(y2023.get("COERCION")).isEqualTo(Map.of("decisions", 0));
        assertThat(y2023.get("FEES")).isEqualTo(Map.of("amountTenThousandYuan", "0.1251"));
        Map<String, Map<String, Object>> y2024 = proactive(system.reports().report(a, 2024, null));
        assertThat(y2024.get("LICENSING")).isEqualTo(Map.of("decisions", 0));
        assertThat(y2024.get("COERCION")).isEqualTo(Map.of("decisions", 3));
        assertThat(y2024.get("FEES")).isEqualTo(Map.of("amountTenThousandYuan", "3.0000"));

        Map<String, Object> fees = system.querySide().context().getBean(FigureSources.class)
                                            .proactiveCell(a, 2023, "FEES", "amountTenThousandYuan", null);
        assertThat(fees.get("value")).isEqualTo("0.1251");
        assertThat(fees.get("sources")).asList().extracting("amountYuan").containsExactly("1250.50", "0.45");
    }

    @Test
    void itemsPublishedAreCountedByCategoryForSectionOne() {
        String a = "published";
        for (String category : List.of("行政许可类", "行政许可类", "工作动态", "行政许可类", "其他")) {
            system.events().record(new InformationPublished(a, UUID.randomUUID().toString(), category, "标题", date("2023-05-01")), a);
        }
        system.events().record(new InformationPublished(a, UUID.randomUUID().toString(), "工作动态", "标题", date("2024-01-02")), a);
        system.events().awaitProjections();

        AnnualReport report = system.reports().report(a, 2023, null);
        assertThat(report.publishedItems()).isEqualTo(new AnnualReport.PublishedItems(
                5, ordered("行政许可类", 3, "工作动态", 1, "其他", 1)));
        assertThat(report.overviewDraft()).startsWith("2023年，本机关主动公开政府信息5条。主动公开政府信息主要类别有："
                                                                     + "行政许可类3条；工作动态1条；其他1条。");
    }

    @Test
    void anAgencyWithNothingRecordedGetsAZeroTableWithItsCheckPassing() {
        AnnualReport report = system.reports().report("nothing-here", 2023, null);
        expect("nothing-here", 2023, documents(0, 0, 0, 0, 0, 0));
        assertThat(proactive(report).get("FEES")).isEqualTo(Map.of("amountTenThousandYuan", "0.0000"));
        assertThat(check("nothing-here", 2023).passed()).isTrue();
    }

    // ---- support ----------------------------------------------------------------------------------

    private static void issue(String agency, String id, DocumentKind kind, String issuedOn) {
        system.events().record(new DocumentIssued(id, agency, kind, "文件" + id, date(issuedOn)), agency);
    }

    private static void tally(String agency, DecisionCategory category, String from, String to, int count) {
        system.events().record(new DecisionsTallied(agency, UUID.randomUUID().toString(), category, date(from), date(to), count),
                      agency);
    }

    /** Rules issued, repealed, in force; normative documents issued, repealed, in force. */
    private static Map<String, Map<String, Integer>> documents(int rulesIssued, int rulesRepealed, int rulesInForce,
                                                               int issued, int repealed, int inForce) {
        return Map.of("RULES", Map.of("issued", rulesIssued, "repealed", rulesRepealed, "inForce", rulesInForce),
                      "NORMATIVE_DOCUMENTS", Map.of("issued", issued, "repealed", repealed, "inForce", inForce));
    }

    private static void expect(String agency, int year, Map<String, Map<String, Integer>> expected) {
        Map<String, Map<String, Object>> table = proactive(system.reports().report(agency, year, null));
        assertThat(table.keySet()).containsExactly("RULES", "NORMATIVE_DOCUMENTS", "LICENSING", "PENALTY", "COERCION", "FEES");
        expected.forEach((row, figures) -> assertThat(table.get(row)).as(year + " " + row).isEqualTo(figures));
    }

    private static Map<String, Map<String, Object>> proactive(AnnualReport report) {
        return report.proactive();
    }

    private static List<Check> checks(String agency, int year) {
        return system.reports().report(agency, year, null).checks();
    }

    private static Check check(String agency, int year) {
        return checks(agency, year).stream().filter(c -> c.name().startsWith("inForce")).findFirst().orElseThrow();
    }

    private static Map<String, Integer> ordered(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return map;
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
