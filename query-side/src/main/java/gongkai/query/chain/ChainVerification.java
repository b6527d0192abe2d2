package gongkai.query.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Recomputes the hash chain from the event table as it is now and compares it, event by event, with
 * the chain kept since each event was first seen ({@link EventChain}). Plain JDBC on one connection,
 * in one read-only snapshot, streaming: the same check serves the HTTP endpoint and the command-line check ({@code gongkai.query.audit.VerifyCli}).
 *
 * <p>Each chained event is checked against its own stored link (from the stored link before it), so
 * that every tampered event is named, not only the first; in addition the whole chain is recomputed
 * from the genesis over the events in their present order, which is what a published head is
 * compared with.
 */
public final class ChainVerification {

    /**
     * Rows fetched per round trip of the cursor over the events (about 1 kB each: a few MB in memory);
     * the chain's rows are smaller, four times as many per fetch. Larger fetches keep PostgreSQL
     * streaming instead of waiting for the next request.
     */
    private static final int FETCH_SIZE = 5000;

    /** Told how far a verification has come: the positions of the global order checked so far. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = checked -> {
        };

        void checked(long positions);
    }

    /** Progress is told every this many positions, and at the end. */
    static final int PROGRESS_EVERY = 1000;

    private final Connection connection;
    private final int maxProblemsListed;
    private final Progress progress;
    private long positions;
    private final List<Verification.Problem> problems = new ArrayList<>();
    private long problemCount;

    private ChainVerification(Connection connection, int maxProblemsListed, Progress progress) {
        this.connection = connection;
        this.maxProblemsListed = maxProblemsListed;
        this.progress = progress;
    }

    /**
     * Verifies the whole event store. {@code anchorIndex}/{@code anchorHash} (both or neither) are a
     * chain head published earlier; up to {@code maxProblemsListed} problems are listed, all counted.
     */
    public static Verification verify(Connection connection, Long anchorIndex, String anchorHash,
                                      int maxProblemsListed) throws SQLException {
        return verify(connection, anchorIndex, anchorHash, maxProblemsListed, Progress.NONE);
    }

    /** {@link #verify(Connection, Long, String, int)}, telling {@code progress} how far it has come. */
    public static Verification verify(Connection connection, Long anchorIndex, String anchorHash,
                                      int maxProblemsListed, Progress progress) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean readOnly = connection.isReadOnly();
        int isolation = connection.getTransactionIsolation();
        try {
            connection.setAutoCommit(false); // a cursor, not the whole table in memory
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot of both tables
            connection.setReadOnly(true);
            return new ChainVerification(connection, maxProblemsListed, progress).run(anchorIndex, anchorHash);
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** One link of the chain as kept. */
    private record Chained(long globalIndex, String eventIdentifier, byte[] payloadDigest, byte[] metaDataDigest,
                           byte[] link) {
    }

    private ChainHead storedHead;
    private long eventsInStore;
    private long eventsChained;
    private long notYetChained;
    private byte[] previousStored = ChainHashing.GENESIS;
    private byte[] recomputed = ChainHashing.GENESIS;

    /** The rewrites of a migration of personal data, as the verification accepts them ({@link MigrationRewrites}). */
    interface Rewrites {
        Rewrites NONE = new Rewrites() {
            @Override
            public byte[] digestAsChained(StoredEvent event, byte[] payloadDigest, byte[] chainedPayloadDigest) {
                return null;
            }

            @Override
            public List<StoredEvent> unmatched() {
                return List.of();
            }
        };

        byte[] digestAsChained(StoredEvent event, byte[] payloadDigest, byte[] chainedPayloadDigest);

        List<StoredEvent> unmatched();
    }

    private Rewrites rewrites;

    /**
     * Loaded only for a store a migration rewrote, which needs the JSON reader: the command-line check of a
     * store never migrated runs on this module and the JDBC driver alone.
     */
    private Rewrites rewrites() throws SQLException {
        try (PreparedStatement table = connection.prepareStatement("select to_regclass(?) is not null")) {
            table.setString(1, MigrationRewrites.TABLE);
            try (ResultSet rs = table.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Rewrites.NONE; // a store from before migrations existed
                }
            }
        }
        try (PreparedStatement any = connection.prepareStatement("select exists (select 1 from " + MigrationRewrites.TABLE + ")");
             ResultSet rs = any.executeQuery()) {
            return rs.next() && rs.getBoolean(1) ? MigrationRewrites.load(connection) : Rewrites.NONE;
        }
    }

