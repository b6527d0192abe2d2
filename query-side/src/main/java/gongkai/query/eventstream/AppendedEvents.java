package gongkai.query.eventstream;

import gongkai.events.store.StoredEventFormat;
import gongkai.http.PostgresNotifications;

import javax.sql.DataSource;
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
public class AppendedEvents extends PostgresNotifications {

    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();

    public AppendedEvents(DataSource dataSource) {
        super(dataSource, StoredEventFormat.APPENDED_CHANNEL, "appended events");
    }

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    protected void listening() {
        wake(); // anything appended while we were not listening
    }

    @Override
    protected void waited(boolean anything) {
        wake();
    }

    @Override
    protected void deaf() {
        // the streams look again on their own, every 500 ms
    }

    private void wake() {
        listeners.forEach(Runnable::run);
    }
}
