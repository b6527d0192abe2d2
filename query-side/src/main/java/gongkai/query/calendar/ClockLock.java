package gongkai.query.calendar;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps due dates and calendar publications from crossing each other (PostgreSQL transaction-level
 * advisory lock). A batch of application events takes it shared, once, before it counts any due
 * date; a calendar publication takes it exclusively before it records the year and recomputes the
 * due dates it touches. So a publication waits for the batches under way to commit, and a batch
 * begun after it waits for its commit and then counts on the new calendar: no due date is left
 * counted on a calendar that was replaced while it was being counted. Both locks end with their
 * transaction. The application segments never wait for each other.
 */
@Component
public class ClockLock {

    /** "gongkai" in ASCII: the key of the one advisory lock the query side uses for the clock. */
    public static final long KEY = 0x676f6e676b6169L;
    private static final String TAKEN = ClockLock.class.getName() + ".shared";

    private final JdbcTemplate jdbc;

    public ClockLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock shared for the current transaction, once per unit of work (a processor's batch). */
    public void shared() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().getOrComputeResource(TAKEN, key -> {
                take("pg_advisory_xact_lock_shared");
                return Boolean.TRUE;
            });
        } else {
            take("pg_advisory_xact_lock_shared");
        }
    }

    /** Takes the lock exclusively for the current transaction. */
    public void exclusive() {
        take("pg_advisory_xact_lock");
    }

    private void take(String function) {
        jdbc.query("select " + function + "(?)", rs -> { }, KEY);
    }
}
