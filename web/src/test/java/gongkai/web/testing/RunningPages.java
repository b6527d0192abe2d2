package gongkai.web.testing;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.command.testing.TestDatabase;
import gongkai.query.testing.RunningQuerySide;
import gongkai.web.WebApplication;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.TreeSet;

/**
 * The whole system for a test class, on a fresh database and free ports: the command side, the query
 * side and the pages, the pages calling both sides with the built-in account {@code pages}.
 * {@code @RegisterExtension static final RunningPages system = new RunningPages();}, or with settings given to
 * all three ({@code new RunningPages("--gongkai.business-date=2099-12-02")}: the sides' today).
 * <p>
 * The three share this JVM, so each is kept to its own parts: the pages leave out Axon's
 * auto-configuration (they have no event store), the sides leave out the pages' stored sessions.
 */
public final class RunningPages implements BeforeAllCallback, AfterAllCallback {

    public static final String PAGES_PASSWORD = "pages-secret-1";
    private static final String SIDES_WITHOUT_SESSIONS =
            "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.session.SessionAutoConfiguration";

    private final String[] sidesArguments;
    private RunningCommandSide commandSide;
    private RunningQuerySide querySide;
    private ConfigurableApplicationContext web;

    /** {@code settings}: given to all three processes beyond those every test gives them; each takes what it knows. */
    public RunningPages(String... settings) {
        this.sidesArguments = settings.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        commandSide = RunningCommandSide.onNewDatabase(arguments("--gongkai.pages.password=" + PAGES_PASSWORD,
                                                                 SIDES_WITHOUT_SESSIONS));
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), arguments(SIDES_WITHOUT_SESSIONS));
        web = WebApplication.start(arguments("--spring.datasource.url=" + commandSide.databaseUrl(),
                                             "--spring.datasource.username=" + TestDatabase.USER,
                                             "--server.port=0",
                                             "--gongkai.command-side.url=" + commandSide.baseUrl(),
                                             "--gongkai.query-side.url=" + querySide.baseUrl(),
                                             "--gongkai.pages.password=" + PAGES_PASSWORD,
                                             "--spring.autoconfigure.exclude="
                                             + String.join(",", autoConfigurations("org.axonframework."))));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (web != null) {
            web.close();
        }
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
    }

    public String baseUrl() {
        return "http://localhost:" + web.getEnvironment().getProperty("local.server.port");
    }

    public RunningCommandSide commandSide() {
        return commandSide;
    }

    public RunningQuerySide querySide() {
        return querySide;
    }

    public ConfigurableApplicationContext web() {
        return web;
    }

    /** Creates an agency and a clerk of it (password {@code <clerk>-password}); the clerk's API client. */
    public Http agencyWithClerk(String agencyId, String clerk) {
        return commandSide.agencyWithClerk(agencyId, clerk);
    }

    /** Waits until the query side has read every event recorded so far. */
    public void awaitProjections() {
        RunningQuerySide.awaitProjections(querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD));
    }

    private String[] arguments(String... own) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(own), java.util.Arrays.stream(sidesArguments))
                                      .toArray(String[]::new);
    }

    /** The auto-configurations on the classpath whose class names start with {@code prefix}. */
    private static TreeSet<String> autoConfigurations(String prefix) {
        TreeSet<String> found = new TreeSet<>();
        try {
            Enumeration<URL> lists = RunningPages.class.getClassLoader().getResources(
                    "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
            while (lists.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(),
                                                                                      StandardCharsets.UTF_8))) {
                    reader.lines().map(String::strip).filter(line -> line.startsWith(prefix)).forEach(found::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
