package gongkai.query.eventstream;

import gongkai.events.store.StoredEventFormat;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Listens to PostgreSQL's notification of appended events (sent by the command side after each
 * commit, {@code AppendedEventsSignal}) and wakes every open event stream at once; without a
 * notification it still wakes them once a second, for events appended by anyone else or whose
 * notification was lost with a killed process. This is what keeps the
 * query side within 200 ms of a command although it runs in its own process: the pooled
 * processor's coordinator, when its stream cannot signal new events, looks again only every 500 ms,
 * whatever its fetch delay.
 */
public class AppendedEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppendedEvents.class);

    private final DataSource dataSource;
    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    private volatile boolean running;
    private Thread thread;

    public AppendedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "gongkai-appended-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + StoredEventFormat.APPENDED_CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                wake(); // anything appended while we were not listening
                while (running) {
                    pg.getNotifications(1000);
                    wake();
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("Listening for appended events failed ({}); retrying in 1 s", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    private void wake() {
        listeners.forEach(Runnable::run);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
