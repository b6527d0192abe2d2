package gongkai.query.projections;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.CaseEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.report.NarrativeWritten;
import gongkai.events.report.ReportPublished;
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

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

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
        EveryKindOfEvent.applications(random, 80, AGENCY).forEach(EachEventAppliedOnceTest::record);
        EveryKindOfEvent.tablesTwoAndFour(random, AGENCY).forEach(EachEventAppliedOnceTest::record);
        record(new NarrativeWritten(AGENCY, 2023, "概述一", "问题", "其他", LocalDate.of(2024, 1, 10)));
        record(new NarrativeWritten(AGENCY, 2023, "概述二", "问题", "其他", LocalDate.of(2024, 1, 12)));
        record(new ReportPublished(AGENCY, 2023, LocalDate.of(2024, 1, 15)));
        system.events().awaitProjections();
        record(EveryKindOfEvent.calendar2024WithOneMoreDayOff());
        EveryKindOfEvent.applications(random, 20, AGENCY).forEach(EachEventAppliedOnceTest::record);
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
            EveryKindOfEvent.applications(new Random(SEED + 1), 30, AGENCY).forEach(EachEventAppliedOnceTest::record);
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
        all.putAll(ReadModelTables.reports(system.reports(), AGENCY));
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

}
