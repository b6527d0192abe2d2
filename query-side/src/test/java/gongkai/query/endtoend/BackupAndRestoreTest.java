package gongkai.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.command.testing.TestDatabase;
import gongkai.query.testing.MachineTools;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup procedure of the README, done on a running system: {@code pg_dump} of the two schemas while both
 * services run, {@code pg_restore} into a fresh database, both services started on it. The restored system
 * gives the same reports (the published one still verified), the same histories, and an intact hash chain.
 * <p>
 * It uses the machine's PostgreSQL client tools ({@code postgresql-client}, version 15 or later), which the
 * embedded binaries do not ship (they hold initdb, pg_ctl and postgres only); without them it is skipped, like
 * the browser test without Chromium. gongkai itself never needs them: only the operator who backs up does.
 */
class BackupAndRestoreTest {

    private static final String A = "/api/agencies/xiaoying";

    @Test
    void aDumpRestoredIntoAFreshDatabaseGivesTheSameReportsHistoriesAndAnIntactChain(@TempDir Path directory) throws Exception {
        MachineTools.required("pg_dump", "Debian's postgresql-client");
        MachineTools.required("pg_restore", "Debian's postgresql-client");
        Path dump = directory.resolve("gongkai.dump");
        List<String> applications = new ArrayList<>();
        JsonNode report2023;
        JsonNode report2024;
        List<JsonNode> histories = new ArrayList<>();
        String databaseUrl;
        try (RunningCommandSide commandSide = RunningCommandSide.onNewDatabase();
             RunningQuerySide querySide = RunningQuerySide.on(commandSide.databaseUrl())) {
            databaseUrl = commandSide.databaseUrl();
            Http clerk = commandSide.agencyWithClerk("xiaoying", "li");
            for (int i = 0; i < 12; i++) {
                Http.Response received = clerk.post("/api/applications", """
                        {"agencyId":"xiaoying","receivedOn":"2023-12-%02d","channel":"MAIL","applicantType":"NATURAL_PERSON",
                         "applicant":{"name":"张三"},"request":"预算"}""".formatted(1 + i));
                assertThat(received.status()).as(received.body()).isEqualTo(201);
                String id = received.json().get("applicationId").asText();
                applications.add(id);
                if (i % 3 != 0) {
                    assertThat(clerk.post("/api/applications/" + id + "/conclusion",
                                          "{\"concludedOn\":\"2024-01-0" + (2 + i % 5) + "\",\"outcome\":\"DISCLOSED\"}").status())
                            .isEqualTo(200);
                }
            }
            assertThat(clerk.post(A + "/decision-tallies",
                                  "{\"category\":\"PENALTY\",\"from\":\"2023-12-01\",\"to\":\"2023-12-31\",\"count\":5}").status())
                    .isEqualTo(201);
            assertThat(clerk.post(A + "/reports/2023/publication", "").status()).isEqualTo(201);
            Http reader = querySide.as("li", "li-password");
            report2023 = RunningQuerySide.await("the 2023 publication sealed", () -> reader.get(A + "/reports/2023"),
                                                r -> r.json().at("/published/sealed").asBoolean(), Duration.ofSeconds(30)).json();
            RunningQuerySide.awaitProjections(querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD));
            report2024 = reader.get(A + "/reports/2024").json();
            for (String id : applications) {
                histories.add(reader.get("/api/applications/" + id + "/history").json());
            }

            // Online, as an operator does it: both services keep running.
            run("pg_dump", "--format=custom", "--schema=command_side", "--schema=query_side", "--file=" + dump,
                "--dbname=" + libpq(databaseUrl));
        }

        String restoredUrl = TestDatabase.newDatabase();
        run("pg_restore", "--no-owner", "--dbname=" + libpq(restoredUrl), dump.toString());

        try (RunningCommandSide commandSide = RunningCommandSide.on(restoredUrl);
             RunningQuerySide querySide = RunningQuerySide.on(restoredUrl)) {
            Http reader = querySide.as("li", "li-password");
            Http admin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
            RunningQuerySide.awaitProjections(admin);
            JsonNode restored2023 = reader.get(A + "/reports/2023").json();
            assertThat(restored2023).isEqualTo(report2023);
            assertThat(restored2023.at("/published/verified").asBoolean()).isTrue();
            assertThat(reader.get(A + "/reports/2024").json()).isEqualTo(report2024);
            for (int i = 0; i < applications.size(); i++) {
                assertThat(reader.get("/api/applications/" + applications.get(i) + "/history").json()).isEqualTo(histories.get(i));
            }
            JsonNode verification = admin.get("/api/audit/verification").json();
            assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
            // And it takes new work: the restored command side records, the restored query side follows.
            assertThat(commandSide.as("li", "li-password").post("/api/applications", """
                    {"agencyId":"xiaoying","receivedOn":"2024-02-01","channel":"MAIL","applicantType":"NATURAL_PERSON",
                     "applicant":{"name":"李四"},"request":"预算"}""").status()).isEqualTo(201);
            JsonNode after = RunningQuerySide.await("the new application counted", () -> reader.get(A + "/reports/2024"),
                    r -> r.json().at("/applications/NEW/TOTAL").asInt() == report2024.at("/applications/NEW/TOTAL").asInt() + 1,
                    Duration.ofSeconds(30)).json();
            assertThat(after.at("/applications/NEW/TOTAL").asInt()).isEqualTo(report2024.at("/applications/NEW/TOTAL").asInt() + 1);
        }
    }

    /** The libpq form of a test database's JDBC URL (its user is {@value TestDatabase#USER}, no password). */
    private static String libpq(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "postgresql://" + TestDatabase.USER + "@" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
