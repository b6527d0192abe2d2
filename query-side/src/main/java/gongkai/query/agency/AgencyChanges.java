package gongkai.query.agency;

import gongkai.events.agency.AgencyKind;
import gongkai.query.agency.AgencyTree.Change;
import gongkai.query.agency.AgencyTree.ChangeType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The table {@code agency_change} (V18_1) and the tree it makes ({@link AgencyTree}). Every read of a scope
 * or a roll-up needs the tree, so the changes are kept in memory and read again only when the table holds
 * a change not yet read (one indexed look-up per read; a province has a few thousand changes).
 */
@Repository
public class AgencyChanges {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Loaded loaded = new Loaded(-1, List.of());

    private record Loaded(long lastId, List<Change> changes) {
    }

    public AgencyChanges(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps one change; a change delivered again is kept once. */
    public void keep(Change c) {
        jdbc.update("insert into agency_change (event_id, agency_id, sequence_number, change, effective_on, recorded_at, "
                    + "actor, name, parent_id, kind, successor_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "on conflict (event_id) do nothing",
                    c.eventId(), c.agencyId(), c.sequence(), c.type().name(), Date.valueOf(c.on()),
                    Timestamp.from(c.recordedAt()), c.actor(), c.name(), c.parentId(),
                    c.kind() == null ? null : c.kind().name(), c.successorId());
    }

    public void deleteAll() {
        jdbc.update("delete from agency_change");
    }

    /** Every change kept, in the order they were kept. */
    public List<Change> all() {
        Long last = jdbc.queryForObject("select coalesce(max(id), 0) from agency_change", Long.class);
        Loaded now = loaded;
        if (last == null || last != now.lastId()) {
            now = new Loaded(last == null ? 0 : last,
                             List.copyOf(jdbc.query("select * from agency_change where id <= ? order by id",
                                                    (rs, i) -> change(rs), last)));
            loaded = now;
        }
        return now.changes();
    }

    /** One agency's changes, oldest first: its history. */
    public List<Change> of(String agencyId) {
        return all().stream().filter(c -> c.agencyId().equals(agencyId)).toList();
    }

    /** The tree on a day as known at an instant (null: now). */
    public AgencyTree tree(LocalDate day, Instant asOf) {
        return AgencyTree.on(day, asOf, all());
    }

    /** The tree as it stands today: built once per day and change (every scoped read asks for it). */
    public AgencyTree today() {
        List<Change> changes = all();
        LocalDate day = today(clock);
        Today kept = todayTree;
        if (kept == null || kept.changes() != changes || !kept.day().equals(day)) {
            kept = new Today(changes, day, AgencyTree.on(day, null, changes));
            todayTree = kept;
        }
        return kept.tree();
    }

    private record Today(List<Change> changes, LocalDate day, AgencyTree tree) {
    }

    private volatile Today todayTree;

    /**
     * The tree a year's roll-up sums (docs/agencies.md): as it stood at the end of the year, or today for
     * a year not over yet, as known at {@code asOf}.
     */
    public AgencyTree atEndOf(int year, Instant asOf) {
        if (asOf != null) {
            return tree(endOf(year), asOf);
        }
        // as known now: built once per year-end and change, like today's (a province's roll-ups and boards ask often)
        List<Change> changes = all();
        LocalDate day = endOf(year);
        Today kept = yearEnds.get(day);
        if (kept == null || kept.changes() != changes) {
            if (yearEnds.size() > 64) {
                yearEnds.clear();
            }
            kept = new Today(changes, day, AgencyTree.on(day, null, changes));
            yearEnds.put(day, kept);
        }
        return kept.tree();
    }

    private final Map<LocalDate, Today> yearEnds = new java.util.concurrent.ConcurrentHashMap<>();

    /** The last day of the year, or today while the year is not over. */
    public LocalDate endOf(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = today(clock);
        return end.isAfter(today) ? today : end;
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(SHANGHAI));
    }

    private static Change change(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        return new Change(rs.getString("agency_id"), rs.getLong("sequence_number"),
                          ChangeType.valueOf(rs.getString("change")), rs.getDate("effective_on").toLocalDate(),
                          rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), rs.getString("name"),
                          rs.getString("parent_id"), kind == null ? null : AgencyKind.valueOf(kind),
                          rs.getString("successor_id"), rs.getString("event_id"));
    }
}
