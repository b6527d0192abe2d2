package gongkai.query.projections;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.CaseEvent;
import gongkai.events.CaseResult;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.Outcome;
import gongkai.events.calendar.WorkingDayCalendarPublished;
import gongkai.events.lawsuit.LawsuitFiled;
import gongkai.events.lawsuit.LawsuitJudged;
import gongkai.events.lawsuit.Route;
import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DecisionsTallied;
import gongkai.events.proactive.DocumentIssued;
import gongkai.events.proactive.DocumentKind;
import gongkai.events.proactive.DocumentRepealed;
import gongkai.events.proactive.FeesCollected;
import gongkai.events.proactive.InformationPublished;
import gongkai.events.proactive.OpeningBalanceRecorded;
import gongkai.events.report.NarrativeWritten;
import gongkai.events.report.ReportPublished;
import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewFiled;
import gongkai.query.report.AnnualReport;
import gongkai.query.report.AnnualReports;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import gongkai.query.testing.RunningSystem;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model of the query side ends the same, table by table and row by row, as a clean replay builds
 * it, whether its processors handle an event once, a whole stream twice, segments from different points again,
 * or a batch cut off between its writes and its commit and then tried again: no crash, retry or redelivery may
 * change a figure of the report.
 */
class EachEventAppliedOnceTest {

    private static final String AGENCY = "luanping";
    private static final long SEED = 20261206L;

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    private static JdbcTemplate jdbc;
    private static Http admin;

    @BeforeAll
    static void recordAStreamOfEveryKind() {
        system.commandSide().agencyWithClerk(AGENCY, "li");
        jdbc = system.querySide().context().getBean(JdbcTemplate.class);
        admin = system.querySide().as("admin", RunningCommandSide.ADMIN_PASSWORD);
        System.out.println("EachEventAppliedOnceTest seed " + SEED);
        Random random = new Random(SEED);
        recordApplications(random, 80);
        recordTablesTwoAndFour(random);
        record(new NarrativeWritten(AGENCY, 2023, "概述一", "问题", "其他", LocalDate.of(2024, 1, 10)));
        record(new NarrativeWritten(AGENCY, 2023, "概述二", "问题", "其他", LocalDate.of(2024, 1, 12)));
        record(new ReportPublished(AGENCY, 2023, LocalDate.of(2024, 1, 15)));
        system.events().awaitProjections();
        record(new WorkingDayCalendarPublished(2024, "调整", calendar2024WithOneMoreDayOff(), LocalDate.of(2024, 1, 2)));
        recordApplications(random, 20);
        system.events().awaitProjections();
        awaitSealed();
    }

    @Test
    void theWholeStreamDeliveredAgainChangesNoTable() {
        Map<String, Object> live = everything();

        rewind(segment -> null);

        assertThat(everything()).isEqualTo(live);
        assertThat(cleanReplay()).isEqualTo(withoutDueHistory(live));
    }

    @Test
    void segmentsDeliveredAgainFromDifferentPointsChangeNoTable() {
        Map<String, Object> live = everything();
        long head = system.querySide().context().getBean(ProjectionPositions.class).head();

        rewind(segment -> segment % 2 == 0 ? null : GapAwareTrackingToken.newInstance(head / (segment + 1), new TreeSet<>()));

        assertThat(everything()).isEqualTo(live);
        assertThat(cleanReplay()).isEqualTo(withoutDueHistory(live));
    }

    @Test
    void aBatchCutOffBetweenItsWritesAndItsCommitIsAppliedOnceWhenTriedAgain() {
        // The first batch to move table 三's tally fails there, its cells and cases written, before its commit:
        // it rolls back, and is tried again. A sequence, not a table, counts the writes: it is not rolled back
        // with the batch.
        jdbc.execute("create sequence crash_countdown");
        jdbc.execute("create function crash_once() returns trigger language plpgsql as $$ begin "
                     + "if nextval('query_side.crash_countdown') = 1 then raise exception 'cut off before the commit'; end if; "
                     + "return new; end $$");
        jdbc.execute("create trigger crash_once after insert or update on application_tally "
                     + "for each row execute function crash_once()");
        try {
            recordApplications(new Random(SEED + 1), 30);
            awaitCaughtUp();
            assertThat(jdbc.queryForObject("select last_value from crash_countdown", Long.class))
                    .as("the batch was cut off, and tried again").isGreaterThan(1);
        } finally {
            jdbc.execute("drop trigger crash_once on application_tally");
            jdbc.execute("drop function crash_once()");
            jdbc.execute("drop sequence crash_countdown");
        }
        Map<String, Object> after = withoutDueHistory(everything());
        assertThat(applicationsReceived()).isEqualTo(newInTableThree());

        assertThat(cleanReplay()).isEqualTo(after);
    }

