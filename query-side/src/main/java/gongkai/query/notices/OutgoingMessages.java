package gongkai.query.notices;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The record of messages ({@code query_side.outgoing_message}, V19_20): each owed message written once under its
 * key, claimed by one instance before it is sent, and marked with its outcome after (docs/notices.md).
 */
@Repository
public class OutgoingMessages {

    public enum Status {
        /** Owed, not yet claimed (held while the quiet period lasts). */
        PENDING,
        /** Claimed by an instance that is sending it; left so by a crash in between, it is never sent again. */
        SENDING,
        SENT,
        /** The mail server or SMS provider refused it. */
        FAILED,
        /** Nowhere to send it: no address of that kind, or no mail server configured. */
        SKIPPED
    }

    /** A message owed. {@code recipientUsername}: the clerk it goes to; null for the applicant. */
    public record Owed(String key, NoticeKind kind, Channel channel, String agencyId, String caseId, String eventId,
                       LocalDate referenceDate, String recipientUsername, Instant createdAt) {
    }

    /** A message claimed for sending. */
    public record Claimed(long id, NoticeKind kind, Channel channel, String agencyId, String caseId, String eventId,
                          LocalDate referenceDate, String recipientUsername) {
    }

    static final RowMapper<Claimed> CLAIMED = (rs, i) -> new Claimed(
            rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")), Channel.valueOf(rs.getString("channel")),
            rs.getString("agency_id"), rs.getString("case_id"), rs.getString("event_id"),
            rs.getDate("reference_date") == null ? null : rs.getDate("reference_date").toLocalDate(),
            rs.getString("recipient_username"));

    private final JdbcTemplate jdbc;

    public OutgoingMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the message as owed unless it was already; true when this call recorded it. */
    public boolean owe(Owed m) {
        return jdbc.update("insert into outgoing_message (message_key, kind, channel, agency_id, case_id, event_id, "
                           + "reference_date, recipient_username, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, "
                           + "'PENDING', ?) on conflict (message_key) do nothing",
                           m.key(), m.kind().name(), m.channel().name(), m.agencyId(), m.caseId(), m.eventId(),
                           m.referenceDate() == null ? null : Date.valueOf(m.referenceDate()), m.recipientUsername(),
                           Timestamp.from(m.createdAt())) == 1;
    }

    /**
     * Claims up to {@code limit} owed messages, oldest first, for this instance alone: the rows another instance is
     * claiming are skipped, and a row once claimed is never claimed again (committed before anything is sent).
     */
    public List<Claimed> claim(int limit, Instant now) {
        return jdbc.query("update outgoing_message set status = 'SENDING', claimed_at = ? where id in ("
                          + "select id from outgoing_message where status = 'PENDING' order by id limit ? "
                          + "for update skip locked) returning *", CLAIMED, Timestamp.from(now), limit);
    }

    /** The outcome of a claimed message, with the masked address and the template it went with. */
    public void settle(long id, Status status, String recipientMasked, String template, String outcome, Instant at) {
        jdbc.update("update outgoing_message set status = ?, recipient_masked = ?, template = ?, outcome = ?, "
                    + "sent_at = ? where id = ? and status = 'SENDING'",
                    status.name(), recipientMasked, template, outcome, status == Status.SENT ? Timestamp.from(at) : null,
                    id);
    }
}