    private Verification run(Long anchorIndex, String anchorHash) throws SQLException {
        Instant verifiedAt = Instant.now();
        storedHead = storedHead();
        rewrites = rewrites();
        for (StoredEvent migration : rewrites.unmatched()) {
            report(Verification.Kind.ALTERED, migration, "迁移记录与迁移事件不符 (the events this migration rewrote, as listed in"
                                                         + " command_side.event_rewrite, are not the ones its event seals)");
        }
        String recomputedAtAnchor = null;
        // Two cursors in global_index order (index scans, nothing sorted), merged here position by position.
        try (PreparedStatement events = connection.prepareStatement(
                     "select " + StoredEvent.COLUMNS + " from " + StoredEvent.TABLE + " order by global_index");
             PreparedStatement chain = connection.prepareStatement(
                     "select global_index, event_identifier, payload_digest, meta_data_digest, link from "
                     + EventChain.TABLE + " order by global_index")) {
            events.setFetchSize(FETCH_SIZE);
            chain.setFetchSize(FETCH_SIZE * 4);
            try (ResultSet eventRows = events.executeQuery(); ResultSet chainRows = chain.executeQuery()) {
                StoredEvent event = nextEvent(eventRows);
                Chained chained = nextChained(chainRows);
                while (event != null || chained != null) {
                    long index;
                    if (chained == null || (event != null && event.globalIndex() < chained.globalIndex())) {
                        index = event.globalIndex();
                        position(index, event, null);
                        event = nextEvent(eventRows);
                    } else if (event == null || chained.globalIndex() < event.globalIndex()) {
                        index = chained.globalIndex();
                        position(index, null, chained);
                        chained = nextChained(chainRows);
                    } else {
                        index = event.globalIndex();
                        position(index, event, chained);
                        event = nextEvent(eventRows);
                        chained = nextChained(chainRows);
                    }
                    if (anchorIndex != null && index == anchorIndex) {
                        recomputedAtAnchor = ChainHashing.hex(recomputed);
                    }
                    if (++positions % PROGRESS_EVERY == 0) {
                        progress.checked(positions);
                    }
                }
            }
        }
        progress.checked(positions);
        Verification.Anchor anchor = null;
        if (anchorIndex != null) {
            boolean matches = anchorHash != null && anchorHash.equalsIgnoreCase(String.valueOf(recomputedAtAnchor));
            anchor = new Verification.Anchor(anchorIndex, anchorHash, recomputedAtAnchor, matches);
            if (!matches) {
                report(Verification.Kind.ANCHOR_MISMATCH, anchorIndex, null, null,
                       "公布的哈希链头与现有事件重新计算的结果不符 (the published chain head at global index " + anchorIndex
                       + " does not match the chain recomputed from the events as they are now)");
            }
        }
        AttachedFiles.Check files = AttachedFiles.check(connection, maxProblemsListed);
        List<Verification.Problem> listed = problems.stream()
                .sorted(java.util.Comparator.comparingLong(Verification.Problem::globalIndex)).toList();
        return new Verification(problemCount == 0, verifiedAt, eventsInStore, eventsChained, notYetChained, storedHead,
                                ChainHashing.hex(recomputed), anchor, listed.isEmpty() ? null : listed.get(0),
                                problemCount, listed, files);
    }