    // ---- delivering again, replaying ----------------------------------------------------------------

    /** Stops every processor, sets each segment's token back (null: before the first event), starts them again. */
    private static void rewind(java.util.function.IntFunction<TrackingToken> tokenOfSegment) {
        EventProcessingConfiguration processing = system.querySide().context().getBean(EventProcessingConfiguration.class);
        Serializer serializer = system.querySide().context().getBean(Serializer.class);
        for (String name : ExactlyOnce.PROCESSING_GROUPS) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            for (int segment : jdbc.queryForList("select segment from token_entry where processor_name = ?", Integer.class, name)) {
                TrackingToken token = tokenOfSegment.apply(segment);
                SerializedObject<byte[]> stored = token == null ? null : serializer.serialize(token, byte[].class);
                jdbc.update("update token_entry set token = ?, token_type = ? where processor_name = ? and segment = ?",
                            stored == null ? null : stored.getData(), stored == null ? null : stored.getType().getName(),
                            name, segment);
            }
            processor.start();
        }
        awaitCaughtUp();
    }

    /** Rebuilds every read model from the first event, as an administrator asks for it. */
    private static Map<String, Object> cleanReplay() {
        Http.Response asked = admin.post("/api/admin/projections/replay", "");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        RecordedEvents.await(() -> {
            var progress = admin.get("/api/projections").json();
            for (var p : progress.get("projections")) {
                if (p.get("replaying").asBoolean() || p.get("position").isNull()
                    || p.get("position").asLong() < progress.get("head").asLong()) {
                    return false;
                }
            }
            return true;
        }, "the replay to finish");
        return withoutDueHistory(everything());
    }

    private static void awaitCaughtUp() {
        Http.Response caughtUp = RunningQuerySide.awaitCaughtUp(admin, Duration.ofSeconds(60));
        assertThat(caughtUp.status()).as(caughtUp.body()).isEqualTo(200);
        system.events().awaitProjections();
    }

    private static void awaitSealed() {
        RecordedEvents.await(() -> jdbc.queryForObject("select count(*) from report_publication where sealed_at is null",
                                                       Long.class) == 0, "the publication to be sealed");
    }

    // ---- what is compared ---------------------------------------------------------------------------

    private static Map<String, Object> everything() {
        Map<String, Object> all = new LinkedHashMap<>(ReadModelTables.of(jdbc));
        AnnualReports reports = system.reports();
        for (int year = 2022; year <= 2025; year++) {
            AnnualReport report = reports.report(AGENCY, year, null);
            all.put("proactive " + year, report.proactive());
            all.put("applications " + year, report.applications());
            all.put("reviewsAndLawsuits " + year, report.reviewsAndLawsuits());
            all.put("timeliness " + year, report.timeliness());
        }
        return all;
    }

    /**
     * The tables without the due-date history, for a comparison with a clean replay: which application a
     * calendar publication moves depends on how far the applications' processor had come when the calendars'
     * processor handled it (the due dates themselves never do), and a replay runs the two in another order.
     */
    private static Map<String, Object> withoutDueHistory(Map<String, Object> tables) {
        Map<String, Object> without = new LinkedHashMap<>(tables);
        without.remove("application_due_history");
        return without;
    }

    private static long applicationsReceived() {
        return jdbc.queryForObject("select count(*) from command_side.domain_event_entry "
                                   + "where payload_type = ?", Long.class, ApplicationReceived.class.getName());
    }

    /** Table 三's NEW, summed over the years and the applicant columns, as the report now shows it. */
    private static long newInTableThree() {
        return jdbc.queryForObject("select coalesce(sum(applications), 0) from application_tally where row_key = 'NEW'",
                                   Long.class);
    }

    // ---- the stream ---------------------------------------------------------------------------------

    private static void record(CaseEvent event) {
        system.events().record(event, AGENCY);
    }

    private static void recordApplications(Random random, int count) {
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            LocalDate received = LocalDate.of(2022, 11, 1).plusDays(random.nextInt(700));
            ApplicantType type = ApplicantType.values()[random.nextInt(ApplicantType.values().length)];
            record(new ApplicationReceived(id, AGENCY, received, Channel.ONLINE, type,
                                           new Applicant("申请人" + i, null, null, null, null), "信息"));
            LocalDate day = received;
            if (random.nextInt(4) == 0) {
                day = day.plusDays(2);
                record(new ConsultationStarted(id, day, "第三方"));
                day = day.plusDays(10);
                record(new ConsultationEnded(id, day));
            }
            if (random.nextInt(6) == 0) {
                ApplicantType corrected = ApplicantType.values()[(type.ordinal() + 1) % ApplicantType.values().length];
                record(new ApplicationCorrected(id, day, CorrectedField.applicantType, type.name(), corrected.name(),
                                                List.of(), "录入错误"));
            }
            int fate = random.nextInt(10);
            LocalDate answered = day.plusDays(3 + random.nextInt(40));
            if (fate == 0) {
                record(new ApplicationWithdrawn(id, answered));
            } else if (fate > 2) {
                Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
                List<Outcome> reasons = outcome == Outcome.PARTIALLY_DISCLOSED
                                        ? List.of(Outcome.WITHHELD_PROCESS_INFORMATION) : List.of();
                record(new ApplicationConcluded(id, answered, outcome, reasons, null));
                if (random.nextInt(5) == 0) {
                    record(new ApplicationCorrected(id, answered.plusDays(5), CorrectedField.outcome, outcome.name(),
                                                    Outcome.NOT_PROCESSED_DUPLICATE.name(), List.of(), "实为重复申请"));
                }
            }
        }
    }

    private static void recordTablesTwoAndFour(Random random) {
        for (int i = 0; i < 6; i++) {
            String document = UUID.randomUUID().toString();
            record(new DocumentIssued(document, AGENCY, DocumentKind.values()[i % 2], "文件" + i,
                                      LocalDate.of(2022, 3, 1).plusDays(random.nextInt(600))));
            if (i % 3 == 0) {
                record(new DocumentRepealed(document, LocalDate.of(2024, 6, 1)));
            }
        }
        record(new OpeningBalanceRecorded(AGENCY, LocalDate.of(2022, 12, 31), 4, 9));
        for (int i = 0; i < 4; i++) {
            record(new DecisionsTallied(AGENCY, UUID.randomUUID().toString(), DecisionCategory.values()[i % 2],
                                        LocalDate.of(2023, 1 + i, 1), LocalDate.of(2023, 1 + i, 28), 10 + random.nextInt(90)));
            record(new FeesCollected(AGENCY, UUID.randomUUID().toString(), LocalDate.of(2023, 2 + i, 3),
                                     new BigDecimal(100 + random.nextInt(900))));
            record(new InformationPublished(AGENCY, UUID.randomUUID().toString(), i % 2 == 0 ? "政策" : "通知", "条目" + i,
                                            LocalDate.of(2023, 3 + i, 5)));
        }
        for (int i = 0; i < 5; i++) {
            String review = UUID.randomUUID().toString();
            record(new ReviewFiled(review, AGENCY, LocalDate.of(2023, 2 + i, 10), null, "复议机关"));
            if (i % 2 == 0) {
                record(new ReviewDecided(review, LocalDate.of(2023, 6 + i, 1), CaseResult.values()[i % 3], null));
            }
            if (i < 3) {
                String lawsuit = UUID.randomUUID().toString();
                record(new LawsuitFiled(lawsuit, AGENCY, LocalDate.of(2023, 3 + i, 1),
                                        i == 0 ? Route.DIRECT : Route.AFTER_REVIEW, i == 0 ? null : review, null, "法院"));
                record(new LawsuitJudged(lawsuit, LocalDate.of(2023, 9, 1), CaseResult.UPHELD, false));
                record(new LawsuitJudged(lawsuit, LocalDate.of(2024, 2, 1), CaseResult.CORRECTED, true));
            }
        }
    }

    private static String calendar2024WithOneMoreDayOff() {
        try (InputStream in = WorkingDayCalendarPublished.class.getResourceAsStream("/gongkai/calendar/2024.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\noff: 2024-03-15\noff: 2024-07-10\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
