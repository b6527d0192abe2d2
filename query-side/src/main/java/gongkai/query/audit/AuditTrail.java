package gongkai.query.audit;

import gongkai.events.store.StoredEventFormat;
import gongkai.query.projections.BulkRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The table {@code audit_event}: the trail of every event across cases, searchable (V4_2 migration). */
@Repository
public class AuditTrail {

    /** One event of the trail: who recorded what, for which agency and case, when; in words. */
    public record Entry(long globalIndex, String eventId, String caseType, String caseId, String type,
                        String agencyId, String actor, LocalDate businessDate, Instant recordedAt, String summary) {
    }

    /** What to search for; every criterion optional. {@code from} inclusive, {@code to} exclusive. */
    public record Search(String agencyId, String actor, String caseType, String eventType, String caseId,
                         Instant from, Instant to) {
    }

    public record Page(int page, int size, long total, List<Entry> items) {
    }

    private static final RowMapper<Entry> ENTRY = (rs, i) -> {
        Date businessDate = rs.getDate("business_date");
        return new Entry(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("case_type"),
                         rs.getString("case_id"), rs.getString("event_type"), rs.getString("agency_id"),
                         rs.getString("actor"), businessDate == null ? null : businessDate.toLocalDate(),
                         rs.getTimestamp("recorded_at").toInstant(), rs.getString("summary"));
    };

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Entry e) {
        recordAll(List.of(e));
    }

    /**
     * Records entries in JDBC batches of up to 1000 statements, each under its event's own global index as
     * stored. Not the processor's token position: an event that fills a gap (its transaction took an earlier
     * index but committed after a later one) arrives with a token already past it, whose position is the
     * later event's index; keyed by that, it would take the later event's place and one of the two would be
     * lost.
     */
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (BulkRows.underWay()) {
            // A bulk rebuild reads the stream in order and stops before an event that fills a gap: each entry's
            // position is its event's own global index there.
            BulkRows.copyAside(jdbc, "audit_event", "global_index, event_identifier, case_type, case_id, event_type, "
                                                    + "agency_id, actor, business_date, recorded_at, summary", entries,
                               e -> new Object[]{e.globalIndex(), e.eventId(), e.caseType(), e.caseId(), e.type(),
                                                 e.agencyId(), e.actor(), e.businessDate(), e.recordedAt(), e.summary()});
            return;
        }
        jdbc.batchUpdate("insert into audit_event (global_index, event_identifier, case_type, case_id, event_type, agency_id, "
                         + "actor, business_date, recorded_at, summary) select e.global_index, e.event_identifier, "
                         + "?, ?, ?, ?, ?, ?, ?, ? from " + StoredEventFormat.EVENT_TABLE + " e where e.event_identifier = ? "
                         + "on conflict (global_index) do nothing",
                         entries, 1000, (ps, e) -> {
                             ps.setString(1, e.caseType());
                             ps.setString(2, e.caseId());
                             ps.setString(3, e.type());
                             ps.setString(4, e.agencyId());
                             ps.setString(5, e.actor());
                             ps.setDate(6, e.businessDate() == null ? null : Date.valueOf(e.businessDate()));
                             ps.setTimestamp(7, Timestamp.from(e.recordedAt()));
                             ps.setString(8, e.summary());
                             ps.setString(9, e.eventId());
                         });
    }

    /** The agency of a case as an earlier event of it named it (for events recorded without one). */
    public String agencyOfCase(String caseId) {
        BulkRows.settleAside();
        List<String> agencies = jdbc.queryForList("select agency_id from audit_event where case_id = ? "
                                                  + "and agency_id is not null order by global_index limit 1",
                                                  String.class, caseId);
        return agencies.isEmpty() ? null : agencies.get(0);
    }

    /** A page of the trail matching {@code search}, oldest first. */
    public Page search(Search search, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        condition(where, args, "agency_id = ?", search.agencyId());
        condition(where, args, "actor = ?", search.actor());
        condition(where, args, "case_type = ?", search.caseType());
        condition(where, args, "event_type = ?", search.eventType());
        condition(where, args, "case_id = ?", search.caseId());
        condition(where, args, "recorded_at >= ?", search.from() == null ? null : Timestamp.from(search.from()));
        condition(where, args, "recorded_at < ?", search.to() == null ? null : Timestamp.from(search.to()));
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<Entry> items = jdbc.query("select * from audit_event" + where + " order by global_index limit ? offset ?",
                                       ENTRY, args.toArray());
        return new Page(page, size, total == null ? 0 : total, items);
    }

    public void deleteAll() {
        jdbc.update("delete from audit_event");
    }

    private static void condition(StringBuilder where, List<Object> args, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            args.add(value);
        }
    }
}
