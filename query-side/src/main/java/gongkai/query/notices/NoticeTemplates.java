package gongkai.query.notices;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The agencies' own templates ({@code query_side.notice_template}, V19_20), edited by an administrator; a kind
 * without one of the agency's uses the built-in template ({@link NoticeKind#builtIn()}).
 */
@Repository
public class NoticeTemplates {

    /** The template a message goes with, and its name in the record: {@code built-in:KIND} or {@code agency:KIND@instant}. */
    public record Chosen(MessageTemplate template, String name, boolean builtIn, Instant updatedAt, String updatedBy) {
    }

    private final JdbcTemplate jdbc;

    public NoticeTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Chosen of(String agencyId, NoticeKind kind) {
        List<Chosen> own = jdbc.query("select subject, body, updated_at, updated_by from notice_template "
                                      + "where agency_id = ? and kind = ?", (rs, i) -> {
            Instant at = rs.getTimestamp("updated_at").toInstant();
            return new Chosen(new MessageTemplate(rs.getString("subject"), rs.getString("body")),
                              agencyId + ":" + kind + "@" + at, false, at, rs.getString("updated_by"));
        }, agencyId, kind.name());
        return own.isEmpty() ? new Chosen(kind.builtIn(), "built-in:" + kind, true, null, null) : own.get(0);
    }

    /** Sets the agency's own template of {@code kind} (checked by the caller: {@link MessageTemplate#problemFor}). */
    public void put(String agencyId, NoticeKind kind, MessageTemplate template, String username, Instant at) {
        jdbc.update("insert into notice_template (agency_id, kind, subject, body, updated_at, updated_by) "
                    + "values (?, ?, ?, ?, ?, ?) on conflict (agency_id, kind) do update set subject = excluded.subject, "
                    + "body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                    agencyId, kind.name(), template.subject(), template.body(), Timestamp.from(at), username);
    }

    /** Returns the kind to the built-in template; false when the agency had none of its own. */
    public boolean remove(String agencyId, NoticeKind kind) {
        return jdbc.update("delete from notice_template where agency_id = ? and kind = ?", agencyId, kind.name()) == 1;
    }
}
