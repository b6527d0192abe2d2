package gongkai.http;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Listens on one PostgreSQL notification channel on a connection of its own, in a thread of its own, and
 * tells its subclass what it hears: that it listens (anything sent before may have been missed), each
 * second whether something arrived, and that it no longer listens (PostgreSQL away, the connection killed
 * or silently dead). It listens again a second after a failure, for as long as it runs.
 */
public abstract class PostgresNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

    private static final long QUIET_BEFORE_CHECK_NANOS = 30_000_000_000L;
    private static final int VALIDITY_TIMEOUT_SECONDS = 10;

    private final DataSource dataSource;
    private final String channel;
    private final String what;
    private volatile boolean running;
    private Thread thread;

    /** {@code what} names the changes heard, for the log line of a failure. */
    protected PostgresNotifications(DataSource dataSource, String channel, String what) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.what = what;
    }

    /** LISTEN is in place; whatever was sent before it may have been missed. Called on the listening thread. */
    protected abstract void listening();

    /** One wait of up to a second is over; {@code anything} if at least one notification arrived. */
    protected abstract void waited(boolean anything);

    /** No longer listening, until {@link #listening()} again. */
    protected abstract void deaf();

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "gongkai-listen-" + channel);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        deaf();
        if (thread != null) {
            thread.interrupt();
            try {
                // Its connection back in the pool before the pool closes: a wait lasts at most a second.
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening();
                long quietSince = System.nanoTime();
                while (running) {
                    boolean anything = pg.getNotifications(1000).length > 0;
                    if (anything) {
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > QUIET_BEFORE_CHECK_NANOS) {
                        // A connection that died silently hears nothing: after a quiet spell, ask it once. The
                        // spell and the generous timeout keep a busy machine's slow answer from passing for death.
                        if (!connection.isValid(VALIDITY_TIMEOUT_SECONDS)) {
                            throw new SQLException("the listening connection is no longer valid");
                        }
                        quietSince = System.nanoTime();
                    }
                    waited(anything);
                }
            } catch (Exception e) {
                deaf();
                if (running) {
                    log.warn("Listening for {} failed ({}); listening again in 1 s", what, e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            } finally {
                deaf();
            }
        }
    }
}