    /** One global position: the event stored there now, the event chained there, or both. */
    private void position(long index, StoredEvent event, Chained chained) throws SQLException {
        if (event != null) {
            eventsInStore++;
        }
        if (chained == null) {
            if (index > storedHead.globalIndex()) {
                notYetChained++;
                return;
            }
            recomputed = ChainHashing.link(recomputed, event);
            if (chainedAt(event.eventIdentifier()).isEmpty()) {
                report(Verification.Kind.INSERTED, event, "事件不在哈希链中：它出现在链已经经过的位置 " + index
                       + " (never chained: it appeared at global index " + index
                       + ", a position the chain had already passed)");
            } // else it was moved here: reported where it was chained
            return;
        }
        eventsChained++;
        if (event != null && event.eventIdentifier().equals(chained.eventIdentifier())) {
            byte[] payloadDigest = ChainHashing.digest(event.payload());
            byte[] metaDataDigest = ChainHashing.digest(event.metaData());
            byte[] link = ChainHashing.link(previousStored, event, payloadDigest, metaDataDigest);
            byte[] asChained = Arrays.equals(link, chained.link()) ? null
                                                                   : rewrites.digestAsChained(event, payloadDigest, chained.payloadDigest());
            if (asChained != null) {
                // Rewritten by a migration of personal data, nothing else changed: the chain as it was computed.
                payloadDigest = asChained;
                link = ChainHashing.link(previousStored, event, payloadDigest, metaDataDigest);
            }
            if (!Arrays.equals(link, chained.link())) {
                report(Verification.Kind.ALTERED, event,
                       altered(payloadDigest, metaDataDigest, chained.payloadDigest(), chained.metaDataDigest()));
            }
            recomputed = ChainHashing.link(recomputed, event, payloadDigest, metaDataDigest);
        } else {
            Located now = storedAt(chained.eventIdentifier());
            String instead = event != null ? "；该位置现为事件 " + event.eventIdentifier()
                                             + " (its place is now taken by event " + event.eventIdentifier() + ")" : "";
            if (now != null) {
                report(Verification.Kind.REORDERED, index, chained.eventIdentifier(), now.aggregateIdentifier(),
                       "事件被移动：原位置 " + index + "，现位置 " + now.globalIndex()
                       + " (moved from global index " + index + " to " + now.globalIndex() + ")" + instead);
            } else {
                report(Verification.Kind.DELETED, index, chained.eventIdentifier(), null,
                       "事件已被删除 (deleted from global index " + index + ")" + instead);
            }
            if (event != null) {
                recomputed = ChainHashing.link(recomputed, event);
                if (chainedAt(event.eventIdentifier()).isEmpty()) {
                    report(Verification.Kind.INSERTED, event, "事件不在哈希链中：它出现在已被占用的位置 " + index
                           + " (never chained: it appeared at global index " + index
                           + ", where the chain has another event)");
                }
            }
        }
        previousStored = chained.link();
    }

    private static StoredEvent nextEvent(ResultSet rows) throws SQLException {
        return rows.next() ? StoredEvent.read(rows) : null;
    }

    private static Chained nextChained(ResultSet rows) throws SQLException {
        return rows.next() ? new Chained(rows.getLong(1), rows.getString(2), rows.getBytes(3), rows.getBytes(4),
                                         rows.getBytes(5)) : null;
    }

    private static String altered(byte[] payloadDigest, byte[] metaDataDigest, byte[] chainedPayload,
                                  byte[] chainedMetaData) {
        List<String> parts = new ArrayList<>();
        if (!Arrays.equals(payloadDigest, chainedPayload)) {
            parts.add("内容 (payload)");
        }
        if (!Arrays.equals(metaDataDigest, chainedMetaData)) {
            parts.add("元数据 (metadata: actor, agency, business date)");
        }
        if (parts.isEmpty()) {
            return "事件的标识、案件、序号、类型或记录时间被改动，或其在哈希链中的记录被改动 (its identity, aggregate, "
                   + "sequence number, type, revision or recorded instant was altered, or its link in the chain was)";
        }
        return "事件被改动：" + String.join("、", parts) + " (altered after it was chained)";
    }

    private ChainHead storedHead() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select global_index, event_identifier, link, chained_at from " + EventChain.TABLE
                + " order by global_index desc limit 1");
             ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return ChainHead.genesis();
            }
            Timestamp at = rs.getTimestamp("chained_at");
            return new ChainHead(rs.getLong("global_index"), rs.getString("event_identifier"),
                                 ChainHashing.hex(rs.getBytes("link")), at == null ? null : at.toInstant());
        }
    }

    private record Located(long globalIndex, String aggregateIdentifier) {
    }

    /** Where the event with this identifier is in the event table now, or null. */
    private Located storedAt(String eventIdentifier) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select global_index, aggregate_identifier from " + StoredEvent.TABLE + " where event_identifier = ?")) {
            statement.setString(1, eventIdentifier);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new Located(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    /** Where the event with this identifier was chained. */
    private OptionalLong chainedAt(String eventIdentifier) throws SQLException {
        return indexOf("select global_index from " + EventChain.TABLE + " where event_identifier = ?", eventIdentifier);
    }

    private OptionalLong indexOf(String sql, String eventIdentifier) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, eventIdentifier);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private void report(Verification.Kind kind, StoredEvent event, String detail) {
        report(kind, event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(), detail);
    }

    private void report(Verification.Kind kind, long globalIndex, String eventIdentifier, String aggregateIdentifier,
                        String detail) {
        problemCount++;
        if (problems.size() < maxProblemsListed) {
            problems.add(new Verification.Problem(kind, globalIndex, eventIdentifier, aggregateIdentifier, detail));
        }
    }
}
