package gongkai.query.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.report.NarrativeWritten;
import gongkai.events.report.ReportPublished;
import gongkai.query.calendar.ClockLock;
import gongkai.query.report.AnnualReports;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import gongkai.query.testing.StoredEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild of the read models from the first event over a stream large enough for the bulk path
 * ({@link BulkRebuild}) builds every read-model table equal, row for row, to the one live processing built event by
 * event, while the live tables keep answering; and hands over to the processor so that each event after it is
 * applied once. A query side started without its read models rebuilds them the same way.
 */
class BulkRebuildTest {

    private static final String AGENCY = "luanping";
    private static final long SEED = 20261207L;
    /** About two and a half events each: past the bulk path's threshold (10,000 events). */
    private static final int APPLICATIONS = 4200;

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static StoredEvents events;
    private static Random random;

    @BeforeAll
    static void recordAStreamLargeEnoughForTheBulkPath() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        commandSide.agencyWithClerk(AGENCY, "li");
        events = new StoredEvents(querySide);
        System.out.println("BulkRebuildTest seed " + SEED);
        random = new Random(SEED);
        // The calendar first: live processing then counts every due date on it, as a rebuild does (which
        // applications a later publication moves depends on how far the applications had been followed).
        events.record(EveryKindOfEvent.calendar2024WithOneMoreDayOff(), AGENCY);
        awaitCaughtUp();
        events.recordAll(EveryKindOfEvent.applications(random, APPLICATIONS, AGENCY), AGENCY);
        events.recordAll(EveryKindOfEvent.tablesTwoAndFour(random, AGENCY), AGENCY);
        events.record(new NarrativeWritten(AGENCY, 2023, "概述一", "问题", "其他", LocalDate.of(2024, 1, 10)), AGENCY);
        events.record(new NarrativeWritten(AGENCY, 2023, "概述二", "问题", "其他", LocalDate.of(2024, 1, 12)), AGENCY);
        events.record(new ReportPublished(AGENCY, 2023, LocalDate.of(2024, 1, 15)), AGENCY);
        awaitCaughtUp();
        awaitSealed();
        assertThat(jdbc().queryForObject("select count(*) from command_side.domain_event_entry", Long.class))
                .as("a stream past the bulk path's threshold").isGreaterThanOrEqualTo(10_000);
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void aRebuildInBulkEqualsLiveProcessingRowForRowWhileTheLiveTablesKeepAnswering() throws Exception {
        Map<String, Object> live = everything();
        assertThat(jdbc().queryForObject("select count(*) from application_cell where valid_to is not null", Long.class))
                .as("the history holds corrections and answers").isPositive();
        long before = bulk().completed(ReadModels.PROCESSING_GROUP);
        JsonNode reportBefore = admin().get("/api/agencies/" + AGENCY + "/reports/2023").json();
        List<Map<String, Object>> revisionsBefore = jdbc().queryForList("select agency_id, revision from figures_revision");
        assertThat(revisionsBefore).isNotEmpty();

        // While the clock lock is held exclusively (as a calendar publication holds it), the rebuild waits
        // before its first chunk: it stays under way for as long as the test looks at it.
        try (Connection holder = querySide.context().getBean(DataSource.class).getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + ClockLock.KEY + ")");
            }
            Http.Response asked = admin().post("/api/admin/projections/read-models/replay", "");
            assertThat(asked.status()).as(asked.body()).isEqualTo(202);
            RecordedEvents.await(() -> bulk().position(ReadModels.PROCESSING_GROUP).isPresent(), "the rebuild in bulk to start");
            Http.Response during = admin().get("/api/agencies/" + AGENCY + "/reports/2023");
            assertThat(during.status()).isEqualTo(200);
            assertThat(during.json().at("/projectionsReplaying/projections").toString()).contains("read-models");
            assertThat(during.json().get("applications")).as("answered from the live tables")
                                                         .isEqualTo(reportBefore.get("applications"));
            holder.rollback();
        }

        RunningQuerySide.awaitReplayed(admin(), Duration.ofSeconds(120));
        assertThat(bulk().completed(ReadModels.PROCESSING_GROUP)).as("rebuilt in bulk").isEqualTo(before + 1);
        assertThat(jdbc().queryForObject("select count(*) from pg_namespace where nspname = 'query_side_rebuild'", Long.class))
                .as("the staging tables dropped after the swap").isZero();
        assertThat(searchPathsOfTheIdleConnections()).as("every connection back in the pool as it came")
                                                    .isNotEmpty().noneMatch(path -> path.contains("query_side_rebuild"));
        assertThat(everything()).isEqualTo(live);
        assertThat(jdbc().queryForList("select agency_id, revision from figures_revision"))
                .as("every agency's figures at a revision never seen before: nothing worked out from the old ones holds")
                .doesNotContainAnyElementsOf(revisionsBefore);
    }

    @Test
    void afterARebuildInBulkTheProcessorGoesOnFromWhereItStoppedApplyingEachEventOnce() {
        long before = bulk().completed(ReadModels.PROCESSING_GROUP);
        Http.Response asked = admin().post("/api/admin/projections/read-models/replay", "");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        RunningQuerySide.awaitReplayed(admin(), Duration.ofSeconds(120));
        assertThat(bulk().completed(ReadModels.PROCESSING_GROUP)).as("rebuilt in bulk").isEqualTo(before + 1);

        events.recordAll(EveryKindOfEvent.applications(random, 50, AGENCY), AGENCY);
        awaitCaughtUp();

        JdbcTemplate jdbc = jdbc();
        assertThat(jdbc.queryForObject("select count(*) from application_case", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from command_side.domain_event_entry where payload_type = ?",
                                               Long.class, ApplicationReceived.class.getName()));
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from command_side.domain_event_entry", Long.class));
        assertThat(jdbc.queryForList("select aggregate_id, last_sequence from applied_event where processing_group = ? "
                                     + "order by aggregate_id", ReadModels.PROCESSING_GROUP))
                .as("each aggregate marked at its last event")
                .isEqualTo(jdbc.queryForList("select aggregate_identifier as aggregate_id, max(sequence_number) as last_sequence "
                                             + "from command_side.domain_event_entry group by aggregate_identifier "
                                             + "order by aggregate_identifier"));
    }

    @Test
    void aQuerySideStartedWithoutItsReadModelsRebuildsThemInBulk() {
        awaitCaughtUp();
        Map<String, Object> live = everything();
        querySide.close();
        JdbcTemplate database = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                commandSide.databaseUrl(), "postgres", "postgres"));
        List<String> tables = new ArrayList<>(database.queryForList(
                "select 'query_side.' || tablename from pg_tables where schemaname = 'query_side' "
                + "and tablename <> 'flyway_schema_history'", String.class));
        database.execute("truncate " + String.join(", ", tables));

        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        events = new StoredEvents(querySide);
        RunningQuerySide.awaitReplayed(admin(), Duration.ofSeconds(120));
        assertThat(bulk().completed(ReadModels.PROCESSING_GROUP)).as("rebuilt in bulk at the start").isEqualTo(1);
        awaitSealed();
        assertThat(everything()).isEqualTo(live);
    }

    @Test
    void everyTableOfTheQuerySideIsComparedUnlessNoReadModel() {
        TreeSet<String> tables = new TreeSet<>(jdbc().queryForList(
                "select tablename from pg_tables where schemaname = 'query_side'", String.class));
        tables.removeAll(ReadModelTables.NOT_REBUILT);
        assertThat(tables).as("a new read-model table belongs in ReadModelTables.TABLES, compared by the replay tests")
                          .containsExactlyInAnyOrderElementsOf(ReadModelTables.TABLES.keySet());
    }

    /** The search path of each connection idle in the pool (all borrowed at once, so that each is seen). */
    private static List<String> searchPathsOfTheIdleConnections() throws Exception {
        HikariDataSource pool = querySide.context().getBean(DataSource.class).unwrap(HikariDataSource.class);
        int idle = pool.getHikariPoolMXBean().getIdleConnections();
        List<Connection> borrowed = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        try {
            for (int i = 0; i < idle; i++) {
                Connection connection = pool.getConnection();
                borrowed.add(connection);
                try (Statement show = connection.createStatement(); var rs = show.executeQuery("show search_path")) {
                    rs.next();
                    paths.add(rs.getString(1));
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
        return paths;
    }

    // ---- what is compared ---------------------------------------------------------------------------

    private static Map<String, Object> everything() {
        JdbcTemplate jdbc = jdbc();
        Map<String, Object> all = new LinkedHashMap<>(ReadModelTables.of(jdbc));
        // the read models' marks: the calendars and the notices, on a history this long, start near its end when they
        // start afresh (FirstStart), so theirs cover only what they read
        all.put("applied_event", jdbc.queryForList("select aggregate_id, last_sequence from applied_event "
                                                   + "where processing_group = ? order by aggregate_id",
                                                   ReadModels.PROCESSING_GROUP));
        all.putAll(ReadModelTables.reports(querySide.context().getBean(AnnualReports.class), AGENCY));
        return all;
    }

    // ---- the running query side -----------------------------------------------------------------

    private static JdbcTemplate jdbc() {
        return querySide.context().getBean(JdbcTemplate.class);
    }

    private static BulkRebuild bulk() {
        return querySide.context().getBean(BulkRebuild.class);
    }

    private static Http admin() {
        return querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
    }

    private static void awaitCaughtUp() {
        Http.Response caughtUp = RunningQuerySide.awaitCaughtUp(admin(), Duration.ofSeconds(120));
        assertThat(caughtUp.status()).as(caughtUp.body()).isEqualTo(200);
    }

    private static void awaitSealed() {
        RecordedEvents.await(() -> jdbc().queryForObject("select count(*) from report_publication where sealed_at is null",
                                                         Long.class) == 0, "the publication to be sealed");
    }
}
