package gongkai.query.cells;

import gongkai.query.counting.CellSum;
import gongkai.query.reads.InList;
import gongkai.query.counting.Contribution;
import gongkai.query.reads.ReadBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The table {@code report_contribution} (V6_1 migration): what each source adds to the figures of
 * tables 二 and 四 and to section 一's counts, for which years, and from when to when (recorded
 * instants). The same design as {@link ApplicationCells}: a figure now is the sum of the open rows, as
 * of a past instant the sum of the rows valid then; the sources behind a figure, and the events that
 * changed it between two instants, are selects.
 */
@Repository
public class Contributions {

    /** The tables the rows belong to (the report's JSON keys, and section 一's counts). */
    public enum Table {
        PROACTIVE("proactive"), REVIEWS_AND_LAWSUITS("reviewsAndLawsuits"), PUBLISHED_ITEMS("publishedItems");

        private final String key;

        Table(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Kinds of source, with the source's id: what a set of rows is followed by. */
    public static final String DOCUMENT = "DOCUMENT";
    public static final String OPENING_BALANCE = "OPENING_BALANCE";
    public static final String TALLY = "TALLY";
    public static final String FEE = "FEE";
    public static final String PUBLICATION = "PUBLICATION";
    public static final String REVIEW = "REVIEW";
    public static final String LAWSUIT = "LAWSUIT";

    public record Source(String kind, String id) {
    }

    /** One contribution counted in a figure: its source, its value, and the event that put it there. */
    public record Item(String rowKey, String columnKey, Source source, BigDecimal value, LocalDate datedOn,
                       String label, Instant validFrom, String openedBy) {
    }

    /** An event that changed a figure: it opened (added) or closed (took out) a contribution. */
    public record Change(String eventId, Instant recordedAt, boolean opened, Source source, BigDecimal value) {
    }

    private final JdbcTemplate jdbc;
    private final FiguresRevisions revisions;

    public Contributions(JdbcTemplate jdbc, FiguresRevisions revisions) {
        this.jdbc = jdbc;
        this.revisions = revisions;
    }

    /** Makes the source's current contributions exactly {@code wanted}: closes the others, opens the new ones. */
    public void follow(Table table, Source source, String agencyId, Set<Contribution> wanted, Instant recordedAt,
                       String eventId) {
        Map<Contribution, Long> current = new HashMap<>();
        Set<String> agencies = new HashSet<>();
        jdbc.query("select id, row_key, column_key, first_year, last_year, value, dated_on, label, agency_id "
                   + "from report_contribution where source_kind = ? and source_id = ? and table_key = ? "
                   + "and valid_to is null",
                   rs -> {
                       current.put(new Contribution(rs.getString(2), rs.getString(3), rs.getInt(4),
                                                    (Integer) rs.getObject(5), rs.getBigDecimal(6),
                                                    localDate(rs, 7), rs.getString(8)), rs.getLong(1));
                       agencies.add(rs.getString(9));
                   }, source.kind(), source.id(), table.key());
        agencies.add(agencyId);
        revisions.changed(agencies);
        Timestamp at = Timestamp.from(recordedAt);
        for (Map.Entry<Contribution, Long> row : current.entrySet()) {
            if (!wanted.contains(row.getKey())) {
                jdbc.update("update report_contribution set valid_to = ?, closed_by = ? where id = ?",
                            at, eventId, row.getValue());
            }
        }
        for (Contribution c : wanted) {
            if (!current.containsKey(c)) {
                jdbc.update("insert into report_contribution (agency_id, table_key, row_key, column_key, first_year, "
                            + "last_year, value, source_kind, source_id, dated_on, label, valid_from, opened_by) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            agencyId, table.key(), c.rowKey(), c.columnKey(), c.firstYear(), c.lastYear(), c.value(),
                            source.kind(), source.id(), c.datedOn() == null ? null : Date.valueOf(c.datedOn()),
                            c.label(), at, eventId);
            }
        }
    }

    /** The figures of an agency's table for a year: as the system knows them now, or knew them at {@code asOf}. */
    public List<CellSum> sums(String agencyId, Table table, int year, Instant asOf) {
        return jdbc.query("select row_key, column_key, sum(value) from report_contribution "
                          + "where agency_id = ? and table_key = ? and first_year <= ? and (last_year is null or last_year >= ?) "
                          + "and " + RecordedInstants.validAt(asOf) + " group by row_key, column_key",
                          (rs, i) -> new CellSum(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)),
                          RecordedInstants.args(asOf, agencyId, table.key(), year, year));
    }

