package gongkai.command.eventstore;

import gongkai.events.store.StoredEventFormat;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells the query side that events were appended: a PostgreSQL {@code NOTIFY} on
 * {@link StoredEventFormat#APPENDED_CHANNEL}, sent after the command's commit by one thread of its own.
 *
 * <p>Not from inside the command's transaction: a transaction that notifies holds PostgreSQL's one
 * notification lock until its commit is on disk, so every command would wait for every other
 * command's disk write in turn (with the notification in the transaction, 16 clients got about 109
 * commands/s through). Here, commits that happen while a notification is being sent, or within
 * {@link #SPACING} after it, share the next one: under load the query side wakes for batches, not for
 * every command (each wake-up is a read of the event table by every processor). A lost signal (a process killed between commit and notification) costs the query side
 * only the wait until its next look at the event table.
 */
public class AppendedEventsSignal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppendedEventsSignal.class);

    /** The notification's own transaction need not wait for the disk: it records nothing. */
    private static final String NOTIFY = "select set_config('synchronous_commit', 'off', true), pg_notify(?, '')";

    /** At most one notification per this interval: what it adds to the lag is well inside its 200 ms. */
    static final Duration SPACING = Duration.ofMillis(10);

    private final DataSource dataSource;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread thread;

    public AppendedEventsSignal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For the command bus: once a command's unit of work has committed, its events are signalled. */
    public MessageHandlerInterceptor<CommandMessage<?>> afterEachCommit() {
        return (unitOfWork, chain) -> {
            unitOfWork.afterCommit(committed -> appended());
            return chain.proceed();
        };
    }

    /** Events were committed: the query side will be told once, soon. */
    public void appended() {
        pending.set(true);
        Thread sender = thread;
        if (sender != null) {
            LockSupport.unpark(sender);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::send, "gongkai-appended-events-signal");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread sender = thread;
        if (sender != null) {
            LockSupport.unpark(sender);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void send() {
        while (running) {
            if (!pending.getAndSet(false)) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                continue;
            }
            pause(notifyQuerySide() ? SPACING : Duration.ofMillis(200));
        }
    }

    private boolean notifyQuerySide() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
            connection.setAutoCommit(true);
            notify.setString(1, StoredEventFormat.APPENDED_CHANNEL);
            notify.execute();
            return true;
        } catch (Exception e) {
            log.warn("Could not signal appended events to the query side ({}); trying again", e.toString());
            pending.set(true);
            return false;
        }
    }

    /** Waits the whole interval: signals of new commits wake the thread, and they are to wait too. */
    private void pause(Duration interval) {
        long until = System.nanoTime() + interval.toNanos();
        for (long left = interval.toNanos(); left > 0 && running; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
