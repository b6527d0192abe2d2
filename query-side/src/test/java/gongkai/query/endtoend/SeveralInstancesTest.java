package gongkai.query.endtoend;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.command.testing.TestDatabase;
import gongkai.query.QuerySideApplication;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances of each side against one PostgreSQL: command sides whose optimistic lock decides
 * between concurrent commands (409, never 500, no event lost or doubled), and query sides that share
 * the processors' segments and take over those of an instance that was killed.
 */
class SeveralInstancesTest {

    private static final int APPLICATIONS = 240;

    @Test
    void twoCommandSidesTakeCommandsForTheSameCasesWithoutLostOrDuplicatedEvents() {
        try (RunningCommandSide a = RunningCommandSide.onNewDatabase();
             RunningCommandSide b = RunningCommandSide.on(a.databaseUrl())) {
            Http clerkA = a.agencyWithClerk("xiaoying", "li");
            Http clerkB = b.as("li", "li-password");
            a.supervisorIn("xiaoying", "zhang");
            Http supervisorA = a.as("zhang", "zhang-password");
            Http supervisorB = b.as("zhang", "zhang-password");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                assertThat(clerkA.post("/api/applications", receipt(id)).status()).isEqualTo(201);
                // B changes the case A has cached: A's next command meets the store's lock, and is tried again.
                assertThat(clerkB.post("/api/applications/" + id + "/consultation",
                                       "{\"startedOn\":\"2024-02-06\",\"party\":\"第三方\"}").status()).isEqualTo(200);
                Http.Response end = clerkA.post("/api/applications/" + id + "/consultation/end", "{\"endedOn\":\"2024-02-20\"}");
                assertThat(end.status()).as(end.body()).isEqualTo(200);
            }
            for (String id : ids) {
                String extension = "{\"extendedOn\":\"2024-02-21\",\"workingDays\":%d,\"reason\":\"复杂\"}";
                CompletableFuture<Http.Response> viaA = CompletableFuture.supplyAsync(
                        () -> supervisorA.post("/api/applications/" + id + "/extension", extension.formatted(5)));
                CompletableFuture<Http.Response> viaB = CompletableFuture.supplyAsync(
                        () -> supervisorB.post("/api/applications/" + id + "/extension", extension.formatted(10)));
                List<Integer> statuses = new ArrayList<>(List.of(viaA.join().status(), viaB.join().status()));
                statuses.sort(Integer::compare);
                assertThat(statuses).as("one extension wins, the other is refused: one extension at most").containsExactly(200, 409);
            }
            Map<String, List<Long>> sequences = sequences(a.databaseUrl());
            for (String id : ids) {
                assertThat(sequences.get(id)).as(id).containsExactly(0L, 1L, 2L, 3L);
            }
        }
    }

    @Test
    void twoQuerySidesShareTheSegmentsAndOneTakesOverWhenTheOtherIsKilledWhileEventsArrive() throws Exception {
        try (RunningCommandSide commandSide = RunningCommandSide.onNewDatabase();
             RunningQuerySide first = RunningQuerySide.on(commandSide.databaseUrl())) {
            Http clerk = commandSide.agencyWithClerk("xiaoying", "li");
            String url = commandSide.databaseUrl();
            await(() -> owners(url).size() == 1 && owners(url).values().iterator().next() == 4, Duration.ofSeconds(30),
                  () -> "the first instance claims every segment: " + owners(url));

            Process second = startInOwnProcess(url);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                // A JVM of its own starts in seconds on an idle machine, in minutes on a loaded one.
                await(() -> owners(url).size() == 2 && owners(url).values().stream().allMatch(n -> n == 2),
                      Duration.ofSeconds(240), () -> "two instances hold two segments each: " + owners(url));
                // Four clerks record applications (received, then answered) while the second instance is killed
                // (SIGKILL: no goodbye, its claims left to time out) half-way through: it dies with events of its
                // segments arriving, some handled and some not.
                AtomicInteger recorded = new AtomicInteger();
                List<Future<?>> load = new ArrayList<>();
                for (int client = 0; client < 4; client++) {
                    load.add(clients.submit(() -> {
                        for (int i = 0; i < APPLICATIONS / 4; i++) {
                            String id = UUID.randomUUID().toString();
                            Http.Response received = clerk.post("/api/applications", receipt(id));
                            assertThat(received.status()).as(received.body()).isEqualTo(201);
                            Http.Response answered = clerk.post("/api/applications/" + id + "/conclusion",
                                    "{\"concludedOn\":\"2024-02-20\",\"outcome\":\"DISCLOSED\"}");
                            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
                            recorded.incrementAndGet();
                        }
                        return null;
                    }));
                }
                await(() -> recorded.get() >= APPLICATIONS / 2, Duration.ofSeconds(120),
                      () -> "half the applications recorded: " + recorded.get());
                second.destroyForcibly().waitFor();
                assertThat(recorded.get()).as("the second instance was killed while events were still arriving")
                                          .isLessThan(APPLICATIONS);
                for (Future<?> clerkDone : load) {
                    clerkDone.get();
                }
            } finally {
                clients.shutdownNow();
                second.destroyForcibly().waitFor();
            }

            await(() -> owners(url).size() == 1 && owners(url).values().iterator().next() == 4, Duration.ofSeconds(90),
                  () -> "the surviving instance takes the killed one's segments over: " + owners(url));
            Http reader = first.as("li", "li-password");
            RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(60));

            // Every count against the store: each application's events, the audit trail, table 三.
            Map<String, Long> stored = counts(url, "select aggregate_identifier, count(*) from command_side.domain_event_entry "
                                                   + "where type = 'ApplicationAggregate' group by aggregate_identifier");
            assertThat(stored).hasSize(APPLICATIONS);
            assertThat(counts(url, "select application_id, event_count from query_side.application_case"))
                    .as("every application's events, each handled once").isEqualTo(stored);
            assertThat(counts(url, "select 'audit', count(*) from query_side.audit_event"))
                    .as("the audit trail holds every stored event once")
                    .isEqualTo(counts(url, "select 'audit', count(*) from command_side.domain_event_entry"));
            Http.Response report = reader.get("/api/agencies/xiaoying/reports/2024");
            assertThat(report.json().at("/applications/NEW/TOTAL").asInt()).as(report.body()).isEqualTo(APPLICATIONS);
            assertThat(report.json().at("/applications/DISCLOSED/TOTAL").asInt()).isEqualTo(APPLICATIONS);
            assertThat(report.json().at("/applications/CARRIED_FORWARD/TOTAL").asInt()).isZero();
        }
    }

    private static String receipt(String id) {
        return """
               {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"2024-02-05","channel":"ONLINE",
                "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人"},"request":"信息"}""".formatted(id);
    }

    /** A second query side in a JVM of its own, so that it can really be killed (SIGKILL: no goodbye, claims left to time out). */
    private static Process startInOwnProcess(String databaseUrl) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        File log = new File("target/second-query-side.log");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), QuerySideApplication.class.getName(),
                                  "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + TestDatabase.USER,
                                  "--server.port=0",
                                  "--gongkai.personal-data.master-key=" + RunningCommandSide.MASTER_KEY)
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private static Map<String, Integer> owners(String databaseUrl) {
        Map<String, Integer> owners = new HashMap<>();
        query(databaseUrl, "select owner, count(*) from query_side.token_entry where processor_name = 'read-models' "
                           + "and owner is not null group by owner",
              rs -> owners.put(rs.getString(1), rs.getInt(2)));
        return owners;
    }

    private static Map<String, List<Long>> sequences(String databaseUrl) {
        Map<String, List<Long>> sequences = new HashMap<>();
        query(databaseUrl, "select aggregate_identifier, sequence_number from command_side.domain_event_entry "
                           + "order by aggregate_identifier, sequence_number",
              rs -> sequences.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2)));
        return sequences;
    }

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(String databaseUrl, String sql, Row row) {
        try (Connection c = DriverManager.getConnection(databaseUrl, TestDatabase.USER, "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> counts(String databaseUrl, String sql) {
        Map<String, Long> counts = new HashMap<>();
        query(databaseUrl, sql, rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private static void await(Supplier<Boolean> condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what.get());
            }
            Thread.sleep(200);
        }
    }
}
