package gongkai.query.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.events.MetaDataKeys;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Short descriptions of stored events by id, for the events named by the read models' rows (opened_by,
 * closed_by): type, case, business date, recorded instant and actor — never the payload, which may
 * hold personal data.
 */
@Repository
public class RecordedEvents {

    private static final ObjectMapper JSON = StoredEventFormat.objectMapper();

    private final JdbcTemplate jdbc;

    public RecordedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Map<String, Object>> describe(Collection<String> eventIds) {
        Map<String, Map<String, Object>> described = new LinkedHashMap<>();
        if (eventIds.isEmpty()) {
            return described;
        }
        String in = String.join(",", eventIds.stream().map(id -> "?").toList());
        jdbc.query("select event_identifier, payload_type, aggregate_identifier, time_stamp, meta_data, global_index from "
                   + StoredEventFormat.EVENT_TABLE + " where event_identifier in (" + in + ") order by global_index",
                   rs -> {
                       Map<String, Object> event = new LinkedHashMap<>();
                       String type = rs.getString(2);
                       event.put("eventId", rs.getString(1));
                       event.put("type", type.substring(type.lastIndexOf('.') + 1));
                       event.put("caseId", rs.getString(3));
                       JsonNode meta = metaData(rs.getBytes(5));
                       event.put("businessDate", text(meta, MetaDataKeys.BUSINESS_DATE));
                       event.put("recordedAt", DateTimeUtils.parseInstant(rs.getString(4)));
                       event.put("actor", text(meta, MetaDataKeys.ACTOR));
                       event.put("globalIndex", rs.getLong(6));
                       described.put(rs.getString(1), event);
                   }, eventIds.toArray());
        return described;
    }

    private static JsonNode metaData(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode meta, String key) {
        return meta == null || !meta.hasNonNull(key) ? null : meta.get(key).asText();
    }
}