    /** Sums of several tables for a year and the year before it, in one query: table → [year, year before]. */
    public Supplier<Map<Table, List<List<CellSum>>>> sumsWithYearBefore(ReadBatch batch, String agencyId, List<Table> tables,
                                                                     int year, Instant asOf) {
        return sumsWithYearBefore(batch, List.of(agencyId), tables, year, asOf);
    }

    /** The same, summed over several agencies (a roll-up, docs/agencies.md). */
    public Supplier<Map<Table, List<List<CellSum>>>> sumsWithYearBefore(ReadBatch batch, Collection<String> agencies,
                                                                     List<Table> tables, int year, Instant asOf) {
        List<String> agencyList = List.copyOf(agencies);
        String in = String.join(", ", tables.stream().map(t -> "?").toList());
        List<Object> args = new ArrayList<>(List.of(year, year, year - 1, year - 1));
        args.add(InList.array(agencyList));
        tables.forEach(t -> args.add(t.key()));
        args.addAll(List.of(year, year - 1));
        Object[] all = RecordedInstants.args(asOf, args.toArray());
        return batch.query("select table_key, row_key, column_key, "
                           + "sum(value) filter (where first_year <= ? and (last_year is null or last_year >= ?)), "
                           + "sum(value) filter (where first_year <= ? and (last_year is null or last_year >= ?)) "
                           + "from report_contribution where " + InList.any("agency_id")
                           + " and table_key in (" + in + ") "
                           + "and first_year <= ? and (last_year is null or last_year >= ?) and "
                           + RecordedInstants.validAt(asOf) + " group by table_key, row_key, column_key",
                           rs -> {
                               Map<Table, List<List<CellSum>>> sums = new LinkedHashMap<>();
                               for (Table table : tables) {
                                   sums.put(table, List.of(new ArrayList<>(), new ArrayList<>()));
                               }
                               while (rs.next()) {
                                   String key = rs.getString(1);
                                   Table table = tables.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
                                   List<List<CellSum>> both = sums.get(table);
                                   if (rs.getBigDecimal(4) != null) {
                                       both.get(0).add(new CellSum(rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
                                   }
                                   if (rs.getBigDecimal(5) != null) {
                                       both.get(1).add(new CellSum(rs.getString(2), rs.getString(3), rs.getBigDecimal(5)));
                                   }
                               }
                               return sums;
                           }, all);
    }

    /**
     * {@link #sumsWithYearBefore} of each of the agencies apart, now, in one read (the oversight board's checks of a
     * province's thousands of agencies): agency → table → [the year's sums, the year before's].
     */
    public Supplier<Map<String, Map<Table, List<List<CellSum>>>>> sumsWithYearBeforeByAgency(
            ReadBatch batch, Collection<String> agencies, List<Table> tables, int year) {
        String in = String.join(", ", tables.stream().map(t -> "?").toList());
        List<Object> args = new ArrayList<>(List.of(year, year, year - 1, year - 1));
        args.add(InList.array(agencies));
        tables.forEach(t -> args.add(t.key()));
        args.addAll(List.of(year, year - 1));
        return batch.query("select agency_id, table_key, row_key, column_key, "
                           + "sum(value) filter (where first_year <= ? and (last_year is null or last_year >= ?)), "
                           + "sum(value) filter (where first_year <= ? and (last_year is null or last_year >= ?)) "
                           + "from report_contribution where " + InList.any("agency_id")
                           + " and table_key in (" + in + ") "
                           + "and first_year <= ? and (last_year is null or last_year >= ?) and "
                           + RecordedInstants.validAt(null) + " group by agency_id, table_key, row_key, column_key",
                           rs -> {
                               Map<String, Map<Table, List<List<CellSum>>>> byAgency = new HashMap<>();
                               while (rs.next()) {
                                   Map<Table, List<List<CellSum>>> sums = byAgency.computeIfAbsent(rs.getString(1), a -> {
                                       Map<Table, List<List<CellSum>>> empty = new LinkedHashMap<>();
                                       tables.forEach(t -> empty.put(t, List.of(new ArrayList<>(), new ArrayList<>())));
                                       return empty;
                                   });
                                   String key = rs.getString(2);
                                   Table table = tables.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
                                   List<List<CellSum>> both = sums.get(table);
                                   if (rs.getBigDecimal(5) != null) {
                                       both.get(0).add(new CellSum(rs.getString(3), rs.getString(4), rs.getBigDecimal(5)));
                                   }
                                   if (rs.getBigDecimal(6) != null) {
                                       both.get(1).add(new CellSum(rs.getString(3), rs.getString(4), rs.getBigDecimal(6)));
                                   }
                               }
                               return byAgency;
                           }, args.toArray());
    }

    /** {@link #openingBalanceDate} of each of the agencies that has one, now, in one read. */
    public Supplier<Map<String, LocalDate>> openingBalanceDateByAgency(ReadBatch batch, Collection<String> agencies) {
        return batch.query("select agency_id, max(dated_on) from report_contribution where " + InList.any("agency_id")
                           + " and table_key = ? and source_kind = ? and " + RecordedInstants.validAt(null)
                           + " group by agency_id",
                           rs -> {
                               Map<String, LocalDate> byAgency = new HashMap<>();
                               while (rs.next()) {
                                   byAgency.put(rs.getString(1), localDate(rs, 2));
                               }
                               return byAgency;
                           }, InList.array(agencies), Table.PROACTIVE.key(), OPENING_BALANCE);
    }

    /**
     * Section 一's counts: items published in the year by category, most first (ties in the order
     * their categories were first recorded).
     */
    public Supplier<Map<String, Integer>> publishedByCategory(ReadBatch batch, String agencyId, int year, Instant asOf) {
        return publishedByCategory(batch, List.of(agencyId), year, asOf);
    }

    /** The same, summed over several agencies (a roll-up). */
    public Supplier<Map<String, Integer>> publishedByCategory(ReadBatch batch, List<String> agencies, int year, Instant asOf) {
        List<Object> args = new ArrayList<>();
        args.add(InList.array(agencies));
        args.addAll(List.of(Table.PUBLISHED_ITEMS.key(), year, year));
        return batch.query("select column_key, sum(value) from report_contribution "
                           + "where " + InList.any("agency_id")
                           + " and table_key = ? and first_year <= ? and (last_year is null or last_year >= ?) "
                           + "and " + RecordedInstants.validAt(asOf) + " group by column_key order by sum(value) desc, min(id)",
                           rs -> {
                               Map<String, Integer> counts = new LinkedHashMap<>();
                               while (rs.next()) {
                                   counts.put(rs.getString(1), rs.getBigDecimal(2).intValueExact());
                               }
                               return counts;
                           }, RecordedInstants.args(asOf, args.toArray()));
    }

    /** One category of section 一 as one agency counts it now, with its first row's id (ties are ordered by it). */
    public record Published(String category, BigDecimal count, long firstId) {
    }

    /** {@link #publishedByCategory} of each of the agencies apart, now, in one read. */
    public Supplier<Map<String, List<Published>>> publishedByAgency(ReadBatch batch, Collection<String> agencies, int year) {
        return batch.query("select agency_id, column_key, sum(value), min(id) from report_contribution "
                           + "where " + InList.any("agency_id")
                           + " and table_key = ? and first_year <= ? and (last_year is null or last_year >= ?) and "
                           + RecordedInstants.validAt(null) + " group by agency_id, column_key",
                           rs -> {
                               Map<String, List<Published>> byAgency = new HashMap<>();
                               while (rs.next()) {
                                   byAgency.computeIfAbsent(rs.getString(1), a -> new ArrayList<>())
                                           .add(new Published(rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)));
                               }
                               return byAgency;
                           }, InList.array(agencies), Table.PUBLISHED_ITEMS.key(), year, year);
    }

    /** Section 一 of several agencies' sum from each one's counts, in {@link #publishedByCategory}'s order. */
    public static Map<String, Integer> publishedByCategory(Collection<List<Published>> agencies) {
        Map<String, Published> summed = new HashMap<>();
        agencies.forEach(counts -> counts.forEach(count -> summed.merge(
                count.category(), count,
                (a, b) -> new Published(a.category(), a.count().add(b.count()), Math.min(a.firstId(), b.firstId())))));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        summed.values().stream()
              .sorted(Comparator.comparing(Published::count).reversed().thenComparingLong(Published::firstId))
              .forEach(count -> ordered.put(count.category(), count.count().intValueExact()));
        return ordered;
    }

    /** The contributions counted in a figure (a column key of {@code null}: every column of those rows). */
    public List<Item> items(String agencyId, Table table, int year, List<String> rowKeys, String columnKey,
                            Instant asOf) {
        List<Object> args = new ArrayList<>(Arrays.asList(RecordedInstants.args(asOf, agencyId, table.key(), year, year)));
        String where = cellFilter(rowKeys, columnKey, args);
        return jdbc.query("select row_key, column_key, source_kind, source_id, value, dated_on, label, valid_from, opened_by "
                          + "from report_contribution where agency_id = ? and table_key = ? and first_year <= ? "
                          + "and (last_year is null or last_year >= ?) and " + RecordedInstants.validAt(asOf) + where
                          + " order by dated_on, source_id, id",
                          (rs, i) -> new Item(rs.getString(1), rs.getString(2), new Source(rs.getString(3), rs.getString(4)),
                                              rs.getBigDecimal(5), localDate(rs, 6), rs.getString(7),
                                              rs.getTimestamp(8).toInstant(), rs.getString(9)),
                          args.toArray());
    }

    /** The events that opened or closed a contribution to a figure after {@code since}, up to {@code until} (null: now). */
    public List<Change> changes(String agencyId, Table table, int year, List<String> rowKeys, String columnKey,
                                Instant since, Instant until) {
        List<Object> args = new ArrayList<>(List.of(agencyId, table.key(), year, year));
        args.addAll(RecordedInstants.changeArgs(since, until));
        String where = cellFilter(rowKeys, columnKey, args);
        List<Change> changes = new ArrayList<>();
        jdbc.query("select source_kind, source_id, value, valid_from, opened_by, valid_to, closed_by "
                   + "from report_contribution where agency_id = ? and table_key = ? and first_year <= ? "
                   + "and (last_year is null or last_year >= ?) and " + RecordedInstants.changedBetween(until) + where
                   + " order by id",
                   rs -> {
                       Source source = new Source(rs.getString(1), rs.getString(2));
                       Instant opened = rs.getTimestamp(4).toInstant();
                       Timestamp closed = rs.getTimestamp(6);
                       if (opened.isAfter(since) && (until == null || !opened.isAfter(until))) {
                           changes.add(new Change(rs.getString(5), opened, true, source, rs.getBigDecimal(3)));
                       }
                       if (closed != null && closed.toInstant().isAfter(since)
                           && (until == null || !closed.toInstant().isAfter(until))) {
                           changes.add(new Change(rs.getString(7), closed.toInstant(), false, source, rs.getBigDecimal(3)));
                       }
                   }, args.toArray());
        return changes;
    }

    /** The date of the agency's opening balance as the system knew it at {@code asOf}, or null. */
    public Supplier<LocalDate> openingBalanceDate(ReadBatch batch, String agencyId, Instant asOf) {
        return openingBalanceDate(batch, List.of(agencyId), asOf);
    }

    /**
     * The latest opening balance date of the agencies (a roll-up's table 二 check does not apply in a year in
     * which one of them counted its opening balance).
     */
    public Supplier<LocalDate> openingBalanceDate(ReadBatch batch, List<String> agencies, Instant asOf) {
        List<Object> args = new ArrayList<>();
        args.add(InList.array(agencies));
        args.addAll(List.of(Table.PROACTIVE.key(), OPENING_BALANCE));
        return batch.query("select max(dated_on) from report_contribution where " + InList.any("agency_id")
                           + " and table_key = ? and source_kind = ? and " + RecordedInstants.validAt(asOf),
                           rs -> rs.next() ? localDate(rs, 1) : null, RecordedInstants.args(asOf, args.toArray()));
    }

    /** For a projection's reset: every row of these kinds of source. */
    public void deleteAll(Table table, String... sourceKinds) {
        for (String kind : sourceKinds) {
            jdbc.update("delete from report_contribution where table_key = ? and source_kind = ?", table.key(), kind);
        }
    }

    private static String cellFilter(List<String> rowKeys, String columnKey, List<Object> args) {
        StringBuilder where = new StringBuilder(" and row_key in (");
        where.append(String.join(",", rowKeys.stream().map(k -> "?").toList())).append(")");
        args.addAll(rowKeys);
        if (columnKey != null) {
            where.append(" and column_key = ?");
            args.add(columnKey);
        }
        return where.toString();
    }

    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
