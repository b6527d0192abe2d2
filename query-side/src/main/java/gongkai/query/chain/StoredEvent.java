package gongkai.query.chain;

import gongkai.events.store.StoredEventFormat;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the event table exactly as stored: what the hash chain covers. Payload and metadata
 * are the stored bytes, not a re-serialization, so that any change to them shows.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String timeStamp, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metaData) {

    /** The event table, qualified, so that a plain JDBC connection (the CLI) finds it too. */
    static final String TABLE = StoredEventFormat.EVENT_TABLE;
    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                                  + "time_stamp, payload_type, payload_revision, payload, meta_data";

    /** Reads the columns of {@link #COLUMNS} selected in that order first: by position, no look-up of names per row. */
    static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                               rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
    }

    /** Reads the columns of {@link #COLUMNS}, each optionally prefixed (e.g. {@code "e_"} in a join). */
    static StoredEvent read(ResultSet rs, String prefix) throws SQLException {
        return new StoredEvent(rs.getLong(prefix + "global_index"), rs.getString(prefix + "event_identifier"),
                               rs.getString(prefix + "aggregate_identifier"), rs.getLong(prefix + "sequence_number"),
                               rs.getString(prefix + "type"), rs.getString(prefix + "time_stamp"),
                               rs.getString(prefix + "payload_type"), rs.getString(prefix + "payload_revision"),
                               rs.getBytes(prefix + "payload"), rs.getBytes(prefix + "meta_data"));
    }
}
