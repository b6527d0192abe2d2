package gongkai.command.eventstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The default database: with no {@code spring.datasource.url} configured, gongkai runs on a real
 * PostgreSQL 15 started from the embedded binaries, keeping its data in
 * {@code gongkai.embedded-database.directory} (default {@code ./data}) across restarts, on
 * {@code gongkai.embedded-database.port} (default 54329) where the query side finds it.
 * Configure a datasource and this does nothing.
 */
public class EmbeddedDatabase implements EnvironmentPostProcessor {

    public static final int DEFAULT_PORT = 54329;
    private static EmbeddedPostgres running;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path directory = Path.of(environment.getProperty("gongkai.embedded-database.directory", "data"))
                             .toAbsolutePath();
        int port = environment.getProperty("gongkai.embedded-database.port", Integer.class, DEFAULT_PORT);
        start(directory, port);
        // Stopped with the application (a restart in the same JVM starts it again on the same data), last:
        // registered as the first disposable bean, it is destroyed after every other, once the web server,
        // the event processors and the connection pool are down. (Stopped at the context's closing event, it
        // went first, and everything still using it failed with stack traces.)
        application.addInitializers(context -> {
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(EmbeddedDatabase.class.getName(), EmbeddedDatabase::stop);
            }
        });
        environment.getPropertySources().addFirst(new MapPropertySource("gongkai-embedded-database", Map.of(
                "spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres")));
    }

    private static synchronized void start(Path directory, int port) {
        if (running != null) {
            return;
        }
        if (Files.exists(directory.resolve("postmaster.pid")) && listening(port)) {
            // Left running by a process that was killed: its data is intact, use it as it is.
            return;
        }
        try {
            Files.createDirectories(directory);
            running = EmbeddedPostgres.builder()
                                      .setDataDirectory(directory)
                                      .setCleanDataDirectory(false)
                                      .setPort(port)
                                      // The embedded binaries start PostgreSQL for tests: fsync off (-F) and
                                      // synchronous_commit off, which lose the last commits if PostgreSQL is killed
                                      // and may corrupt the database if the machine fails. What a clerk was told is
                                      // recorded must be on disk.
                                      .setServerConfig("fsync", "on")
                                      .setServerConfig("synchronous_commit", "on")
                                      .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    private static synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            } finally {
                running = null;
            }
        }
    }

    /** Whether something accepts connections on the local port (a PostgreSQL left running, or still running). */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
