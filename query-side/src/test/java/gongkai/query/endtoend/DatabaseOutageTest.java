package gongkai.query.endtoend;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import gongkai.query.testing.ServiceProcess;
import gongkai.query.testing.StoreAndReport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL away for 30 s under light load (a clerk logging an application every 100 ms, another reading
 * her worklist): no acknowledged write is lost, the processors resume by themselves when it returns (no
 * restart), a query side started while it is away waits for it and then answers, and no request with valid
 * credentials is answered 401 (a client does not retry a 401: the clerk would be told to sign in again).
 */
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void aThirtySecondOutageLosesNoAcknowledgedWriteAndTheProjectionsCatchUpByThemselves(@TempDir Path directory)
            throws Exception {
        int port = ServiceProcess.freePort();
        Path data = directory.resolve("data");
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        EmbeddedPostgres postgres = postgres(data, port);
        // A request waits at most 2 s for a connection (30 s by default), so that the clerk's client, one
        // request at a time, keeps asking through the outage instead of waiting out most of it in one request.
        String failFast = "--spring.datasource.hikari.connection-timeout=2000";
        try (RunningCommandSide commandSide = RunningCommandSide.on(url, failFast);
             RunningQuerySide querySide = RunningQuerySide.on(url, failFast)) {
            Http clerk = commandSide.agencyWithClerk("xiaoying", "li");
            Http reader = querySide.as("li", "li-password");
            Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
            List<String> unauthorized = new CopyOnWriteArrayList<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicBoolean back = new AtomicBoolean(false);
            List<String> answeredAfterwards = new CopyOnWriteArrayList<>();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                for (int i = 0; loading.get(); i++) {
                    Http.Response answer = clerk.post("/api/applications", """
                            {"agencyId":"xiaoying","receivedOn":"%s","channel":"MAIL","applicantType":"NATURAL_PERSON",
                             "applicant":{"name":"张三"},"request":"预算"}""".formatted(LocalDate.of(2024, 3, 1).plusDays(i % 200)));
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == 201) {
                        acknowledged.put(answer.json().get("applicationId").asText(), i);
                        if (back.get()) {
                            answeredAfterwards.add(answer.json().get("applicationId").asText());
                        }
                    } else if (answer.status() == 401) {
                        unauthorized.add("POST /api/applications");
                    }
                    pause(100);
                }
            });
            CompletableFuture<Void> reads = CompletableFuture.runAsync(() -> {
                while (loading.get()) {
                    if (reader.get("/api/applications?state=IN_PROGRESS").status() == 401) {
                        unauthorized.add("GET /api/applications");
                    }
                    pause(100);
                }
            });

            pause(3000);
            postgres.close();
            // A query side started while PostgreSQL is away waits for it.
            CompletableFuture<RunningQuerySide> startedDuringOutage = CompletableFuture.supplyAsync(() -> RunningQuerySide.on(url));
            pause(OUTAGE.toMillis());
            postgres = postgres(data, port);
            back.set(true);
            pause(10_000);
            loading.set(false);
            writes.get();
            reads.get();

            try (RunningQuerySide second = startedDuringOutage.get()) {
                assertThat(second.as("li", "li-password").get("/api/applications?state=IN_PROGRESS").status()).isEqualTo(200);
            }
            System.out.println("DatabaseOutageTest: answers to the clerk's writes by status " + statuses);
            assertThat(acknowledged).as("writes acknowledged before the outage").isNotEmpty();
            assertThat(answeredAfterwards).as("writes acknowledged once PostgreSQL was back").isNotEmpty();
            try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
                List<String> stored = StoreAndReport.storedApplications(connection);
                assertThat(stored).as("every acknowledged application is stored").containsAll(acknowledged.keySet());
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (StoreAndReport.newInTableThree(connection) != stored.size() && System.nanoTime() < deadline) {
                    pause(200);
                }
                assertThat(StoreAndReport.newInTableThree(connection)).as("table 三 counts every stored application, once")
                                                       .isEqualTo(stored.size());
                assertThat(StoreAndReport.applicationCases(connection))
                        .containsExactlyInAnyOrderElementsOf(stored);
            }
            // A client does not retry a 401: answered so while the database is away, a clerk's write would be dropped.
            assertThat(unauthorized).as("requests with valid credentials answered 401 while PostgreSQL was away").isEmpty();
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
