package gongkai.query.report;

import gongkai.command.testing.RunningCommandSide;
import gongkai.events.MetaDataKeys;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.Outcome;
import gongkai.query.counting.Check;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static gongkai.events.application.ApplicantType.COMMERCIAL_ENTERPRISE;
import static gongkai.events.application.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table 三 computed by the real projection on a real PostgreSQL from events, compared with tables
 * computed by hand from docs/annual-report.md's counting rules ("Table 三"). Each test uses an agency of its own.
 */
class TableThreeProjectionTest {

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static EventStore eventStore;
    private static AnnualReports reports;
    private static final Map<String, Long> sequences = new HashMap<>();

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        eventStore = querySide.context().getBean(EventStore.class);
        reports = querySide.context().getBean(AnnualReports.class);
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void aCaseReceivedInLateDecemberAndAnsweredInJanuaryIsNewAndCarriedForwardThenCarriedOverAndAnswered() {
        String id = received("rule-2-3-6", "2023-12-28", NATURAL_PERSON);
        record(id, new ApplicationConcluded(id, LocalDate.parse("2024-01-10"), Outcome.DISCLOSED, List.of(), null));

        Table y2023 = table("rule-2-3-6", 2023);
        y2023.expect("NEW", NATURAL_PERSON, 1).expect("CARRIED_FORWARD", NATURAL_PERSON, 1).expectNothingElse();
        Table y2024 = table("rule-2-3-6", 2024);
        y2024.expect("CARRIED_OVER", NATURAL_PERSON, 1).expect("DISCLOSED", NATURAL_PERSON, 1)
             .expect("RESULT_TOTAL", NATURAL_PERSON, 1).expectNothingElse();
        assertThat(y2024.allChecksPass()).isTrue();
        assertThat(y2024.check("CARRIED_OVER of 2024 = CARRIED_FORWARD of 2023")).contains("每一列");
    }

    @Test
    void aPartlyDisclosedAnswerCountsOnceWhateverItsWithheldReasons() {
        String id = received("rule-4-partial", "2023-03-01", COMMERCIAL_ENTERPRISE);
        record(id, new ApplicationConcluded(id, LocalDate.parse("2023-03-20"), Outcome.PARTIALLY_DISCLOSED,
                                            List.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS, Outcome.UNAVAILABLE_NOT_HELD), null));

