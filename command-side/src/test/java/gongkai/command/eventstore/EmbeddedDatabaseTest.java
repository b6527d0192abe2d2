package gongkai.command.eventstore;

import gongkai.command.CommandSideApplication;
import gongkai.command.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @TempDir
    Path data;

    @Test
    void withNoDatasourceConfiguredGongkaiRunsOnAnEmbeddedPostgresqlWhoseDataSurvivesARestart() throws IOException {
        String[] args = {"--gongkai.embedded-database.directory=" + data, "--gongkai.embedded-database.port=" + freePort(),
                         "--server.port=0", "--GONGKAI_ADMIN_PASSWORD=first-password"};
        try (ConfigurableApplicationContext first = CommandSideApplication.start(args)) {
            Http admin = new Http(url(first), "admin", "first-password");
            assertThat(admin.post("/api/admin/agencies", "{\"agencyId\":\"xiaoying\",\"name\":\"小营镇人民政府\"}").status())
                    .isEqualTo(201);
            var jdbc = first.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class))
                    .as("a commit is answered only once it is on disk").isEqualTo("on");
            assertThat(jdbc.queryForObject("show fsync", String.class)).as("and it is really written to disk").isEqualTo("on");
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        assertThat(data.resolve("master.key")).as("the master key of personal data, generated beside the data").exists();
        String masterKey = Files.readString(data.resolve("master.key"));

        try (ConfigurableApplicationContext second = CommandSideApplication.start(args)) {
            Http admin = new Http(url(second), "admin", "first-password");
            assertThat(admin.post("/api/admin/agencies", "{\"agencyId\":\"xiaoying\",\"name\":\"小营镇人民政府\"}").status())
                    .as("the agency recorded before the restart is still there").isEqualTo(409);
        }
        assertThat(Files.readString(data.resolve("master.key"))).as("the master key is generated once").isEqualTo(masterKey);
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
