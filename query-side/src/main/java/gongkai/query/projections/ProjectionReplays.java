package gongkai.query.projections;

import gongkai.events.access.Actor;
import gongkai.events.store.StoredEventFormat;
import gongkai.query.audit.EventChain;
import gongkai.query.web.Problems;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds projections from the first event while the query side keeps answering: each streaming
 * processor is shut down, its tokens reset to the tail (its {@code @ResetHandler} empties its
 * tables in the same transaction, and its dead letters are dropped: the replay meets those events
 * again), and started again. Until it has passed the head it had when the replay was asked for,
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
                         Replay replay) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventChain chain;
    private final ProjectionProgress progress = new ProjectionProgress();
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    public ProjectionReplays(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                             TransactionTemplate transactions, EventChain chain) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.chain = chain;
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
        return replay(List.of(name), admin).get(0);
    }

    /** Replays every projection at once. */
    public List<Replay> replayAll(Actor admin) {
        return replay(names(), admin);
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
                processor.resetTokens();
                replays.computeIfPresent(name, (n, r) -> new Replay(n, r.requestedAt(), r.requestedBy(), r.headAtRequest(),
                                                                    Instant.now(), null, null));
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

    /** The projections whose figures are partial now: being replayed, or catching up from the first event. */
    public List<String> replayingNow() {
        List<String> replaying = new ArrayList<>();
        processors().forEach((name, processor) -> {
            if (replaying(name) || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isReplaying)) {
                replaying.add(name);
            }
        });
        return replaying;
    }

    /** Every projection's status, sorted by name. */
    public List<Status> statuses() {
        long head = head();
        List<Status> statuses = new ArrayList<>();
        processors().forEach((name, processor) -> statuses.add(status(name, processor, head)));
        statuses.sort(Comparator.comparing(Status::name));
        return statuses;
    }

    public Optional<Status> status(String name) {
        StreamingEventProcessor processor = processors().get(name);
        return processor == null ? Optional.empty() : Optional.of(status(name, processor, head()));
    }

    /** The hash chain's position, listed with the projections: it follows the same stream, but is never replayed. */
    public Status chainStatus() {
        long head = head();
        long position = chain.head().globalIndex();
        Double rate = progress.eventsPerSecond(EVENT_CHAIN);
        return new Status(EVENT_CHAIN, position, head, position >= head, false, chain.isRunning(), 1, 1, rate,
                          ProjectionProgress.secondsLeft(position, head, rate), null);
    }

    /** The head of the event stream: the highest global index stored. */
    public long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from " + StoredEventFormat.EVENT_TABLE,
                                        Long.class);
        return head == null ? 0 : head;
    }

    private Status status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long position = position(segments);
        Replay replay = refreshed(name);
        boolean replaying = (replay != null && replay.underWay())
                            || segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean caughtUp = !replaying && !segments.isEmpty()
                           && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        Double rate = progress.eventsPerSecond(name);
        return new Status(name, position, head, caughtUp, replaying, processor.isRunning(), segments.size(),
                          segmentCount(name), rate, ProjectionProgress.secondsLeft(position, head, rate), replay);
    }

    /** The replay of a projection, marked finished once every segment is claimed, past the head of then, not replaying. */
    private Replay refreshed(String name) {
        Replay replay = replays.get(name);
        if (replay == null || !replay.underWay() || replay.startedAt() == null) {
            return replay;
        }
        StreamingEventProcessor processor = processors().get(name);
        if (processor == null || !processor.isRunning()) {
            return replay;
        }
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long position = position(segments);
        boolean done = !segments.isEmpty() && segments.size() >= segmentCount(name)
                       && segments.values().stream().noneMatch(EventTrackerStatus::isReplaying)
                       && (replay.headAtRequest() <= 0 || (position != null && position >= replay.headAtRequest()));
        if (!done) {
            return replay;
        }
        Replay finished = new Replay(name, replay.requestedAt(), replay.requestedBy(), replay.headAtRequest(),
                                     replay.startedAt(), Instant.now(), null);
        replays.replace(name, replay, finished);
        log.info("Projection {} replayed up to global index {}", name, position);
        return replays.get(name);
    }

    /** The position of a projection: the lowest of its segments' (they move together in a pooled processor). */
    private static Long position(Map<Integer, EventTrackerStatus> segments) {
        OptionalLong lowest = segments.values().stream().map(EventTrackerStatus::getCurrentPosition)
                                      .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
        return lowest.isPresent() ? lowest.getAsLong() : null;
    }

    private int segmentCount(String name) {
        Integer count = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class, name);
        return count == null ? 0 : count;
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
            processors().forEach((name, processor) -> {
                progress.sample(name, position(processor.processingStatus()), now);
                refreshed(name);
            });
            progress.sample(EVENT_CHAIN, chain.head().globalIndex(), now);
        } catch (RuntimeException e) {
            log.debug("Sampling the projections' positions failed", e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gongkai-projections");
            thread.setDaemon(true);
            return thread;
        });
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
