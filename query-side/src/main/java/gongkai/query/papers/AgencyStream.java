package gongkai.query.papers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.events.MetaDataKeys;
import gongkai.events.store.StoredEventFormat;
import gongkai.query.audit.PersonalDataMasking;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The whole event stream of one agency as JSON lines, in the global order: one event a line with its global
 * index, identifier, case, sequence number, type, revision, recorded instant, metadata (actor, agency, business
 * date), its payload as stored, and its link of the hash chain, so that the export can be checked against the
 * chain. Read with a cursor and written as it is read: the stream of an agency with millions of events never sits
 * in memory. Personal data is withheld from readers who may not see it.
 */
final class AgencyStream {

    private static final ObjectMapper JSON = StoredEventFormat.objectMapper();

    private AgencyStream() {
    }

    static void write(DataSource dataSource, String agencyId, boolean showPersonalData, OutputStream out)
            throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor
            connection.setReadOnly(true);
            try (PreparedStatement events = connection.prepareStatement(
                    "select e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type,"
                    + " e.payload_revision, e.time_stamp, e.payload, e.meta_data, c.link"
                    + " from " + StoredEventFormat.EVENT_TABLE + " e"
                    + " left join query_side.event_chain c on c.global_index = e.global_index"
                    + " and c.event_identifier = e.event_identifier"
                    + " where convert_from(e.meta_data, 'UTF8')::jsonb ->> '" + MetaDataKeys.AGENCY + "' = ?"
                    + " order by e.global_index")) {
                events.setString(1, agencyId);
                events.setFetchSize(1000);
                try (ResultSet rs = events.executeQuery()) {
                    while (rs.next()) {
                        ObjectNode line = JSON.createObjectNode();
                        line.put("globalIndex", rs.getLong(1));
                        line.put("eventId", rs.getString(2));
                        line.put("caseId", rs.getString(3));
                        line.put("sequence", rs.getLong(4));
                        line.put("payloadType", rs.getString(5));
                        line.put("revision", rs.getString(6));
                        line.put("recordedAt", rs.getString(7));
                        line.set("metaData", JSON.readTree(rs.getBytes(9)));
                        JsonNode payload = JSON.readTree(rs.getBytes(8));
                        line.set("payload", PersonalDataMasking.stored(payload, showPersonalData));
                        byte[] link = rs.getBytes(10);
                        line.put("chainLink", link == null ? null : HexFormat.of().formatHex(link));
                        out.write(JSON.writeValueAsBytes(line));
                        out.write('\n');
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }
}
