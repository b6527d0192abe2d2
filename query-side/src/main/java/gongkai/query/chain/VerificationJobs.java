package gongkai.query.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.query.threads.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Verifications of the event store ({@link ChainVerification}) run as jobs: at ten million events a
 * verification takes minutes, longer than a request should be held open. A job runs in the background
 * with its progress (positions of the global order checked, of about the events in the store) written
 * to {@code verification_job} as it goes, and its result kept there once done, so that any instance
 * answers for it.
 *
 * <p>One at a time across every query-side instance: the job holds a session-level advisory lock on the
 * connection it verifies on, from its start to its end. A start that cannot take the lock is refused,
 * naming the running job. A job left {@code RUNNING} by an instance that stopped holds no lock any more
 * (PostgreSQL releases a session's locks with it): the next start marks it failed.
 */
@Service
public class VerificationJobs implements DisposableBean {

    /** The advisory lock held while a verification runs ("gkverif" in ASCII; the chain's writer is "gkchain"). */
    static final long RUNNING_LOCK = 0x676b7665726966L;
    private static final Logger log = LoggerFactory.getLogger(VerificationJobs.class);
    private static final int MAX_PROBLEMS_LISTED = 1000;
    /** Progress is written at most this often (ms): a verification reads tens of thousands of events a second. */
    private static final long PROGRESS_INTERVAL_MILLIS = 250;

    public enum State { RUNNING, FINISHED, FAILED }

    /** One job as stored; {@code result} is the {@link Verification} once finished. */
    public record Job(String id, State state, String requestedBy, Long anchorIndex, String anchorHash,
                      Instant startedAt, Instant finishedAt, long eventsChecked, long eventsTotal, Boolean intact,
                      Long problemCount, JsonNode result, String failure) {
    }

    /** A start refused because another verification runs; {@code runningId} is null if it could not be seen yet. */
    public static final class AlreadyRunning extends RuntimeException {
        private final String runningId;

        AlreadyRunning(String runningId) {
            super("a verification is already running", null, false, false);
            this.runningId = runningId;
        }

        public String runningId() {
            return runningId;
        }
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("gongkai-verification"));

    public VerificationJobs(DataSource dataSource, JdbcTemplate jdbc, ObjectMapper json) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Starts a verification (anchor: both or neither, checked by the caller) and returns its id at once.
     *
     * @throws AlreadyRunning when a verification runs already, on this instance or another
     */
    public String start(String requestedBy, Long anchorIndex, String anchorHash) {
        Connection connection = null;
        boolean handedOver = false;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (!tryLock(connection)) {
                throw new AlreadyRunning(runningId());
            }
            jdbc.update("update verification_job set state = 'FAILED', finished_at = now(), failure = ? "
                        + "where state = 'RUNNING'",
                        "核验中断：运行它的实例已停止 (abandoned: the instance running it stopped)");
            long total = jdbc.queryForObject("select count(*) from " + StoredEvent.TABLE, Long.class);
            String id = UUID.randomUUID().toString();
            jdbc.update("insert into verification_job (job_id, state, requested_by, anchor_index, anchor_hash, started_at, "
                        + "events_total) values (?, 'RUNNING', ?, ?, ?, ?, ?)",
                        id, requestedBy, anchorIndex, anchorHash, Timestamp.from(Instant.now()), total);
            Connection held = connection;
            executor.execute(() -> run(id, held, anchorIndex, anchorHash));
            handedOver = true;
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("the verification could not be started", e);
        } finally {
            if (!handedOver && connection != null) {
                release(connection);
            }
        }
    }

    /** The jobs, newest first. */
    public List<Job> list(int page, int size) {
        return jdbc.query("select * from verification_job order by started_at desc, job_id limit ? offset ?", this::job,
                          size, (long) page * size);
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from verification_job", Long.class);
    }

    public Optional<Job> find(String id) {
        return jdbc.query("select * from verification_job where job_id = ?", this::job, id).stream().findFirst();
    }

    private void run(String id, Connection connection, Long anchorIndex, String anchorHash) {
        long[] lastWrite = {System.nanoTime()};
        try {
            Verification verification = ChainVerification.verify(connection, anchorIndex, anchorHash, MAX_PROBLEMS_LISTED,
                    positions -> {
                        long now = System.nanoTime();
                        if (now - lastWrite[0] >= PROGRESS_INTERVAL_MILLIS * 1_000_000) {
                            lastWrite[0] = now;
                            jdbc.update("update verification_job set events_checked = ? where job_id = ?", positions, id);
                        }
                    });
            long positions = Math.max(verification.eventsInStore(), verification.eventsChained());
            jdbc.update("update verification_job set state = 'FINISHED', finished_at = ?, events_checked = ?, "
                        + "events_total = ?, intact = ?, problem_count = ?, result = ? where job_id = ?",
                        Timestamp.from(Instant.now()), positions, positions, verification.intact(),
                        verification.problemCount(), json.writeValueAsString(verification), id);
            log.info("Verification {} finished: {}", id, verification.intact() ? "intact"
                                                                             : verification.problemCount() + " problem(s)");
        } catch (SQLException | JsonProcessingException | RuntimeException e) {
            log.warn("Verification {} failed: {}", id, e.toString());
            try {
                jdbc.update("update verification_job set state = 'FAILED', finished_at = ?, failure = ? where job_id = ?",
                            Timestamp.from(Instant.now()), clip("核验未能完成 (the verification could not finish: "
                                                                 + e.getMessage() + ")"), id);
            } catch (RuntimeException notRecorded) {
                log.warn("The failure of verification {} could not be recorded: {}", id, notRecorded.toString());
            }
        } finally {
            release(connection);
        }
    }

    /** The running job, as soon as its row is visible (a start takes the lock just before it inserts the row). */
    private String runningId() {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<String> running = jdbc.queryForList("select job_id from verification_job where state = 'RUNNING' "
                                                     + "order by started_at desc limit 1", String.class);
            if (!running.isEmpty()) {
                return running.get(0);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return null;
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, RUNNING_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Unlocks (a no-op if this session does not hold the lock) and returns the connection to the pool. */
    private static void release(Connection connection) {
        try (connection; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException e) {
            log.warn("Releasing the verification's connection failed: {}", e.toString());
        }
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        String result = rs.getString("result");
        JsonNode resultJson;
        try {
            resultJson = result == null ? null : json.readTree(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored result of verification " + rs.getString("job_id") + " is not JSON", e);
        }
        return new Job(rs.getString("job_id"), State.valueOf(rs.getString("state")), rs.getString("requested_by"),
                       (Long) rs.getObject("anchor_index"), rs.getString("anchor_hash"),
                       rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                       rs.getLong("events_checked"), rs.getLong("events_total"), (Boolean) rs.getObject("intact"),
                       (Long) rs.getObject("problem_count"), resultJson, rs.getString("failure"));
    }

    private static String clip(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
