package gongkai.query.projections;

import gongkai.events.access.Actor;
import gongkai.events.store.StoredEventFormat;
import gongkai.http.Problems;
import gongkai.query.chain.EventChain;
import gongkai.query.notices.NoticeProjection;
import gongkai.query.threads.DaemonThreads;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds projections from the first event while the query side keeps answering: each streaming
 * processor is shut down, its dead letters dropped (the replay meets those events again), its tables
 * rebuilt in bulk and its tokens set where the rebuild stopped ({@link BulkRebuild}, over a large enough
 * stream) or else its tokens reset to the tail (its {@code @ResetHandler} empties its tables in the same
 * transaction), and started again. Until it has passed the head it had when the replay was asked for,
 * the projection is reported as replaying: in {@code GET /api/projections} with its progress, and
 * on every answer built from partial figures ({@link ReplayNotice}). Also samples every
 * projection's position once a second for its rate and time left.
 *
 * <p>The hash chain is not a projection and is never replayed: a chain recomputed from altered
 * events would vouch for them.
 */
@Service
public class ProjectionReplays implements SmartLifecycle {

    /** The name under which the hash chain is listed with the projections (not replayable). */
    public static final String EVENT_CHAIN = "event-chain";
    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    /** One replay: asked for by whom and when, started, finished, or failed. */
    public record Replay(String projection, Instant requestedAt, String requestedBy, long headAtRequest,
                         Instant startedAt, Instant finishedAt, String failure) {

        boolean underWay() {
            return finishedAt == null && failure == null;
        }
    }

    /** One projection's position now. */
    public record Status(String name, Long position, long head, boolean caughtUp, boolean replaying, boolean running,
                         int segmentsClaimedHere, int segments, Double eventsPerSecond, Long estimatedSecondsLeft,
                         Replay replay, long rebuiltInBulk) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventChain chain;
    private final Serializer serializer;
    private final BulkRebuild bulk;
    /** The projections that had no token when the query side started: their first run rebuilds them whole. */
    private final List<String> fresh;
    private final ProjectionProgress progress = new ProjectionProgress();
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;
    /** The projections found partial by the last sampling. */
    private volatile List<String> partial = List.of();

