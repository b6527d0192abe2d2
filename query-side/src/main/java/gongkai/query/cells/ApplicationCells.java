package gongkai.query.cells;

import gongkai.events.application.ApplicantType;
import gongkai.query.counting.ApplicationCounting.CountedCell;
import gongkai.query.counting.CellCount;
import gongkai.query.counting.TableThree;
import gongkai.query.projections.BulkRows;
import gongkai.query.reads.InList;
import gongkai.query.reads.ReadBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The table {@code application_cell}: in which cells of table 三 each application counts, for which
 * years, and from when to when (recorded instants). See the V2 migration.
 *
 * <p>Beside it, {@code application_tally} (V6_3) keeps the open rows counted: per agency, (row, column)
 * and span of years, how many applications count there now. The report as the system knows it now
 * reads those few tally rows, whatever the agency's history (an agency of 12,500 applications a decade
 * made the count of its open cells the largest part of a report); a report as of a past instant, the
 * applications behind a cell and what changed it read the cells themselves. Both are written in the same
 * transaction, from the same opened and closed rows, so they cannot disagree.
 */
@Repository
public class ApplicationCells {

    private final JdbcTemplate jdbc;
    private final FiguresRevisions revisions;

    public ApplicationCells(JdbcTemplate jdbc, FiguresRevisions revisions) {
        this.jdbc = jdbc;
        this.revisions = revisions;
    }

    /** A cell row opened while following a batch of events; closed again within it if a later event says so. */
    public static final class NewCell {
        final String applicationId;
        final String agencyId;
        final CountedCell cell;
        final Instant validFrom;
        final String openedBy;
        Instant validTo;
        String closedBy;

        public NewCell(String applicationId, String agencyId, CountedCell cell, Instant validFrom, String openedBy) {
            this.applicationId = applicationId;
            this.agencyId = agencyId;
            this.cell = cell;
            this.validFrom = validFrom;
            this.openedBy = openedBy;
        }

        public void close(Instant at, String eventId) {
            validTo = at;
            closedBy = eventId;
        }
    }

    /** A stored open row to close: the application's agency and cell, so that the tally follows. */
    public record Closing(long rowId, String agencyId, CountedCell cell, Instant at, String eventId) {
    }

    /** The application's cells still counted, with their row ids. */
    public Map<CountedCell, Long> openCells(String applicationId) {
        Map<CountedCell, Long> open = new HashMap<>();
        jdbc.query("select id, row_key, column_key, first_year, last_year from application_cell "
                   + "where application_id = ? and valid_to is null",
                   rs -> {
                       open.put(new CountedCell(rs.getString(2), ApplicantType.valueOf(rs.getString(3)),
                                                rs.getInt(4), (Integer) rs.getObject(5)), rs.getLong(1));
                   }, applicationId);
        return open;
    }

