package gongkai.command.eventstore;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one command costs in statements sent to PostgreSQL, counted by PostgreSQL itself
 * ({@code pg_stat_statements}, on an embedded PostgreSQL of this test's own): ten lifecycles of the benchmark's four
 * commands (receipt, consultation, its end, the answer), the user and agency already known. A command on a cached
 * case appends its event and commits; a new case is first looked for in the store (its id is the client's: sent
 * twice, it records one application) and given its data key, or read again when a collection dropped it from the
 * cache. No snapshot is ever asked for.
 */
class RoundTripsPerCommandTest {

    private static final int LIFECYCLES = 10;

    private static EmbeddedPostgres postgres;
    private static RunningCommandSide commandSide;
    private static Http clerk;
    private static Map<String, Long> statements;
    private static long collectionsDuring;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database counted");
            s.execute("create extension pg_stat_statements");
        }
        commandSide = RunningCommandSide.on("jdbc:postgresql://localhost:" + postgres.getPort() + "/counted");
        clerk = commandSide.agencyWithClerk("counted-agency", "counted-clerk");
        lifecycle(); // the user, the agency and the calendars are read once, then kept
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
        long collectionsBefore = collections();
        for (int i = 0; i < LIFECYCLES; i++) {
            lifecycle();
        }
        collectionsDuring = collections() - collectionsBefore;
        statements = new LinkedHashMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select calls, query from pg_stat_statements s join pg_database d on d.oid = s.dbid "
                                           + "where d.datname = 'counted' order by calls desc")) {
            while (rs.next()) {
                statements.merge(rs.getString(2).replaceAll("\\s+", " "), rs.getLong(1), Long::sum);
            }
        }
        System.out.println("Statements of " + LIFECYCLES + " lifecycles of four commands:");
        statements.forEach((query, calls) -> System.out.printf("%6d  %s%n", calls, query));
    }

    @AfterAll
    static void stop() throws Exception {
        commandSide.close();
        postgres.close();
    }

    @Test
    void eachCommandAppendsItsOneEvent() {
        assertThat(calls("INSERT INTO command_side.domain_event_entry")).isEqualTo(4 * LIFECYCLES);
    }

    @Test
    void onlyANewCaseIsReadFromTheStoreAndNoSnapshotIsEverAskedFor() {
        // The cache holds cases by weak reference (EventStoreConfiguration): a collection between two commands on a
        // case drops it, and the next command reads it from the store once more. The collections counted are a floor
        // only (G1's concurrent cycles also clear weak references, and Java 17 counts them in no collector's bean), so
        // the bound is that the later commands of a case are served from the cache: without it, four reads a case.
        assertThat(calls("FROM command_side.domain_event_entry WHERE aggregate_identifier"))
                .isBetween((long) LIFECYCLES, Math.max(2L * LIFECYCLES, LIFECYCLES + collectionsDuring));
        assertThat(calls("snapshot_event_entry")).isZero();
    }

    @Test
    void aNewCaseLooksForItsDataKeyAndStoresItWithoutReadingItBack() {
        assertThat(calls("from data_key")).isEqualTo(LIFECYCLES);
        assertThat(calls("insert into data_key")).isEqualTo(LIFECYCLES);
    }

    @Test
    void nothingElseIsReadOrWrittenForACommand() {
        long counted = calls("INSERT INTO command_side.domain_event_entry")
                       + calls("FROM command_side.domain_event_entry WHERE aggregate_identifier") + calls("data_key");
        long signals = calls("pg_notify");
        long transactions = calls("BEGIN") + calls("COMMIT");
        long total = statements.values().stream().mapToLong(Long::longValue).sum();
        // the signal to the query side: at most one per command, fewer when commits come close together
        assertThat(signals).isBetween(1L, 4L * LIFECYCLES);
        assertThat(total - counted - signals - transactions).as(statements.toString()).isZero();
    }

    /** Collections of every collector of this JVM (the command side runs in it) so far. */
    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long calls(String fragment) {
        return statements.entrySet().stream().filter(e -> e.getKey().contains(fragment)).mapToLong(Map.Entry::getValue).sum();
    }

    private static void lifecycle() {
        String id = UUID.randomUUID().toString();
        String path = "/api/applications/" + id;
        expect(clerk.post("/api/applications", "{\"applicationId\":\"" + id + "\",\"agencyId\":\"counted-agency\","
                                             + "\"receivedOn\":\"2025-03-03\",\"channel\":\"ONLINE\","
                                             + "\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"申请人\"},"
                                             + "\"request\":\"请公开2024年道路维修预算及其执行情况\"}"));
        expect(clerk.post(path + "/consultation", "{\"startedOn\":\"2025-03-04\",\"party\":\"第三方\"}"));
        expect(clerk.post(path + "/consultation/end", "{\"endedOn\":\"2025-03-10\"}"));
        expect(clerk.post(path + "/conclusion", "{\"concludedOn\":\"2025-03-20\",\"outcome\":\"DISCLOSED\"}"));
    }

    private static void expect(Http.Response response) {
        assertThat(response.status()).as(response.body()).isLessThan(300);
    }
}
