package gongkai.query.endtoend;

import gongkai.command.CommandSideApplication;
import gongkai.command.testing.Http;
import gongkai.query.QuerySideApplication;
import gongkai.query.testing.ServiceProcess;
import gongkai.query.testing.StoreAndReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault that once changed a figure of the report, in rounds: clerks logging and answering applications
 * while the command side is killed (SIGKILL), then the query side, then PostgreSQL is stopped in immediate
 * mode (SIGQUIT to its postmaster: no checkpoint, the next start recovers from the WAL). After every round,
 * with the services started again, table 三 counts each application the store holds exactly once, and
 * every application a clerk was told was recorded is in the store (docs/architecture.md, "Exactly once").
 */
class CrashRoundsTest {

    private static final int ROUNDS = 3;
    private static final int CLERKS = 4;
    private static final Duration LOAD = Duration.ofSeconds(4);
    private static final String ADMIN_PASSWORD = "admin-secret-1";

    @Test
    void afterEveryRoundOfCrashesTableThreeCountsEachStoredApplicationOnce(@TempDir Path directory) throws Exception {
        int databasePort = ServiceProcess.freePort();
        Path data = directory.resolve("data");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 1; round <= ROUNDS + 1; round++) {
            try (ServiceProcess commandSide = start(CommandSideApplication.class, directory, "command-side-" + round, databasePort,
                                                    "--gongkai.embedded-database.directory=" + data,
                                                    "--GONGKAI_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
                 ServiceProcess querySide = start(QuerySideApplication.class, directory, "query-side-" + round, databasePort)) {
                if (round == 1) {
                    Http admin = new Http(commandSide.baseUrl(), "admin", ADMIN_PASSWORD);
                    assertThat(admin.post("/api/admin/agencies", "{\"agencyId\":\"xiaoying\",\"name\":\"小营镇\"}").status()).isEqualTo(201);
                    assertThat(admin.post("/api/admin/users", """
                            {"username":"li","password":"li-password-1","roles":["CLERK"],"agencyId":"xiaoying"}""").status())
                            .isEqualTo(201);
                } else {
                    assertReportEqualsStore(databasePort, acknowledged, round - 1);
                }
                if (round > ROUNDS) {
                    return;
                }
                Http clerk = new Http(commandSide.baseUrl(), "li", "li-password-1");
                AtomicBoolean loading = new AtomicBoolean(true);
                List<CompletableFuture<Void>> clerks = new ArrayList<>();
                for (int c = 0; c < CLERKS; c++) {
                    clerks.add(CompletableFuture.runAsync(() -> logAndAnswer(clerk, loading, acknowledged)));
                }
                Thread.sleep(LOAD.toMillis());
                commandSide.kill();
                querySide.kill();
                stopImmediately(data);
                loading.set(false);
                CompletableFuture.allOf(clerks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                System.out.println("CrashRoundsTest: round " + round + ", applications acknowledged so far " + acknowledged.size());
            }
        }
    }

    /** One clerk: an application received, then answered, again and again, until the services are gone. */
    private static void logAndAnswer(Http clerk, AtomicBoolean loading, Set<String> acknowledged) {
        for (int i = 0; loading.get(); i++) {
            try {
                LocalDate received = LocalDate.of(2024, 3, 1).plusDays(i % 200);
                Http.Response answer = clerk.post("/api/applications", """
                        {"agencyId":"xiaoying","receivedOn":"%s","channel":"MAIL","applicantType":"NATURAL_PERSON",
                         "applicant":{"name":"张三"},"request":"预算"}""".formatted(received));
                if (answer.status() == 201) {
                    String id = answer.json().get("applicationId").asText();
                    acknowledged.add(id);
                    clerk.post("/api/applications/" + id + "/conclusion",
                               "{\"concludedOn\":\"%s\",\"outcome\":\"DISCLOSED\"}".formatted(received.plusDays(5)));
                }
            } catch (RuntimeException serviceGone) {
                pause(100);
            }
        }
    }

    private static void assertReportEqualsStore(int databasePort, Set<String> acknowledged, int round) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres",
                                                                 "postgres", "postgres")) {
            List<String> stored = StoreAndReport.storedApplications(connection);
            assertThat(stored).as("after round %d, every application a clerk was told was recorded is stored", round)
                              .containsAll(acknowledged);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (StoreAndReport.newInTableThree(connection) != stored.size() && System.nanoTime() < deadline) {
                pause(200);
            }
            assertThat(StoreAndReport.newInTableThree(connection)).as("after round %d, table 三 NEW counts each stored application once", round)
                                                   .isEqualTo(stored.size());
            assertThat(StoreAndReport.applicationCases(connection))
                    .as("after round %d, one case per stored application", round)
                    .containsExactlyInAnyOrderElementsOf(stored);
        }
    }

    /** PostgreSQL's immediate shutdown: SIGQUIT to the postmaster named in its lock file, then waits for it to end. */
    private static void stopImmediately(Path data) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            pause(100);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("PostgreSQL stopped").isFalse();
    }

    private static ServiceProcess start(Class<?> main, Path directory, String name, int databasePort, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--gongkai.embedded-database.port=" + databasePort));
        args.addAll(List.of(more));
        return ServiceProcess.start(main, directory.resolve(name + ".log"), args.toArray(String[]::new));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