    /**
     * Writes the rows a batch opened (some already closed again), closes the stored rows it ended, and
     * moves the tally by as much.
     */
    public void write(List<NewCell> opened, List<Closing> closed) {
        if (!closed.isEmpty()) {
            jdbc.batchUpdate("update application_cell set valid_to = ?, closed_by = ? where id = ?", closed, closed.size(),
                             (ps, c) -> {
                                 ps.setTimestamp(1, Timestamp.from(c.at()));
                                 ps.setString(2, c.eventId());
                                 ps.setLong(3, c.rowId());
                             });
        }
        if (BulkRows.underWay()) {
            BulkRows.copy(jdbc, "application_cell", "application_id, agency_id, row_key, column_key, first_year, last_year, "
                                                    + "valid_from, opened_by, valid_to, closed_by", opened,
                          n -> new Object[]{n.applicationId, n.agencyId, n.cell.rowKey(), n.cell.column(), n.cell.firstYear(),
                                            n.cell.lastYear(), n.validFrom, n.openedBy, n.validTo, n.closedBy});
        } else if (!opened.isEmpty()) {
            jdbc.batchUpdate("insert into application_cell (application_id, agency_id, row_key, column_key, first_year, "
                             + "last_year, valid_from, opened_by, valid_to, closed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             opened, opened.size(), (ps, n) -> {
                                 ps.setString(1, n.applicationId);
                                 ps.setString(2, n.agencyId);
                                 ps.setString(3, n.cell.rowKey());
                                 ps.setString(4, n.cell.column().name());
                                 ps.setInt(5, n.cell.firstYear());
                                 ps.setObject(6, n.cell.lastYear(), java.sql.Types.INTEGER);
                                 ps.setTimestamp(7, Timestamp.from(n.validFrom));
                                 ps.setString(8, n.openedBy);
                                 ps.setTimestamp(9, n.validTo == null ? null : Timestamp.from(n.validTo));
                                 ps.setString(10, n.closedBy);
                             });
        }
        tally(opened, closed);
    }

    /** One tally row's key: an agency, a cell of table 三, and the years it counts in. */
    private record TallyKey(String agencyId, CountedCell cell) {
    }

    /**
     * Batches of different segments may move the same tally rows: each moves them in this one order, so
     * that one waits for the other's commit and none deadlocks.
     */
    private static final Comparator<TallyKey> LOCK_ORDER = Comparator.comparing(TallyKey::agencyId)
            .thenComparing(k -> k.cell().firstYear())
            .thenComparing(k -> k.cell().lastYear(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(k -> k.cell().rowKey())
            .thenComparing(k -> k.cell().column());

    private void tally(List<NewCell> opened, List<Closing> closed) {
        // every agency whose cells moved, even by nothing in sum: a batch of live processing and a chunk of a
        // rebuild then name the same agencies
        Set<String> agencies = new HashSet<>();
        opened.forEach(n -> agencies.add(n.agencyId));
        closed.forEach(c -> agencies.add(c.agencyId()));
        revisions.changed(agencies);
        Map<TallyKey, Integer> moves = new HashMap<>();
        for (NewCell n : opened) {
            if (n.validTo == null) {
                moves.merge(new TallyKey(n.agencyId, n.cell), 1, Integer::sum);
            }
        }
        for (Closing c : closed) {
            moves.merge(new TallyKey(c.agencyId(), c.cell()), -1, Integer::sum);
        }
        // a bulk rebuild moves each row once, after its last chunk, rather than once in each chunk
        BulkRows.gatheredUntilTheEnd(TallyKey.class.getName(), HashMap<TallyKey, Integer>::new, this::moveTally)
                .ifPresentOrElse(gathered -> moves.forEach((key, by) -> gathered.merge(key, by, Integer::sum)),
                                 () -> moveTally(moves));
    }

    /** Gathered in any order, written in {@link #LOCK_ORDER}. */
    private void moveTally(Map<TallyKey, Integer> moves) {
        List<Map.Entry<TallyKey, Integer>> rows = moves.entrySet().stream().filter(move -> move.getValue() != 0)
                                                       .sorted(Map.Entry.comparingByKey(LOCK_ORDER)).toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into application_tally (agency_id, first_year, last_year, row_key, column_key, applications) "
                         + "values (?, ?, ?, ?, ?, ?) on conflict (agency_id, first_year, last_year, row_key, column_key) "
                         + "do update set applications = application_tally.applications + excluded.applications",
                         rows, rows.size(), (ps, move) -> {
                             CountedCell cell = move.getKey().cell();
                             ps.setString(1, move.getKey().agencyId());
                             ps.setInt(2, cell.firstYear());
                             ps.setObject(3, cell.lastYear(), java.sql.Types.INTEGER);
                             ps.setString(4, cell.rowKey());
                             ps.setString(5, cell.column().name());
                             ps.setInt(6, move.getValue());
                         });
    }

    /** The counts of an agency's table for a year: as the system knows it now, or as it knew it at {@code asOf}. */
    public List<CellCount> counts(String agencyId, int year, Instant asOf) {
        return ReadBatch.now(jdbc, batch -> countsWithYearBefore(batch, agencyId, year, asOf)).year();
    }

    /** The counts of a year and of the year before it, in one query (a report and its cross-year check). */
    public record TwoYears(List<CellCount> year, List<CellCount> yearBefore) {
    }

    public Supplier<TwoYears> countsWithYearBefore(ReadBatch batch, String agencyId, int year, Instant asOf) {
        return countsWithYearBefore(batch, List.of(agencyId), year, asOf);
    }

    /** The same, summed over several agencies (a roll-up, docs/agencies.md). */
    public Supplier<TwoYears> countsWithYearBefore(ReadBatch batch, List<String> agencies, int year, Instant asOf) {
        // Now: the tally's rows summed; as of an instant: the cells valid then, counted.
        String counted = asOf == null ? "sum(applications)" : "count(*)";
        Object chosen = InList.array(agencies);
        List<Object> args = new ArrayList<>(List.of(year, year, year - 1, year - 1));
        args.add(chosen);
        args.addAll(List.of(year - 1, year));
        return batch.query("select row_key, column_key, "
                           + counted + " filter (where first_year <= ? and (last_year is null or last_year >= ?)), "
                           + counted + " filter (where first_year <= ? and (last_year is null or last_year >= ?)) "
                           + "from " + countedTable(asOf) + " where " + InList.any("agency_id") + " and "
                           + overlapping(asOf, chosen) + " and " + counting(asOf) + " group by row_key, column_key",
                           rs -> {
                               List<CellCount> current = new ArrayList<>();
                               List<CellCount> before = new ArrayList<>();
                               while (rs.next()) {
                                   ApplicantType column = ApplicantType.valueOf(rs.getString(2));
                                   // a sum over no rows is null: none counted in that year
                                   current.add(new CellCount(rs.getString(1), column, rs.getInt(3)));
                                   before.add(new CellCount(rs.getString(1), column, rs.getInt(4)));
                               }
                               return new TwoYears(current, before);
                           }, validArgs(asOf, args.toArray()));
    }

    /** Table 三 of a year and of the year before it. */
    public record TwoTables(TableThree year, TableThree yearBefore) {
    }

    /**
     * {@link #countsWithYearBefore} of each of the agencies apart, now, in one read (the oversight board), as tables.
     * The tally's rows come as they are, each summed into the years its range covers as it is read: for a province,
     * PostgreSQL's grouping of them cost more than the read itself, and a list of them all, the heap's young space.
     */
    public Supplier<Map<String, TwoTables>> countsWithYearBeforeByAgency(ReadBatch batch, Collection<String> agencies, int year) {
        Object chosen = InList.array(agencies);
        return batch.query("select agency_id, row_key, column_key, first_year, last_year, applications "
                           + "from " + countedTable(null) + " where " + InList.any("agency_id") + " and "
                           + overlapping(null, chosen) + " and " + counting(null),
                           rs -> {
                               Map<String, TableThree.Sum[]> byAgency = new HashMap<>();
                               while (rs.next()) {
                                   TableThree.Sum[] both = byAgency.computeIfAbsent(
                                           rs.getString(1), a -> new TableThree.Sum[]{new TableThree.Sum(), new TableThree.Sum()});
                                   String row = rs.getString(2);
                                   ApplicantType column = ApplicantType.valueOf(rs.getString(3));
                                   int count = rs.getInt(6);
                                   int first = rs.getInt(4);
                                   Integer last = rs.getObject(5, Integer.class);
                                   if (covers(first, last, year)) {
                                       both[0].add(row, column, count);
                                   }
                                   if (covers(first, last, year - 1)) {
                                       both[1].add(row, column, count);
                                   }
                               }
                               Map<String, TwoTables> tables = new HashMap<>();
                               byAgency.forEach((agency, both) -> tables.put(agency, new TwoTables(both[0].table(), both[1].table())));
                               return tables;
                           }, chosen, year - 1, year);
    }

    /** Whether a tally row counted from {@code first} to {@code last} (null: still counted) counts in {@code year}. */
    private static boolean covers(int first, Integer last, int year) {
        return first <= year && (last == null || last >= year);
    }

    /**
     * "The row's years overlap these", the earlier year's parameter first, then the later's. For the tally of many
     * agencies (a root's roll-up or board, {@link InList#plannedEachRun}) in the form its range index
     * ({@code application_tally_years}) answers; for a few, in the form that leaves them to the tally's key, since
     * PostgreSQL, which underestimates the range index's rows, would otherwise combine the two and read every
     * agency's rows of those years for one agency's report.
     */
    private static String overlapping(Instant asOf, Object agencies) {
        return asOf == null && InList.plannedEachRun(agencies)
                ? "int4range(first_year, coalesce(last_year, 9999), '[]') && int4range(?, ?, '[]')"
                : "(last_year is null or last_year >= ?) and first_year <= ?";
    }

    /** The agencies among these with any application counted in {@code year} or before it, now, in one read. */
    public Supplier<Set<String>> withDataUpTo(ReadBatch batch, Collection<String> agencies, int year) {
        // one probe of the tally's key per agency, each ending at its first counted row: a province's board
        // otherwise read every row of every year before this one
        return batch.query("select chosen from unnest(?::text[]) chosen where exists (select 1 from " + countedTable(null)
                           + " where agency_id = chosen and first_year <= ? and " + counting(null) + ")",
                           rs -> {
                               Set<String> with = new java.util.HashSet<>();
                               while (rs.next()) {
                                   with.add(rs.getString(1));
                               }
                               return with;
                           }, InList.array(agencies), year);
    }

    /** Whether the agency has any application counted in {@code year} or before it. */
    public Supplier<Boolean> hasDataUpTo(ReadBatch batch, String agencyId, int year, Instant asOf) {
        return hasDataUpTo(batch, List.of(agencyId), year, asOf);
    }

    /** Whether any of the agencies has an application counted in {@code year} or before it. */
    public Supplier<Boolean> hasDataUpTo(ReadBatch batch, List<String> agencies, int year, Instant asOf) {
        List<Object> args = new ArrayList<>();
        args.add(InList.array(agencies));
        args.add(year);
        return batch.query("select exists (select 1 from " + countedTable(asOf) + " where " + InList.any("agency_id")
                           + " and first_year <= ? and " + counting(asOf) + ")", rs -> rs.next() && rs.getBoolean(1),
                           validArgs(asOf, args.toArray()));
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
        jdbc.update("delete from application_tally");
        // every read model is emptied in the same reset (one processing group, ReadModels): tables 二 and 四 too
        revisions.deleteAll();
        jdbc.update("delete from application_cell");
    }

    /** Where table 三's counts are read: now from the tally, as of an instant from the cells. */
    private static String countedTable(Instant asOf) {
        return asOf == null ? "application_tally" : "application_cell";
    }

    /** The rows of {@link #countedTable} that count: the tally's not at zero, or the cells valid at the instant. */
    private static String counting(Instant asOf) {
        return asOf == null ? "applications <> 0" : valid(asOf);
    }

    private static String valid(Instant asOf) {
        return RecordedInstants.validAt(asOf);
    }

    private static Object[] validArgs(Instant asOf, Object... leading) {
        return RecordedInstants.args(asOf, leading);
    }
}
