package gongkai.query.application;

import gongkai.events.application.ApplicationReceived;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The worklist's search over the request text and the applicant's name. Both are stored encrypted
 * (docs/personal-data.md), so PostgreSQL cannot look into them: the agency's receipts are read and
 * decrypted here, one agency at a time, and compared in memory. Nothing of it is kept.
 */
@Component
class ReceiptSearch {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ReceiptSearch(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The agency's applications whose request or applicant's name contains {@code words} (ignoring case). */
    List<String> matching(String agencyId, String words) {
        String needle = words.strip().toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        jdbc.query("select e.aggregate_identifier, e.payload_type, e.payload_revision, e.payload from "
                   + StoredEventFormat.EVENT_TABLE + " e join application_case c on c.application_id = e.aggregate_identifier"
                   + " where c.agency_id = ? and e.sequence_number = 0", rs -> {
                       Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                               rs.getBytes(4), byte[].class, rs.getString(2), rs.getString(3)));
                       if (payload instanceof ApplicationReceived r
                           && (contains(r.request(), needle) || (r.applicant() != null && contains(r.applicant().name(), needle)))) {
                           found.add(rs.getString(1));
                       }
                   }, agencyId);
        return found;
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
