package gongkai.query.testing;

import gongkai.command.testing.Http;
import gongkai.command.testing.TestDatabase;
import gongkai.query.QuerySideApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.function.Predicate;

/** The real query side, started on the same database as a command side, on a free port. */
public final class RunningQuerySide implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningQuerySide(String databaseUrl, String... extraArgs) {
        String[] args = new String[3 + extraArgs.length];
        args[0] = "--spring.datasource.url=" + databaseUrl;
        args[1] = "--spring.datasource.username=" + TestDatabase.USER;
        args[2] = "--server.port=0";
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        this.context = QuerySideApplication.start(args);
    }

    public static RunningQuerySide on(String databaseUrl, String... extraArgs) {
        return new RunningQuerySide(databaseUrl, extraArgs);
    }

    public String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public Http as(String username, String password) {
        return new Http(baseUrl(), username, password);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Asks until the answer satisfies {@code done} (the projections catch up asynchronously). */
    public static Http.Response await(java.util.function.Supplier<Http.Response> ask, Predicate<Http.Response> done,
                                      Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http.Response last = ask.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = ask.get();
        }
        return last;
    }

    /** Asks {@code /api/projections} until every projection has read the whole event stream. */
    public static Http.Response awaitCaughtUp(Http reader, Duration timeout) {
        return await(() -> reader.get("/api/projections"), r -> {
            if (r.status() != 200) {
                return false;
            }
            long head = r.json().get("head").asLong();
            for (var p : r.json().get("projections")) {
                if (p.get("position").isNull() || p.get("position").asLong() < head) {
                    return false;
                }
            }
            return true;
        }, timeout);
    }

    /** Waits until every projection has read the whole event stream, as a reader sees it; fails after 30 s. */
    public static void awaitProjections(Http reader) {
        Http.Response caughtUp = awaitCaughtUp(reader, Duration.ofSeconds(30));
        if (caughtUp.status() != 200) {
            throw new IllegalStateException("projections not readable: " + caughtUp.body());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