        table("rule-4-partial", 2023).expect("NEW", COMMERCIAL_ENTERPRISE, 1)
                                     .expect("PARTIALLY_DISCLOSED", COMMERCIAL_ENTERPRISE, 1)
                                     .expect("RESULT_TOTAL", COMMERCIAL_ENTERPRISE, 1).expectNothingElse();
    }

    @Test
    void aWithdrawalCountsUnderOther() {
        String id = received("rule-4-withdrawal", "2023-05-08", NATURAL_PERSON);
        record(id, new ApplicationWithdrawn(id, LocalDate.parse("2023-05-09")));

        table("rule-4-withdrawal", 2023).expect("NEW", NATURAL_PERSON, 1).expect("OTHER_OTHER", NATURAL_PERSON, 1)
                                        .expect("RESULT_TOTAL", NATURAL_PERSON, 1).expectNothingElse();
    }

    @Test
    void anUnansweredCaseIsCarriedOverAndForwardEveryYearUntilAnswered() {
        received("open-for-years", "2022-06-01", NATURAL_PERSON);

        table("open-for-years", 2022).expect("NEW", NATURAL_PERSON, 1).expect("CARRIED_FORWARD", NATURAL_PERSON, 1)
                                     .expectNothingElse();
        for (int year = 2023; year <= 2025; year++) {
            table("open-for-years", year).expect("CARRIED_OVER", NATURAL_PERSON, 1)
                                         .expect("CARRIED_FORWARD", NATURAL_PERSON, 1).expectNothingElse();
        }
    }

    @Test
    void anApplicantTypeCorrectionMovesTheCaseInEveryYearItAppearsIn() {
        String id = received("rule-1-correction", "2023-11-01", NATURAL_PERSON);
        record(id, new ApplicationConcluded(id, LocalDate.parse("2024-02-01"), Outcome.UNAVAILABLE_NOT_HELD, List.of(), null));
        record(id, new ApplicationCorrected(id, LocalDate.parse("2024-03-01"), CorrectedField.applicantType,
                                            "NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", List.of(), "录入错误"));

        table("rule-1-correction", 2023).expect("NEW", COMMERCIAL_ENTERPRISE, 1)
                                        .expect("CARRIED_FORWARD", COMMERCIAL_ENTERPRISE, 1).expectNothingElse();
        table("rule-1-correction", 2024).expect("CARRIED_OVER", COMMERCIAL_ENTERPRISE, 1)
                                        .expect("UNAVAILABLE_NOT_HELD", COMMERCIAL_ENTERPRISE, 1)
                                        .expect("RESULT_TOTAL", COMMERCIAL_ENTERPRISE, 1).expectNothingElse();
    }

    @Test
    void anOutcomeCorrectionMovesTheCaseToTheCorrectedRow() {
        String id = received("rule-4-outcome-correction", "2023-04-03", NATURAL_PERSON);
        record(id, new ApplicationConcluded(id, LocalDate.parse("2023-04-20"), Outcome.DISCLOSED, List.of(), null));
        record(id, new ApplicationCorrected(id, LocalDate.parse("2023-05-01"), CorrectedField.outcome,
                                            "DISCLOSED", "NOT_PROCESSED_DUPLICATE", List.of(), "实为重复申请"));

        table("rule-4-outcome-correction", 2023).expect("NEW", NATURAL_PERSON, 1)
                                                .expect("NOT_PROCESSED_DUPLICATE", NATURAL_PERSON, 1)
                                                .expect("RESULT_TOTAL", NATURAL_PERSON, 1).expectNothingElse();
    }

    @Test
    void aBackdatedReceiptCorrectionMovesTheCaseIntoTheEarlierYearAndTheOldTableStaysReadable() {
        String id = received("rule-7-backdated", "2024-01-05", NATURAL_PERSON);
        record(id, new ApplicationConcluded(id, LocalDate.parse("2024-01-20"), Outcome.DISCLOSED, List.of(), null));
        Instant beforeCorrection = betweenMilliseconds(); // the event store keeps instants to the millisecond
        // A letter signed for on 28 December belongs to the old year (rule 7), whenever it was logged.
        record(id, new ApplicationCorrected(id, LocalDate.parse("2024-02-01"), CorrectedField.receivedOn,
                                            "2024-01-05", "2023-12-28", List.of(), "签收日期录入错误"));

        table("rule-7-backdated", 2023).expect("NEW", NATURAL_PERSON, 1).expect("CARRIED_FORWARD", NATURAL_PERSON, 1)
                                       .expectNothingElse();
        table("rule-7-backdated", 2024).expect("CARRIED_OVER", NATURAL_PERSON, 1).expect("DISCLOSED", NATURAL_PERSON, 1)
                                       .expect("RESULT_TOTAL", NATURAL_PERSON, 1).expectNothingElse();
        new Table(reports.report("rule-7-backdated", 2024, beforeCorrection))
                .expect("NEW", NATURAL_PERSON, 1).expect("DISCLOSED", NATURAL_PERSON, 1)
                .expect("RESULT_TOTAL", NATURAL_PERSON, 1).expectNothingElse();
    }

    @Test
    void severalCasesAddUpWithEveryCheckPassing() {
        // Hand-computed for 2023: NEW 3 (2 natural persons, 1 law firm); CARRIED_OVER 1 (from 2022);
        // results: DISCLOSED 1 natural person (the 2022 case), NOT_PROCESSED_PETITION 1 natural person;
        // CARRIED_FORWARD 2 (1 natural person, 1 law firm). 3 + 1 = 2 + 2.
        String old = received("mixed", "2022-12-30", NATURAL_PERSON);
        record(old, new ApplicationConcluded(old, LocalDate.parse("2023-01-16"), Outcome.DISCLOSED, List.of(), null));
        String a = received("mixed", "2023-02-01", NATURAL_PERSON);
        record(a, new ApplicationConcluded(a, LocalDate.parse("2023-02-10"), Outcome.NOT_PROCESSED_PETITION, List.of(), null));
        received("mixed", "2023-12-01", NATURAL_PERSON);
        received("mixed", "2023-12-20", ApplicantType.LEGAL_SERVICE_INSTITUTION);

        Table y2023 = table("mixed", 2023);
        y2023.expect("NEW", NATURAL_PERSON, 2).expect("NEW", ApplicantType.LEGAL_SERVICE_INSTITUTION, 1)
             .expect("CARRIED_OVER", NATURAL_PERSON, 1)
             .expect("DISCLOSED", NATURAL_PERSON, 1).expect("NOT_PROCESSED_PETITION", NATURAL_PERSON, 1)
             .expect("RESULT_TOTAL", NATURAL_PERSON, 2)
             .expect("CARRIED_FORWARD", NATURAL_PERSON, 1).expect("CARRIED_FORWARD", ApplicantType.LEGAL_SERVICE_INSTITUTION, 1)
             .expectNothingElse();
        assertThat(y2023.total("NEW")).isEqualTo(3);
        assertThat(y2023.total("CARRIED_FORWARD")).isEqualTo(2);
        assertThat(y2023.allChecksPass()).isTrue();
    }

    @Test
    void anAgencyWithNoApplicationsGetsAnAllZeroTableWithEveryCheckPassing() {
        Table empty = table("xiaoying-seed", 2023);
        empty.expectNothingElse();
        assertThat(empty.allChecksPass()).isTrue();
        // table 三's four check relations, beside those of tables 二 and 四
        assertThat(empty.report.checks()).extracting(Check::name)
                .contains("NEW + CARRIED_OVER = RESULT_TOTAL + CARRIED_FORWARD", "RESULT_TOTAL = sum of outcome rows",
                          "TOTAL = sum of the six applicant columns", "CARRIED_OVER of 2023 = CARRIED_FORWARD of 2022");
    }

    @Test
    void theTallyOfTableThreeCountsExactlyTheOpenCellsHoweverTheEventsFallIntoBatches() {
        // Cells opened and closed again within one batch, and stored cells closed by a later batch.
        for (int i = 0; i < 30; i++) {
            String id = received("tally", "2023-12-" + (10 + i % 20), i % 2 == 0 ? NATURAL_PERSON : COMMERCIAL_ENTERPRISE);
            if (i % 3 != 0) {
                record(id, new ApplicationConcluded(id, LocalDate.parse("2024-01-0" + (1 + i % 9)), Outcome.DISCLOSED, List.of(), null));
            }
            if (i % 10 == 0) { // natural persons: 0, 10 and 20
                record(id, new ApplicationCorrected(id, LocalDate.parse("2024-02-01"), CorrectedField.applicantType,
                                                    "NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", List.of(), "录入错误"));
            }
        }
        table("tally", 2024);
        String id = received("tally", "2024-03-01", NATURAL_PERSON);
        record(id, new ApplicationWithdrawn(id, LocalDate.parse("2024-03-02")));
        // Hand-computed: 30 received in December 2023, 12 natural persons and 18 enterprises once corrected;
        // the 20 with i % 3 != 0 answered in January (8 and 12), the 10 others carried forward (4 and 6).
        table("tally", 2024).expect("CARRIED_OVER", NATURAL_PERSON, 12).expect("CARRIED_OVER", COMMERCIAL_ENTERPRISE, 18)
                            .expect("NEW", NATURAL_PERSON, 1)
                            .expect("DISCLOSED", NATURAL_PERSON, 8).expect("DISCLOSED", COMMERCIAL_ENTERPRISE, 12)
                            .expect("OTHER_OTHER", NATURAL_PERSON, 1).expect("RESULT_TOTAL", NATURAL_PERSON, 9)
                            .expect("RESULT_TOTAL", COMMERCIAL_ENTERPRISE, 12)
                            .expect("CARRIED_FORWARD", NATURAL_PERSON, 4).expect("CARRIED_FORWARD", COMMERCIAL_ENTERPRISE, 6)
                            .expectNothingElse();

        JdbcTemplate jdbc = querySide.context().getBean(JdbcTemplate.class);
        String tally = "select agency_id, first_year, last_year, row_key, column_key, applications "
                       + "from application_tally where applications <> 0";
        String cells = "select agency_id, first_year, last_year, row_key, column_key, count(*) "
                       + "from application_cell where valid_to is null group by 1, 2, 3, 4, 5";
        Long disagreeing = jdbc.queryForObject("select count(*) from ((" + tally + " except " + cells + ") union all ("
                                               + cells + " except " + tally + ")) differences", Long.class);
        assertThat(disagreeing).isZero();
    }

    // ---- test support ------------------------------------------------------------------------

    private static String received(String agencyId, String receivedOn, ApplicantType type) {
        String id = UUID.randomUUID().toString();
        record(id, new ApplicationReceived(id, agencyId, LocalDate.parse(receivedOn), Channel.MAIL, type,
                                           new Applicant("张三", null, null, null, null), "请求"), agencyId);
        return id;
    }

    private static void record(String id, ApplicationEvent event) {
        record(id, event, null);
    }

    private static void record(String id, ApplicationEvent event, String agencyId) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("ApplicationAggregate", id, sequence, event,
                MetaData.with(MetaDataKeys.ACTOR, "li").and(MetaDataKeys.BUSINESS_DATE, event.businessDate().toString())
                        .and(MetaDataKeys.AGENCY, agencyId == null ? "" : agencyId)));
    }

    /** The table once the projection has caught up with every event appended so far. */
    private static Table table(String agencyId, int year) {
        JdbcTemplate jdbc = querySide.context().getBean(JdbcTemplate.class);
        long head = jdbc.queryForObject("select count(*) from command_side.domain_event_entry", Long.class);
        RecordedEvents.await(() -> jdbc.queryForObject("select coalesce(sum(event_count), 0) from application_case", Long.class)
                                   >= head, "the applications projection to count " + head + " events");
        AnnualReport now = reports.report(agencyId, year, null);
        // The report sums the tally; as of an instant it counts the cells valid then: they must agree.
        AnnualReport asOfNow = reports.report(agencyId, year, Instant.now());
        assertThat(now.applications()).isEqualTo(asOfNow.applications());
        assertThat(now.checks()).isEqualTo(asOfNow.checks());
        return new Table(now);
    }

    private static Instant betweenMilliseconds() {
        sleep();
        Instant instant = Instant.now();
        sleep();
        return instant;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A report's table 三 with the expectations of one test: every cell not expected must be 0. */
    static final class Table {
        final AnnualReport report;
        final Map<String, Map<String, Integer>> cells;
        final Map<String, Integer> expected = new HashMap<>();

        Table(AnnualReport report) {
            this.report = report;
            this.cells = report.applications();
        }

        Table expect(String row, ApplicantType column, int count) {
            expected.put(row + "/" + column.name(), count);
            expected.merge(row + "/TOTAL", count, Integer::sum);
            return this;
        }

        void expectNothingElse() {
            assertThat(cells).hasSize(25);
            cells.forEach((row, columns) -> {
                assertThat(columns).hasSize(7);
                columns.forEach((column, count) -> assertThat(count).as(row + "/" + column)
                                                                    .isEqualTo(expected.getOrDefault(row + "/" + column, 0)));
            });
        }

        int total(String row) {
            return cells.get(row).get("TOTAL");
        }

        boolean allChecksPass() {
            List<Check> checks = report.checks();
            // four relations of table 三, one of table 二, one of table 四: an empty list must not pass
            return checks.size() == 6 && checks.stream().allMatch(Check::passed);
        }

        String check(String name) {
            return report.checks().stream().filter(c -> c.name().equals(name))
                                                        .map(Check::detail).findFirst().orElseThrow();
        }
    }
}
