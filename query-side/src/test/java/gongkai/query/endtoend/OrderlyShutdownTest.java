package gongkai.query.endtoend;

import gongkai.command.CommandSideApplication;
import gongkai.command.eventstore.EmbeddedDatabase;
import gongkai.command.testing.Http;
import gongkai.query.QuerySideApplication;
import gongkai.query.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system started as {@code ./start.sh} starts it (each service in its own JVM, the command side with its
 * embedded PostgreSQL) stops as {@code start.sh} stops it on Ctrl-C or SIGTERM: the query side, then the
 * command side, each with SIGTERM; everything is down within 15 s, the embedded PostgreSQL too, and neither
 * log holds an ERROR line or a stack trace.
 */
class OrderlyShutdownTest {

    private static final String ADMIN_PASSWORD = "admin-secret-1";

    @Test
    void stoppedAsStartShStopsItEverythingIsDownWithinFifteenSecondsWithoutAnError(@TempDir Path directory) throws IOException {
        int databasePort = ServiceProcess.freePort();
        try (ServiceProcess commandSide = ServiceProcess.start(CommandSideApplication.class, directory.resolve("command-side.log"),
                                                               "--server.port=0",
                                                               "--gongkai.embedded-database.directory=" + directory.resolve("data"),
                                                               "--gongkai.embedded-database.port=" + databasePort,
                                                               "--GONGKAI_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
             ServiceProcess querySide = ServiceProcess.start(QuerySideApplication.class, directory.resolve("query-side.log"),
                                                             "--server.port=0",
                                                             "--gongkai.embedded-database.port=" + databasePort)) {
            // Some work under way in both, so that the processors have something to stop.
            Http admin = new Http(commandSide.baseUrl(), "admin", ADMIN_PASSWORD);
            assertThat(admin.post("/api/admin/agencies", "{\"agencyId\":\"xiaoying\",\"name\":\"小营镇\"}").status()).isEqualTo(201);
            Http reader = new Http(querySide.baseUrl(), "admin", ADMIN_PASSWORD);
            assertThat(reader.get("/api/projections").status()).isEqualTo(200);

            long started = System.nanoTime();
            assertThat(querySide.stop(Duration.ofSeconds(15))).as("the query side stopped").isTrue();
            assertThat(commandSide.stop(Duration.ofSeconds(15))).as("the command side stopped").isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("OrderlyShutdownTest: both services and the embedded PostgreSQL stopped in " + took.toMillis() + " ms");

            assertThat(took).isLessThan(Duration.ofSeconds(15));
            assertThat(EmbeddedDatabase.listening(databasePort)).as("the embedded PostgreSQL is down").isFalse();
            for (ServiceProcess service : List.of(querySide, commandSide)) {
                assertThat(service.log().lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")
                                                                || line.contains("Exception"))
                                  .toList())
                        .as("errors in the log of " + service.name() + " (its last lines:\n" + lastLines(service.log(), 60) + ")")
                        .isEmpty();
            }
        }
    }

    private static String lastLines(String log, int count) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
