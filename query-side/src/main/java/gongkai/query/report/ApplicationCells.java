package gongkai.query.report;

import gongkai.events.application.ApplicantType;
import gongkai.query.report.ApplicationCounting.CountedCell;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table {@code application_cell}: in which cells of table 三 each application counts, for which
 * years, and from when to when (recorded instants). See the V2 migration.
 */
@Repository
public class ApplicationCells {

    /** One count of the table: how many applications are in a (row, applicant type) cell. */
    public record Count(String rowKey, ApplicantType column, int count) {
    }

    private final JdbcTemplate jdbc;

    public ApplicationCells(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the application's current cells exactly {@code wanted}: closes the others, opens the new ones. */
    public void follow(String applicationId, String agencyId, Set<CountedCell> wanted, Instant recordedAt,
                       String eventId) {
        Map<CountedCell, Long> current = new HashMap<>();
        jdbc.query("select id, row_key, column_key, first_year, last_year from application_cell "
                   + "where application_id = ? and valid_to is null",
                   rs -> {
                       current.put(new CountedCell(rs.getString(2), ApplicantType.valueOf(rs.getString(3)),
                                                   rs.getInt(4), (Integer) rs.getObject(5)), rs.getLong(1));
                   }, applicationId);
        Timestamp at = Timestamp.from(recordedAt);
        for (Map.Entry<CountedCell, Long> cell : current.entrySet()) {
            if (!wanted.contains(cell.getKey())) {
                jdbc.update("update application_cell set valid_to = ?, closed_by = ? where id = ?",
                            at, eventId, cell.getValue());
            }
        }
        for (CountedCell cell : wanted) {
            if (!current.containsKey(cell)) {
                jdbc.update("insert into application_cell (application_id, agency_id, row_key, column_key, first_year, "
                            + "last_year, valid_from, opened_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
                            applicationId, agencyId, cell.rowKey(), cell.column().name(), cell.firstYear(),
                            cell.lastYear(), at, eventId);
            }
        }
    }

    /** The counts of an agency's table for a year: as the system knows it now, or as it knew it at {@code asOf}. */
    public List<Count> counts(String agencyId, int year, Instant asOf) {
        return jdbc.query("select row_key, column_key, count(*) from application_cell "
                          + "where agency_id = ? and first_year <= ? and (last_year is null or last_year >= ?) and "
                          + valid(asOf) + " group by row_key, column_key",
                          (rs, i) -> new Count(rs.getString(1), ApplicantType.valueOf(rs.getString(2)), rs.getInt(3)),
                          validArgs(asOf, agencyId, year, year));
    }

    /** Whether the agency has any application counted in {@code year} or before it. */
    public boolean hasDataUpTo(String agencyId, int year, Instant asOf) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from application_cell where agency_id = ? and first_year <= ? and "
                + valid(asOf) + ")", Boolean.class, validArgs(asOf, agencyId, year)));
    }

    /** The applications counted in one cell (a column key of {@code null} means every column). */
    public List<String> applicationsIn(String agencyId, int year, List<String> rowKeys, String columnKey, Instant asOf) {
        String rows = String.join(",", rowKeys.stream().map(k -> "?").toList());
        Object[] args = validArgs(asOf, agencyId, year, year);
        List<Object> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(rowKeys);
        String columnFilter = "";
        if (columnKey != null) {
            columnFilter = " and column_key = ?";
            all.add(columnKey);
        }
        return jdbc.queryForList("select distinct application_id from application_cell "
                                 + "where agency_id = ? and first_year <= ? and (last_year is null or last_year >= ?) and "
                                 + valid(asOf) + " and row_key in (" + rows + ")" + columnFilter
                                 + " order by application_id", String.class, all.toArray());
    }

    /**
     * The events that opened or closed one of the cell's rows after {@code since}, up to {@code until}
     * (null: now): what changed the cell between the two instants (a column key of {@code null} means
     * every column).
     */
    public List<Contributions.Change> changes(String agencyId, int year, List<String> rowKeys, String columnKey,
                                              Instant since, Instant until) {
        List<Object> args = new java.util.ArrayList<>(List.of(agencyId, year, year));
        args.addAll(RecordedInstants.changeArgs(since, until));
        args.addAll(rowKeys);
        String columnFilter = "";
        if (columnKey != null) {
            columnFilter = " and column_key = ?";
            args.add(columnKey);
        }
        List<Contributions.Change> changes = new java.util.ArrayList<>();
        jdbc.query("select application_id, valid_from, opened_by, valid_to, closed_by from application_cell "
                   + "where agency_id = ? and first_year <= ? and (last_year is null or last_year >= ?) and "
                   + RecordedInstants.changedBetween(until) + " and row_key in ("
                   + String.join(",", rowKeys.stream().map(k -> "?").toList()) + ")" + columnFilter + " order by id",
                   rs -> {
                       Contributions.Source source = new Contributions.Source("APPLICATION", rs.getString(1));
                       Instant opened = rs.getTimestamp(2).toInstant();
                       Timestamp closed = rs.getTimestamp(4);
                       if (opened.isAfter(since) && (until == null || !opened.isAfter(until))) {
                           changes.add(new Contributions.Change(rs.getString(3), opened, true, source,
                                                                java.math.BigDecimal.ONE));
                       }
                       if (closed != null && closed.toInstant().isAfter(since)
                           && (until == null || !closed.toInstant().isAfter(until))) {
                           changes.add(new Contributions.Change(rs.getString(5), closed.toInstant(), false, source,
                                                                java.math.BigDecimal.ONE));
                       }
                   }, args.toArray());
        return changes;
    }

    public void deleteAll() {
        jdbc.update("delete from application_cell");
    }

    private static String valid(Instant asOf) {
        return asOf == null ? "valid_to is null" : "valid_from <= ? and (valid_to is null or valid_to > ?)";
    }

    /** The query's arguments: the leading ones, then the instant twice when the table is asked as of it. */
    private static Object[] validArgs(Instant asOf, Object... leading) {
        if (asOf == null) {
            return leading;
        }
        Object[] args = java.util.Arrays.copyOf(leading, leading.length + 2);
        args[leading.length] = Timestamp.from(asOf);
        args[leading.length + 1] = Timestamp.from(asOf);
        return args;
    }
}
