package gongkai.query.testing;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.command.testing.TestDatabase;
import gongkai.query.QuerySideApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The real query side, started on the same database as a command side, on a free port. */
public final class RunningQuerySide implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningQuerySide(String databaseUrl, String... extraArgs) {
        this.context = QuerySideApplication.start(RunningCommandSide.withMasterKey(extraArgs,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestDatabase.USER,
                "--server.port=0"));
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

    /**
     * Asks until the answer satisfies {@code done} (the projections catch up asynchronously) and returns that
     * answer; after {@code timeout} fails with an {@link AssertionError} naming {@code what} was awaited and the
     * last answer, so that a projection that never gets there fails the test instead of handing back a stale
     * answer. An answer {@code done} cannot read (e.g. not JSON yet) counts as "not yet".
     */
    public static Http.Response await(String what, Supplier<Http.Response> ask, Predicate<Http.Response> done,
                                      Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Http.Response last = ask.get();
            RuntimeException unreadable = null;
            try {
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                unreadable = e;
            }
            if (System.nanoTime() >= deadline) {
                AssertionError timedOut = new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for "
                        + what + "; the last answer: " + last.status() + " " + abbreviated(last.body()));
                if (unreadable != null) {
                    timedOut.initCause(unreadable);
                }
                throw timedOut;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }

    /**
     * Asks {@code /api/projections} until every projection has read the whole event stream, and returns that
     * answer; fails after {@code timeout}.
     */
    public static Http.Response awaitCaughtUp(Http reader, Duration timeout) {
        return await("every projection to reach the head of the event stream", () -> reader.get("/api/projections"),
                     r -> caughtUp(r, false), timeout);
    }

    /** Waits until no projection replays any more and every one has read the whole event stream. */
    public static Http.Response awaitReplayed(Http admin, Duration timeout) {
        return await("the replay to finish", () -> admin.get("/api/projections"), r -> caughtUp(r, true), timeout);
    }

    private static boolean caughtUp(Http.Response r, boolean notReplaying) {
        if (r.status() != 200) {
            return false;
        }
        long head = r.json().get("head").asLong();
        for (var p : r.json().get("projections")) {
            if (p.get("position").isNull() || p.get("position").asLong() < head
                || (notReplaying && p.get("replaying").asBoolean())) {
                return false;
            }
        }
        return true;
    }

    /** Waits until every projection has read the whole event stream, as a reader sees it; fails after 30 s. */
    public static void awaitProjections(Http reader) {
        awaitCaughtUp(reader, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        context.close();
    }
}
