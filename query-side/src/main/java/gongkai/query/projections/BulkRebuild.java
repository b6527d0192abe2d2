package gongkai.query.projections;

import gongkai.events.personal.DataKeyRing;
import gongkai.events.store.StoredEventFormat;
import gongkai.query.calendar.ClockLock;
import gongkai.query.threads.DaemonThreads;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Rebuilds the read models from the first event at the speed of the stream, for a rebuild large enough to be
 * worth it (a replay, a new projection, a query side started on an empty schema or restored without its read
 * models). The processor is stopped; the read models go on answering from their live tables meanwhile.
 * <ol>
 * <li>The tables the group rebuilds are found by its own reset: its {@code @ResetHandler}s are run against empty
 * staging copies of every read-model table ({@link StagingTables}), and the copies they empty are the group's.
 * A new projection's table is covered as soon as its reset handler empties it.</li>
 * <li>The stream is read from the first event in order, by the storage engine the processors read it with (the
 * same messages, upcast and decrypted alike), and handed in chunks of {@code chunk} events to the group's own
 * handlers, one unit of work and one transaction per chunk: each projection gathers the chunk in memory as it
 * gathers a processor's batch ({@link BatchWrites}) and writes it in a few JDBC batches, into the unlogged staging
 * copies (the connection's {@code search_path} puts them before the live tables). So the rebuilt rows are made by
 * the very rules live processing follows: there is no second copy of them to drift.</li>
 * <li>The copies are made logged and analysed, then swapped in, in one transaction with the marks of the events
 * applied ({@link AppliedEvents}: each aggregate's last event read) and the group's tokens, set at the position
 * reached (with the gaps the stream still had there): the processor started again goes on from there, exactly
 * once.</li>
 * </ol>
 * A publication of a calendar year waits until the swap (the rebuild holds the clock lock shared throughout, see
 * {@link ClockLock}), since it would recompute due dates in the live tables about to be replaced. Any failure
 * leaves the live tables and tokens as they were: the caller then replays event by event, as before.
 * <p>
 * The calendars' group is never rebuilt in bulk: a few events, and its publications take the clock lock
 * exclusively.
 */
@Service
public class BulkRebuild {

    private static final Logger log = LoggerFactory.getLogger(BulkRebuild.class);
    /** The advisory lock a bulk rebuild holds throughout ("rebuild" in ASCII). */
    private static final long ONE_AT_A_TIME = 0x72656275696c64L;

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final TokenStore tokenStore;
    private final Serializer serializer;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Environment environment;
    private final DataKeyRing keys;
    private final long fromEvents;
    private final int chunk;
    private final Map<String, Long> underWay = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> completed = new ConcurrentHashMap<>();

    public BulkRebuild(EventProcessingConfiguration processing, EventStorageEngine storage, TokenStore tokenStore,
                       Serializer serializer, DataSource dataSource, JdbcTemplate jdbc, Environment environment,
                       DataKeyRing keys, @Value("${gongkai.projections.bulk-rebuild.from-events:10000}") long fromEvents,
                       @Value("${gongkai.projections.bulk-rebuild.chunk:5000}") int chunk) {
        this.processing = processing;
        this.storage = storage;
        this.tokenStore = tokenStore;
        this.serializer = serializer;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.environment = environment;
        this.keys = keys;
        this.fromEvents = fromEvents;
        this.chunk = chunk;
    }

    /** Whether rebuilding the group over a stream of {@code head} events goes in bulk. */
    public boolean suits(String group, long head) {
        return ReadModels.PROCESSING_GROUP.equals(group) && head >= fromEvents;
    }

    /** The position a bulk rebuild of the group under way has read up to; empty when none is under way. */
    public OptionalLong position(String group) {
        Long position = underWay.get(group);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** How many bulk rebuilds of the group this instance has swapped in since it started. */
    public long completed(String group) {
        AtomicLong count = completed.get(group);
        return count == null ? 0 : count.get();
    }

    /**
     * Rebuilds the group's read models in bulk and hands over to its processor, which must be shut down; answers
     * whether it did. When it did not, nothing was changed, and the caller replays event by event.
     */
    public boolean rebuild(String group) {
        AbstractEventProcessor processor = processing.eventProcessor(group, AbstractEventProcessor.class)
                                                     .orElseThrow(() -> new IllegalArgumentException("no processor " + group));
        if (processor.isRunning()) {
            throw new IllegalStateException("the processor " + group + " must be shut down before its bulk rebuild");
        }
        EventHandlerInvoker handlers = handlersOf(processor.eventHandlerInvoker());
        underWay.put(group, 0L);
        // One connection throughout: the clock lock held on it at session level lets its own chunks take it
        // again (shared) even while a calendar publication waits for it exclusively.
        try (Connection connection = dataSource.getConnection()) {
            String searchPath = show(connection, "search_path");
            TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
            StagingTables staging = new StagingTables(jdbc);
            boolean alone = false;
            try {
                // One bulk rebuild at a time, whichever instance runs it: they share the staging schema.
                alone = Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_lock(" + ONE_AT_A_TIME + ")",
                                                                Boolean.class));
                if (!alone) {
                    throw new IllegalStateException("another instance is rebuilding in bulk");
                }
                jdbc.execute("select pg_advisory_lock_shared(" + ClockLock.KEY + ")");
                long locked = System.nanoTime();
                List<String> tables = stage(connection, staging, handlers, searchPath);
                long staged = System.nanoTime();
                Folded folded = fold(connection, group, handlers);
                if (folded.token == null) {
                    throw new IllegalStateException("no event to rebuild from");
                }
                long read = System.nanoTime();
                connection.setAutoCommit(true);
                jdbc.execute("set search_path to " + searchPath);
                finish(staging, tables);
                long logged = System.nanoTime();
                swap(connection, group, staging, tables, folded.token);
                completed.computeIfAbsent(group, g -> new AtomicLong()).incrementAndGet();
                long done = System.nanoTime();
                double seconds = (done - locked) / 1e9;
                log.info("Projection {} rebuilt in bulk: {} events in {} s ({} events/s; staging {} ms, stream {} ms "
                         + "(waiting for the reader {} ms, handlers {} ms, writes {} ms, waiting for the copies aside {} ms), "
                         + "indexes and WAL {} ms, swap {} ms), tables {}", group, folded.events, Math.round(seconds),
                         Math.round(folded.events / seconds), (staged - locked) / 1_000_000, (read - staged) / 1_000_000,
                         folded.spent.reader / 1_000_000, folded.spent.handlers / 1_000_000, folded.spent.writes / 1_000_000,
                         folded.spent.aside / 1_000_000, (logged - read) / 1_000_000,
                         (done - logged) / 1_000_000, tables);
                return true;
            } catch (Exception e) {
                log.warn("The bulk rebuild of projection {} stopped; it is replayed event by event instead", group, e);
                rollBack(connection);
                return false;
            } finally {
                try {
                    connection.setAutoCommit(true);
                    if (alone) {
                        staging.drop();
                    }
                    jdbc.execute("set search_path to " + searchPath);
                    // Both session locks (the clock's, and the one of a rebuild at a time), whichever were taken.
                    jdbc.execute("select pg_advisory_unlock_all()");
                } catch (RuntimeException | SQLException e) {
                    log.warn("Cleaning up after the bulk rebuild of {} failed", group, e);
                } finally {
                    TransactionSynchronizationManager.unbindResource(dataSource);
                }
            }
        } catch (SQLException e) {
            log.warn("No connection for the bulk rebuild of projection {}", group, e);
            return false;
        } finally {
            underWay.remove(group);
        }
    }

    /**
     * The group's handlers, invoked as its processor invokes them but with every failure thrown (a rebuild in
     * bulk dead-letters nothing: it gives up, and the replay event by event sets the failing case aside), and
     * without the part that forgets the marks (the swap writes them).
     */
    private static EventHandlerInvoker handlersOf(EventHandlerInvoker invoker) {
        List<EventMessageHandler> handlers = new ArrayList<>();
        collect(invoker, handlers);
        handlers.removeIf(h -> h instanceof AnnotationEventHandlerAdapter adapter
                               && adapter.getTargetType() == ExactlyOnce.ForgetOnReset.class);
        return SimpleEventHandlerInvoker.builder()
                                        .eventHandlers(handlers)
                                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                                        .build();
    }

    private static void collect(EventHandlerInvoker invoker, List<EventMessageHandler> handlers) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, handlers));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
        } else {
            throw new IllegalStateException("unknown kind of handler invoker: " + invoker.getClass().getName());
        }
    }

    /**
     * Makes the staging copies of the group's tables: those its reset empties, tried on empty copies of every
     * read-model table (in a transaction rolled back).
     */
    private List<String> stage(Connection connection, StagingTables staging, EventHandlerInvoker handlers,
                               String searchPath) throws SQLException {
        staging.fresh();
        List<String> candidates = staging.candidates();
        candidates.forEach(staging::create);
        jdbc.execute("set search_path to " + StagingTables.SCHEMA + ", " + searchPath);
        connection.setAutoCommit(false);
        List<String> tables;
        try {
            handlers.performReset(null);
            tables = staging.writtenInThisTransaction();
        } finally {
            connection.rollback();
        }
        for (String candidate : candidates) {
            if (!tables.contains(candidate)) {
                staging.dropTable(candidate);
            }
        }
        tables.forEach(table -> staging.createIndexes(table, true));
        connection.commit();
        if (tables.isEmpty()) {
            throw new IllegalStateException("the group's reset empties no table");
        }
        return tables;
    }

    /** What the fold reached, and where its time went. */
    private record Folded(TrackingToken token, long events, Spent spent) {
    }

    /**
     * Where the stream's time went, in nanoseconds: waiting for the reader, in the handlers, writing, waiting for the
     * copies aside.
     */
    private static final class Spent {
        long reader;
        long handlers;
        long writes;
        long aside;
    }

    /**
     * Hands the whole stream, chunk after chunk, to the handlers, on the connection set to the staging copies. The
     * next chunk is read and deserialized meanwhile, in a thread of its own (on a connection of the pool), and the
     * rows of the tables never read back are copied aside ({@link Aside}, on another).
     */
    private Folded fold(Connection connection, String group, EventHandlerInvoker handlers) throws Exception {
        TrackingToken reached = null;
        long events = 0;
        ExecutorService reader = Executors.newSingleThreadExecutor(DaemonThreads.named("gongkai-bulk-rebuild-read"));
        Spent spent = new Spent();
        try (Aside aside = new Aside(dataSource, StagingTables.SCHEMA);
             Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
            BulkRows.Rebuild rebuild = new BulkRows.Rebuild(aside);
            ChunkReader chunks = new ChunkReader(stream.iterator(), chunk, keys);
            Future<List<TrackedEventMessage<?>>> ahead = reader.submit(chunks);
            while (true) {
                long waiting = System.nanoTime();
                List<TrackedEventMessage<?>> messages = ahead.get();
                spent.reader += System.nanoTime() - waiting;
                if (messages.isEmpty()) {
                    break;
                }
                ahead = reader.submit(chunks);
                apply(connection, handlers, messages, rebuild, spent);
                long settling = System.nanoTime();
                aside.chunkEnded();
                spent.aside += System.nanoTime() - settling;
                events += messages.size();
                reached = messages.get(messages.size() - 1).trackingToken();
                underWay.put(group, reached.position().orElse(0));
            }
            rebuild.end();
            connection.commit();
            aside.settle();
        } finally {
            reader.shutdownNow();
        }
        return new Folded(reached, events, spent);
    }

    /** Reads the stream a chunk at a time (one call after the other, in one thread), deserialized. */
    private static final class ChunkReader implements Callable<List<TrackedEventMessage<?>>> {

        private final Iterator<? extends TrackedEventMessage<?>> read;
        private final int size;
        private final DataKeyRing keys;
        private long last = -1;
        private boolean stopped;

        ChunkReader(Iterator<? extends TrackedEventMessage<?>> read, int size, DataKeyRing keys) {
            this.read = read;
            this.size = size;
            this.keys = keys;
        }

        @Override
        public List<TrackedEventMessage<?>> call() {
            List<TrackedEventMessage<?>> messages = new ArrayList<>(size);
            while (!stopped && messages.size() < size && read.hasNext()) {
                TrackedEventMessage<?> next = read.next();
                long position = next.trackingToken().position().orElse(0);
                if (position <= last) {
                    // An event that fills a gap (committed after events stored later): the bulk path stops before
                    // it, and the processor takes it from there (BulkRows keys rows by the position read).
                    stopped = true;
                    break;
                }
                messages.add(next);
                last = position;
            }
            // the cases' data keys in one read, before their personal fields are opened (docs/personal-data.md)
            keys.readAhead(messages.stream().filter(m -> m instanceof DomainEventMessage<?>)
                                   .map(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier()).toList());
            // opened here, beside the fold: each message keeps what it read (its payload, its metadata, its instant
            // parsed from the stored text), so the handlers on the fold's thread find them ready
            for (TrackedEventMessage<?> message : messages) {
                message.getPayload();
                message.getMetaData();
                message.getTimestamp();
            }
            return messages;
        }
    }

    /** One chunk, one transaction; its time in the handlers and writing added to {@code spent}. */
    private static void apply(Connection connection, EventHandlerInvoker handlers, List<TrackedEventMessage<?>> messages,
                              BulkRows.Rebuild rebuild, Spent spent) throws Exception {
        long started = System.nanoTime();
        long[] handled = {started};
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(messages));
        unitOfWork.resources().put(BulkRows.CHUNK, rebuild);
        ResultMessage<Object> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = unitOfWork.getMessage();
            if (handlers.canHandle(message, Segment.ROOT_SEGMENT)) {
                handlers.handle(message, Segment.ROOT_SEGMENT);
            }
            handled[0] = System.nanoTime(); // the last one's end: the unit of work's commit (the writes) follows
            return null;
        });
        if (result.isExceptional()) {
            connection.rollback();
            Throwable cause = result.exceptionResult();
            throw cause instanceof Exception e ? e : new IllegalStateException(cause);
        }
        connection.commit();
        spent.handlers += handled[0] - started;
        spent.writes += System.nanoTime() - handled[0];
    }

    /**
     * Makes every staging copy logged, indexed and analysed, two at a time (the largest first), each on a connection
     * of its own: the copies are independent, and one alone leaves a core idle while PostgreSQL writes it out.
     */
    private void finish(StagingTables staging, List<String> tables) throws Exception {
        List<String> largestFirst = jdbc.queryForList(
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? "
                + "and c.relname = any(?) order by pg_total_relation_size(c.oid) desc", String.class,
                StagingTables.SCHEMA, tables.toArray(String[]::new));
        ExecutorService two = Executors.newFixedThreadPool(2, DaemonThreads.named("gongkai-bulk-rebuild-finish"));
        try {
            List<Future<?>> finishing = new ArrayList<>();
            for (String table : largestFirst) {
                finishing.add(two.submit(() -> staging.finish(table)));
            }
            for (Future<?> table : finishing) {
                table.get();
            }
        } finally {
            two.shutdownNow();
        }
    }

    /**
     * In one transaction: the group's tokens at the position reached, the marks of every event read, and the
     * staging copies in the live tables' places (last, so that readers wait only for the swap itself).
     */
    private void swap(Connection connection, String group, StagingTables staging, List<String> tables,
                      TrackingToken token) throws SQLException {
        connection.setAutoCommit(false);
        List<String> claimed = jdbc.queryForList("select owner from token_entry where processor_name = ? for update",
                                                 String.class, group);
        if (claimed.stream().anyMatch(owner -> owner != null)) {
            throw new IllegalStateException("another instance processes " + group + " meanwhile");
        }
        marks(connection, group, token);
        SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
        if (claimed.isEmpty()) {
            tokenStore.initializeTokenSegments(group, environment.getProperty(
                    "axon.eventhandling.processors." + group + ".initial-segment-count", Integer.class, 1), token);
        } else {
            jdbc.update("update token_entry set token = ?, token_type = ? where processor_name = ?",
                        stored.getData(), stored.getType().getName(), group);
        }
        tables.forEach(staging::swapIn);
        connection.commit();
    }

    /**
     * Each aggregate's last event read, as {@link AppliedEvents} would have marked it: every event up to the
     * token's position but those of its gaps (not read: the processor reads them if they ever come).
     */
    private void marks(Connection connection, String group, TrackingToken token) throws SQLException {
        long position = token.position().orElse(0);
        Long[] gaps = token instanceof GapAwareTrackingToken gapAware ? gapAware.getGaps().toArray(Long[]::new) : new Long[0];
        jdbc.update("delete from applied_event where processing_group = ?", group);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into applied_event (processing_group, aggregate_id, last_sequence) "
                + "select ?, aggregate_identifier, max(sequence_number) from " + StoredEventFormat.EVENT_TABLE
                + " where global_index <= ? and global_index <> all(?) group by aggregate_identifier")) {
            Array excluded = connection.createArrayOf("bigint", gaps);
            insert.setString(1, group);
            insert.setLong(2, position);
            insert.setArray(3, excluded);
            insert.executeUpdate();
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void rollBack(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            log.debug("Rolling back after a failed bulk rebuild failed", e);
        }
    }
}
