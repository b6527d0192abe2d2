package gongkai.query.chain;

import gongkai.query.eventstream.AppendedEvents;
import gongkai.query.rows.CopyRows;
import gongkai.query.threads.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the hash chain ({@link ChainHashing}) over the event table, strictly in global_index order.
 *
 * <p>It follows the committed rows of the event table itself rather than an event processor,
 * because a processor may receive an event that fills a gap (a transaction that took its
 * global_index before another one but committed after it) after events that follow it, and a chain
 * must never be rewritten. A gap in global_index therefore stops the chain until it has settled: it
 * is passed once this follower has seen it for {@code gongkai.audit.chain.settle} (default 5 s), or
 * at once when the event after it was recorded longer ago than that (an old gap left by a rolled-back
 * transaction). A row that still appears in a passed gap is reported by the verification as inserted.
 *
 * <p>Woken by PostgreSQL's notification of appended events, and once a second for gaps. Only one
 * follower extends the chain at a time, whatever the number of query-side instances (an advisory
 * lock, in the transaction that appends the links).
 */
@Component
public class EventChain implements SmartLifecycle {

    /** The chain table, qualified, so that a plain JDBC connection (the CLI) finds it too. */
    static final String TABLE = "query_side.event_chain";
    private static final Logger log = LoggerFactory.getLogger(EventChain.class);
    private static final int BATCH = 1000;
    /**
     * The advisory lock of the single writer ("gkchain" in ASCII). Not the key of the clock lock
     * (gongkai.query.calendar.ClockLock, "gongkai"), which every batch of application events holds shared:
     * with one key for both, the chain could not extend while application batches ran (a whole replay).
     */
    private static final long WRITER_LOCK = 0x676b636861696eL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AppendedEvents appended;
    private final Duration settle;
    private final Clock clock;
    /** When this follower first saw each gap that stops the chain: the gap's first missing global_index. */
    private final Map<Long, Instant> gapsSeen = new ConcurrentHashMap<>();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final Runnable wakeUp = this::wakeUp;
    private volatile ScheduledExecutorService executor;

    public EventChain(JdbcTemplate jdbc, TransactionTemplate transactions, AppendedEvents appended,
                      @Value("${gongkai.audit.chain.settle:PT5S}") Duration settle) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.appended = appended;
        this.settle = settle;
        this.clock = Clock.systemUTC();
    }

    /** The last link of the chain now. */
    public ChainHead head() {
        List<ChainHead> last = jdbc.query("select global_index, event_identifier, link, chained_at from " + TABLE
                                          + " order by global_index desc limit 1", (rs, i) -> head(rs));
        return last.isEmpty() ? ChainHead.genesis() : last.get(0);
    }

    /** The link of the chain at one event (the head as it was when that event was chained). */
    public Optional<ChainHead> linkAt(long globalIndex) {
        return jdbc.query("select global_index, event_identifier, link, chained_at from " + TABLE
                          + " where global_index = ?", (rs, i) -> head(rs), globalIndex).stream().findFirst();
    }

    /**
     * The head once the chain covers every event up to {@code globalIndex} (e.g. the last event of a
     * year about to be published): extends the chain, waiting for at most {@code timeout} (a recent
     * gap before that event may hold it for up to the settle time).
     */
    public Optional<ChainHead> headCovering(long globalIndex, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            extend();
            ChainHead head = head();
            if (head.globalIndex() >= globalIndex) {
                return Optional.of(head);
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            sleep(50);
        }
    }

    /** Extends the chain as far as the committed, settled rows allow; returns how many links it added. */
    public synchronized int extend() {
        int added = 0;
        int batch;
        do {
            batch = transactions.execute(status -> extendOnce());
            added += batch;
        } while (batch == BATCH);
        return added;
    }

    private int extendOnce() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, WRITER_LOCK))) {
            return 0; // another instance is extending the chain
        }
        ChainHead head = head();
        List<StoredEvent> rows = jdbc.query("select " + StoredEvent.COLUMNS + " from " + StoredEvent.TABLE
                                            + " where global_index > ? order by global_index limit " + BATCH,
                                            (rs, i) -> StoredEvent.read(rs, ""), head.globalIndex());
        Instant now = clock.instant();
        byte[] previous = ChainHashing.fromHex(head.hash());
        long expected = head.globalIndex() + 1;
        List<Object[]> links = new ArrayList<>();
        for (StoredEvent event : rows) {
            if (event.globalIndex() > expected && !settled(expected, event, now)) {
                break;
            }
            byte[] payloadDigest = ChainHashing.digest(event.payload());
            byte[] metaDataDigest = ChainHashing.digest(event.metaData());
            byte[] link = ChainHashing.link(previous, event, payloadDigest, metaDataDigest);
            links.add(new Object[]{event.globalIndex(), event.eventIdentifier(), payloadDigest, metaDataDigest, link,
                                   Timestamp.from(now)});
            previous = link;
            expected = event.globalIndex() + 1;
        }
        if (!links.isEmpty()) {
            // copied rather than inserted row by row: a chain built afresh (a query side restored without its tables)
            // is a million rows and more, built beside the read models' rebuild
            CopyRows.copy(jdbc, TABLE, "global_index, event_identifier, payload_digest, meta_data_digest, link, chained_at",
                          links, link -> link);
            long last = expected - 1;
            gapsSeen.keySet().removeIf(gap -> gap <= last);
        }
        return links.size();
    }

    /** Whether the gap before {@code next} (starting at {@code gapStart}) is old enough to be a rolled-back transaction's. */
    private boolean settled(long gapStart, StoredEvent next, Instant now) {
        Instant firstSeen = gapsSeen.computeIfAbsent(gapStart, gap -> now);
        if (!now.isBefore(firstSeen.plus(settle))) {
            return true;
        }
        try {
            return Instant.parse(next.timeStamp()).plus(settle).isBefore(now);
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    private static ChainHead head(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp chainedAt = rs.getTimestamp("chained_at");
        return new ChainHead(rs.getLong("global_index"), rs.getString("event_identifier"),
                             ChainHashing.hex(rs.getBytes("link")), chainedAt == null ? null : chainedAt.toInstant());
    }

    // ---- following the event table -----------------------------------------------------------

    private void wakeUp() {
        ScheduledExecutorService running = executor;
        if (running != null && wakeUpPending.compareAndSet(false, true)) {
            running.execute(() -> {
                wakeUpPending.set(false);
                extendQuietly();
            });
        }
    }

    private void extendQuietly() {
        try {
            extend();
        } catch (RuntimeException e) {
            log.warn("Extending the event hash chain failed ({}); retrying shortly", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("gongkai-event-chain"));
        executor = started;
        started.scheduleWithFixedDelay(this::extendQuietly, 0, 1, TimeUnit.SECONDS);
        appended.subscribe(wakeUp);
    }

    @Override
    public void stop() {
        appended.unsubscribe(wakeUp);
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
