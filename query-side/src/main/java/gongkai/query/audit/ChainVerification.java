package gongkai.query.audit;

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
 * in one read-only snapshot, streaming: the same check serves the HTTP endpoint and {@link VerifyCli}.
 *
 * <p>Each chained event is checked against its own stored link (from the stored link before it), so
 * that every tampered event is named, not only the first; in addition the whole chain is recomputed
 * from the genesis over the events in their present order, which is what a published head is
 * compared with.
 */
public final class ChainVerification {

    private static final int FETCH_SIZE = 500;

    private final Connection connection;
    private final int maxProblemsListed;
    private final List<Verification.Problem> problems = new ArrayList<>();
    private long problemCount;

    private ChainVerification(Connection connection, int maxProblemsListed) {
        this.connection = connection;
        this.maxProblemsListed = maxProblemsListed;
    }

    /**
     * Verifies the whole event store. {@code anchorIndex}/{@code anchorHash} (both or neither) are a
     * chain head published earlier; up to {@code maxProblemsListed} problems are listed, all counted.
     */
    public static Verification verify(Connection connection, Long anchorIndex, String anchorHash,
                                      int maxProblemsListed) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean readOnly = connection.isReadOnly();
        int isolation = connection.getTransactionIsolation();
        try {
            connection.setAutoCommit(false); // a cursor, not the whole table in memory
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot of both tables
            connection.setReadOnly(true);
            return new ChainVerification(connection, maxProblemsListed).run(anchorIndex, anchorHash);
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private Verification run(Long anchorIndex, String anchorHash) throws SQLException {
        Instant verifiedAt = Instant.now();
        ChainHead storedHead = storedHead();
        long eventsInStore = 0;
        long eventsChained = 0;
        long notYetChained = 0;
        byte[] previousStored = ChainHashing.GENESIS;
        byte[] recomputed = ChainHashing.GENESIS;
        String recomputedAtAnchor = null;
        String sql = "select e.global_index as e_global_index, e.event_identifier as e_event_identifier, "
                     + "e.aggregate_identifier as e_aggregate_identifier, e.sequence_number as e_sequence_number, "
                     + "e.type as e_type, e.time_stamp as e_time_stamp, e.payload_type as e_payload_type, "
                     + "e.payload_revision as e_payload_revision, e.payload as e_payload, e.meta_data as e_meta_data, "
                     + "c.global_index as c_global_index, c.event_identifier as c_event_identifier, "
                     + "c.payload_digest, c.meta_data_digest, c.link "
                     + "from " + StoredEvent.TABLE + " e full outer join " + EventChain.TABLE + " c "
                     + "on c.global_index = e.global_index "
                     + "order by coalesce(e.global_index, c.global_index)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    boolean inStore = rs.getObject("e_global_index") != null;
                    boolean inChain = rs.getObject("c_global_index") != null;
                    StoredEvent event = inStore ? StoredEvent.read(rs, "e_") : null;
                    long index = inStore ? event.globalIndex() : rs.getLong("c_global_index");
                    if (inStore) {
                        eventsInStore++;
                    }
                    if (!inChain) {
                        if (index > storedHead.globalIndex()) {
                            notYetChained++;
                            continue;
                        }
                        recomputed = ChainHashing.link(recomputed, event);
                        if (chainedAt(event.eventIdentifier()).isEmpty()) {
                            report(Verification.Kind.INSERTED, event, "事件不在哈希链中：它出现在链已经经过的位置 " + index
                                   + " (never chained: it appeared at global index " + index
                                   + ", a position the chain had already passed)");
                        } // else it was moved here: reported where it was chained
                    } else {
                        eventsChained++;
                        String chainedEvent = rs.getString("c_event_identifier");
                        byte[] storedLink = rs.getBytes("link");
                        if (inStore && event.eventIdentifier().equals(chainedEvent)) {
                            byte[] payloadDigest = ChainHashing.digest(event.payload());
                            byte[] metaDataDigest = ChainHashing.digest(event.metaData());
                            byte[] link = ChainHashing.link(previousStored, event, payloadDigest, metaDataDigest);
                            if (!Arrays.equals(link, storedLink)) {
                                report(Verification.Kind.ALTERED, event, altered(payloadDigest, metaDataDigest,
                                        rs.getBytes("payload_digest"), rs.getBytes("meta_data_digest")));
                            }
                            recomputed = ChainHashing.link(recomputed, event, payloadDigest, metaDataDigest);
                        } else {
                            Located now = storedAt(chainedEvent);
                            String instead = inStore ? "；该位置现为事件 " + event.eventIdentifier()
                                                       + " (its place is now taken by event " + event.eventIdentifier() + ")" : "";
                            if (now != null) {
                                report(Verification.Kind.REORDERED, index, chainedEvent, now.aggregateIdentifier(),
                                       "事件被移动：原位置 " + index + "，现位置 " + now.globalIndex()
                                       + " (moved from global index " + index + " to " + now.globalIndex() + ")" + instead);
                            } else {
                                report(Verification.Kind.DELETED, index, chainedEvent, null,
                                       "事件已被删除 (deleted from global index " + index + ")" + instead);
                            }
                            if (inStore) {
                                recomputed = ChainHashing.link(recomputed, event);
                                if (chainedAt(event.eventIdentifier()).isEmpty()) {
                                    report(Verification.Kind.INSERTED, event, "事件不在哈希链中：它出现在已被占用的位置 " + index
                                           + " (never chained: it appeared at global index " + index
                                           + ", where the chain has another event)");
                                }
                            }
                        }
                        previousStored = storedLink;
                    }
                    if (anchorIndex != null && index == anchorIndex) {
                        recomputedAtAnchor = ChainHashing.hex(recomputed);
                    }
                }
            }
        }
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
        List<Verification.Problem> listed = problems.stream()
                .sorted(java.util.Comparator.comparingLong(Verification.Problem::globalIndex)).toList();
        return new Verification(problemCount == 0, verifiedAt, eventsInStore, eventsChained, notYetChained, storedHead,
                                ChainHashing.hex(recomputed), anchor, listed.isEmpty() ? null : listed.get(0),
                                problemCount, listed);
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
