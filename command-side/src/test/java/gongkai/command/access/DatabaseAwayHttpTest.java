package gongkai.command.access;

import gongkai.command.testing.RunningCommandSide;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that is away is not a wrong password: with PostgreSQL stopped under a running command
 * side, a request with valid credentials is 503 with Retry-After (a client retries it), never 401 (a
 * client would ask its user to sign in again, and drop the write). PostgreSQL back: 200 again.
 */
class DatabaseAwayHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void validCredentialsWhileTheDatabaseIsAwayAre503NeverThen401AndWorkAgainWhenItIsBack(@TempDir Path data)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres postgres = start(data, port);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (RunningCommandSide commandSide = RunningCommandSide.on(url,
                "--spring.datasource.hikari.connection-timeout=2000")) {
            assertThat(me(commandSide).statusCode()).isEqualTo(200);

            postgres.close();
            HttpResponse<String> away = me(commandSide);
            assertThat(away.statusCode()).as(away.body()).isEqualTo(503);
            assertThat(away.headers().firstValue("Retry-After")).isPresent();
            assertThat(away.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            HttpResponse<String> readiness = CLIENT.send(HttpRequest.newBuilder(URI.create(
                    commandSide.baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as("not ready while the database is away").isEqualTo(503);
            HttpResponse<String> write = post(commandSide, "/api/admin/agencies", "{\"agencyId\":\"a1\",\"name\":\"a1\"}");
            assertThat(write.statusCode()).as(write.body()).isEqualTo(503);

            postgres = start(data, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            HttpResponse<String> back = me(commandSide);
            while (back.statusCode() != 200 && System.nanoTime() < deadline) {
                assertThat(back.statusCode()).as("never 401 while the database comes back").isNotEqualTo(401);
                Thread.sleep(200);
                back = me(commandSide);
            }
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(commandSide.baseUrl() + "/actuator/health/readiness"))
                                              .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static HttpResponse<String> me(RunningCommandSide commandSide) throws Exception {
        return CLIENT.send(request(commandSide, "/api/me").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(RunningCommandSide commandSide, String path, String json) throws Exception {
        return CLIENT.send(request(commandSide, path).header("Content-Type", "application/json")
                                                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                           HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(RunningCommandSide commandSide, String path) {
        return HttpRequest.newBuilder(URI.create(commandSide.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                  ("admin:" + RunningCommandSide.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