    public ProjectionReplays(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                             TransactionTemplate transactions, EventChain chain, Serializer serializer, BulkRebuild bulk) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.chain = chain;
        this.serializer = serializer;
        this.bulk = bulk;
        // Read before the processors start, which store their first tokens.
        this.fresh = jdbc.queryForList("select count(*) from token_entry where processor_name = ?", Long.class,
                                       ReadModels.PROCESSING_GROUP).get(0) == 0 ? List.of(ReadModels.PROCESSING_GROUP) : List.of();
    }

    /**
     * A query side started without the read models' tokens (a new database, a restore of the event store
     * alone, a schema emptied) rebuilds them from the first event: in bulk when the stream is large enough
     * ({@link BulkRebuild}), instead of letting the processor follow the whole stream event by event.
     */
    @EventListener
    public void rebuildWhatStartsFresh(ApplicationReadyEvent ready) {
        List<String> rebuilt = fresh.stream().filter(name -> processors().containsKey(name) && bulk.suits(name, head())).toList();
        if (!rebuilt.isEmpty()) {
            log.info("Projections {} start without tokens over {} events: rebuilt from the first event", rebuilt, head());
            replay(rebuilt, new Actor("gongkai", Set.of(), null));
        }
    }

    /** The projections' names: every streaming processor, sorted. */
    public List<String> names() {
        return processors().keySet().stream().sorted().toList();
    }

    /** Replays one projection; refused if unknown (404), not replayable or already replaying (409). */
    public Replay replay(String name, Actor admin) {
        StreamingEventProcessor processor = processors().get(name);
        if (processor == null) {
            if (EVENT_CHAIN.equals(name)) {
                throw new Problems.Refused(HttpStatus.CONFLICT, null, "哈希链从不重建：由被改动的事件重算的链会为其背书 "
                                           + "(the hash chain is never rebuilt: a chain recomputed from altered events would vouch for them)");
            }
            throw Problems.Refused.notFound("没有这个投影 (no projection " + name + ")");
        }
        if (!replayable(name)) {
            throw new Problems.Refused(HttpStatus.CONFLICT, null, "消息通知从不重放：已发出的消息不会再发 "
                                       + "(the notices are never replayed: a message owed once is never owed again)");
        }
        return replay(List.of(name), admin).get(0);
    }

    /** Replays every projection at once (not the notices: see {@link #replayable}). */
    public List<Replay> replayAll(Actor admin) {
        return replay(names().stream().filter(ProjectionReplays::replayable).toList(), admin);
    }

    /**
     * Whether a processor may be replayed: every projection of read models, not the notices, which build nothing
     * to rebuild and whose messages, once owed, are never owed again (docs/notices.md).
     */
    public static boolean replayable(String name) {
        return !NoticeProjection.PROCESSING_GROUP.equals(name);
    }

    private synchronized List<Replay> replay(List<String> names, Actor admin) {
        Map<String, StreamingEventProcessor> processors = processors();
        for (String name : names) {
            if (!processors.get(name).supportsReset()) {
                throw new Problems.Refused(HttpStatus.CONFLICT, null, "该投影不支持重放 (projection " + name + " cannot be replayed)");
            }
            if (replaying(name)) {
                throw new Problems.Refused(HttpStatus.CONFLICT, null, "该投影正在重放 (projection " + name + " is already replaying)");
            }
        }
        long head = head();
        Instant now = Instant.now();
        List<Replay> asked = new ArrayList<>();
        for (String name : names) {
            Replay replay = new Replay(name, now, admin.username(), head, null, null, null);
            replays.put(name, replay);
            asked.add(replay);
        }
        executor().execute(() -> run(names, processors));
        return asked;
    }

    private void run(List<String> names, Map<String, StreamingEventProcessor> processors) {
        for (String name : names) {
            StreamingEventProcessor processor = processors.get(name);
            try {
                log.info("Replaying projection {} from the first event", name);
                processor.shutDown();
                transactions.executeWithoutResult(status -> processing.deadLetterQueue(name).ifPresent(queue -> queue.clear()));
                replays.computeIfPresent(name, (n, r) -> new Replay(n, r.requestedAt(), r.requestedBy(), r.headAtRequest(),
                                                                    Instant.now(), null, null));
                if (!(bulk.suits(name, head()) && bulk.rebuild(name))) {
                    // From the tail, explicitly: the processors' default initial token is itself a replay
                    // token, and a replay token made of it never moves.
                    processor.resetTokens(source -> source.createTailToken());
                }
            } catch (RuntimeException e) {
                log.error("Replaying projection {} failed", name, e);
                replays.computeIfPresent(name, (n, r) -> new Replay(n, r.requestedAt(), r.requestedBy(), r.headAtRequest(),
                                                                    r.startedAt(), null, e.toString()));
            } finally {
                if (!processor.isRunning()) {
                    processor.start();
                }
            }
        }
    }

    /** Whether a projection is being rebuilt: asked for, and its tokens not yet past the head of then. */
    public boolean replaying(String name) {
        Replay replay = refreshed(name);
        return replay != null && replay.underWay();
    }

    /**
     * The projections whose figures are partial now: being replayed, or catching up from the first
     * event. Cheap enough for every answer: as sampled within the last second, plus any replay just
     * asked for.
     */
    public List<String> replayingNow() {
        List<String> replaying = new ArrayList<>(partial);
        replays.values().stream().filter(Replay::underWay).map(Replay::projection)
               .filter(name -> !replaying.contains(name)).forEach(replaying::add);
        replaying.sort(Comparator.naturalOrder());
        return replaying;
    }

    private List<String> partialNow() {
        List<String> replaying = new ArrayList<>();
        processors().keySet().forEach(name -> {
            if (replaying(name) || tokens(name).replaying()) {
                replaying.add(name);
            }
        });
        return List.copyOf(replaying);
    }

    /** Every projection's status, sorted by name. */
    public List<Status> statuses() {
        long head = head();
        List<Status> statuses = new ArrayList<>();
        processors().forEach((name, processor) -> statuses.add(status(name, processor, head)));
        statuses.sort(Comparator.comparing(Status::name));
        return statuses;
    }

    /** The hash chain's position, listed with the projections: it follows the same stream, but is never replayed. */
    public Status chainStatus() {
        long head = head();
        long position = chain.head().globalIndex();
        Double rate = progress.eventsPerSecond(EVENT_CHAIN);
        return new Status(EVENT_CHAIN, position, head, position >= head, false, chain.isRunning(), 1, 1, rate,
                          ProjectionProgress.secondsLeft(position, head, rate), null, 0);
    }

    /** The head of the event stream: the highest global index stored. */
    public long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from " + StoredEventFormat.EVENT_TABLE,
                                        Long.class);
        return head == null ? 0 : head;
    }

    private Status status(String name, StreamingEventProcessor processor, long head) {
        Tokens tokens = tokens(name);
        Replay replay = refreshed(name);
        boolean replaying = (replay != null && replay.underWay()) || tokens.replaying();
        boolean caughtUp = !replaying && tokens.position() != null && tokens.position() >= head;
        Double rate = progress.eventsPerSecond(name);
        return new Status(name, tokens.position(), head, caughtUp, replaying, processor.isRunning(),
                          processor.processingStatus().size(), tokens.segments(), rate,
                          ProjectionProgress.secondsLeft(tokens.position(), head, rate), replay, bulk.completed(name));
    }

    /**
     * The replay of a projection, marked finished once every segment's token is past the head of the
     * moment it was asked for. (Axon keeps a token flagged as replaying until an event newer than
     * that head arrives, so the flag alone would keep a quiet system "replaying" for ever.)
     */
    private Replay refreshed(String name) {
        Replay replay = replays.get(name);
        StreamingEventProcessor processor = processors().get(name);
        if (replay == null || !replay.underWay() || replay.startedAt() == null || processor == null
            || !processor.isRunning()) {
            return replay; // not finished while its processor is stopped: its tokens are not yet reset
        }
        Tokens tokens = tokens(name);
        if (tokens.segments() == 0 || tokens.position() == null || tokens.position() < replay.headAtRequest()) {
            return replay;
        }
        Replay finished = new Replay(name, replay.requestedAt(), replay.requestedBy(), replay.headAtRequest(),
                                     replay.startedAt(), Instant.now(), null);
        if (replays.replace(name, replay, finished)) {
            partial = partial.stream().filter(other -> !other.equals(name)).toList();
            log.info("Projection {} replayed up to global index {}", name, tokens.position());
        }
        return replays.get(name);
    }

    /**
     * A processor's position: per segment, its token as stored (whichever instance holds it) or, when
     * this instance processes the segment, the position it has reached since (a segment with no event
     * of its own stores its token only now and then); the lowest of them, and whether any is still
     * before the position its replay runs to.
     */
    private record Tokens(int segments, Long position, boolean replaying) {
    }

    private Tokens tokens(String name) {
        StreamingEventProcessor processor = processors().get(name);
        OptionalLong inBulk = bulk.position(name);
        Map<Integer, EventTrackerStatus> live = processor == null ? Map.of() : processor.processingStatus();
        List<Object[]> stored = jdbc.query("select segment, token, token_type from token_entry where processor_name = ?",
                                           (rs, i) -> new Object[]{rs.getInt(1), token(rs.getBytes(2), rs.getString(3))},
                                           name);
        Long lowest = null;
        boolean replaying = false;
        for (Object[] segment : stored) {
            TrackingToken token = (TrackingToken) segment[1];
            long position = token == null ? 0 : token.position().orElse(0);
            EventTrackerStatus here = live.get((Integer) segment[0]);
            if (here != null && here.getCurrentPosition().isPresent()) {
                position = Math.max(position, here.getCurrentPosition().getAsLong());
            }
            lowest = lowest == null ? position : Math.min(lowest, position);
            OptionalLong reset = ReplayToken.getTokenAtReset(token);
            replaying |= reset.isPresent() && position < reset.getAsLong();
        }
        if (inBulk.isPresent()) {
            return new Tokens(stored.size(), inBulk.getAsLong(), true);
        }
        return new Tokens(stored.size(), lowest, replaying);
    }

    private TrackingToken token(byte[] stored, String type) {
        if (stored == null || type == null) {
            return null;
        }
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class, type, null));
        } catch (RuntimeException e) {
            log.debug("Unreadable token of type {}", type, e);
            return null;
        }
    }

    private Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }

    private ScheduledExecutorService executor() {
        ScheduledExecutorService running = executor;
        if (running == null) {
            throw new IllegalStateException("the query side is not running");
        }
        return running;
    }

    // ---- sampling the positions once a second --------------------------------------------------

    private void sampleAll() {
        try {
            Instant now = Instant.now();
            processors().keySet().forEach(name -> {
                progress.sample(name, tokens(name).position(), now);
                refreshed(name);
            });
            progress.sample(EVENT_CHAIN, chain.head().globalIndex(), now);
            partial = partialNow();
        } catch (RuntimeException e) {
            log.debug("Sampling the projections' positions failed", e);
        }
    }

    @Override
    public void start() {
        // Two threads: the sampling goes on while a replay is run (a bulk rebuild runs in the replay's thread).
        ScheduledExecutorService started = Executors.newScheduledThreadPool(2, DaemonThreads.named("gongkai-projections"));
        executor = started;
        started.scheduleWithFixedDelay(this::sampleAll, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
