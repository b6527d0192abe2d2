package gongkai.query.report;

import gongkai.query.cells.ApplicationCells;
import gongkai.query.cells.Contributions.Table;
import gongkai.query.cells.Contributions;
import gongkai.query.counting.CellSum;
import gongkai.query.counting.Check;
import gongkai.query.counting.ReportTable;
import gongkai.query.counting.TableFour;
import gongkai.query.counting.TableFourChecks;
import gongkai.query.counting.TableThree;
import gongkai.query.counting.TableThreeChecks;
import gongkai.query.counting.TableTwo;
import gongkai.query.counting.TableTwoChecks;
import gongkai.query.reads.ReadBatch;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The figures of an agency's report of a year, tables 二, 三 and 四, as the system knows them now or knew
 * them at an instant, and their check relations. What a publication freezes is exactly
 * {@link Figures#tables()} as of the publication's instant.
 */
@Service
public class ReportFigures {

    /** The three tables of one report. */
    public record Figures(TableTwo proactive, TableThree applications, TableFour reviewsAndLawsuits) {

        /** The tables under their JSON keys, in the form's order. */
        public Map<String, Object> tables() {
            Map<String, Object> tables = new LinkedHashMap<>();
            tables.put(ReportTable.PROACTIVE.key(), proactive.rows());
            tables.put(ReportTable.APPLICATIONS.key(), applications.rows());
            tables.put(ReportTable.REVIEWS_AND_LAWSUITS.key(), reviewsAndLawsuits.groups());
            return tables;
        }
    }

    private final ApplicationCells cells;
    private final Contributions contributions;

    public ReportFigures(ApplicationCells cells, Contributions contributions) {
        this.cells = cells;
        this.contributions = contributions;
    }

    public Figures of(String agencyId, int year, Instant asOf) {
        return new Figures(TableTwo.of(contributions.sums(agencyId, Table.PROACTIVE, year, asOf)),
                           TableThree.of(cells.counts(agencyId, year, asOf)),
                           TableFour.of(contributions.sums(agencyId, Table.REVIEWS_AND_LAWSUITS, year, asOf)));
    }

    /**
     * A report's tables and every check relation of docs/annual-report.md ("The check relations"), the cross-year ones
     * against the year before.
     */
    public record Checked(Figures figures, List<Check> checks) {
    }

    /**
     * The tables of the year and of the year before, as of the same instant, read in the report's batch
     * (one query per kind of read model, all in one round trip: the report is asked for often), and the checks.
     */
    public Supplier<Checked> checked(ReadBatch batch, String agencyId, int year, Instant asOf) {
        return checked(batch, List.of(agencyId), year, asOf);
    }

    /**
     * The same for the sum of several agencies' tables (a roll-up, docs/agencies.md): each year summed over the same
     * agencies, so the cross-year checks compare like with like.
     */
    public Supplier<Checked> checked(ReadBatch batch, List<String> agencies, int year, Instant asOf) {
        Supplier<Map<Table, List<List<CellSum>>>> sums = contributions.sumsWithYearBefore(batch, agencies, CONTRIBUTED, year, asOf);
        Supplier<ApplicationCells.TwoYears> counts = cells.countsWithYearBefore(batch, agencies, year, asOf);
        Supplier<LocalDate> openingBalance = contributions.openingBalanceDate(batch, agencies, asOf);
        Supplier<Boolean> yearBeforeCounted = cells.hasDataUpTo(batch, agencies, year - 1, asOf);
        return () -> checked(sums.get(), TableThree.of(counts.get().year()), TableThree.of(counts.get().yearBefore()),
                             openingBalance.get(), yearBeforeCounted.get(), year);
    }

    /**
     * What one agency's report of a year is worked out from now: the sums of its contributions to tables 二 and 四 and
     * its table 三, each of the year and of the year before, the date of its opening balance and whether it counted
     * any application up to the year before. Each is a sum (or a latest date, or an "any"), so the parts of several
     * agencies add up to the parts of their sum ({@link #sum}): what a roll-up reads over its agencies at once.
     */
    public record Parts(Map<Table, List<List<CellSum>>> contributions, TableThree applications,
                        TableThree applicationsBefore, LocalDate openingBalance, boolean yearBeforeCounted) {

        /** An agency with nothing counted. */
        public static Parts none() {
            Map<Table, List<List<CellSum>>> contributions = new LinkedHashMap<>();
            CONTRIBUTED.forEach(table -> contributions.put(table, List.of(List.of(), List.of())));
            return new Parts(contributions, TableThree.of(List.of()), TableThree.of(List.of()), null, false);
        }

        /** The parts of several agencies' sum. */
        public static Parts sum(Collection<Parts> agencies) {
            Map<Table, List<Map<List<String>, CellSum>>> cells = new LinkedHashMap<>();
            CONTRIBUTED.forEach(table -> cells.put(table, List.of(new LinkedHashMap<>(), new LinkedHashMap<>())));
            TableThree.Sum applications = new TableThree.Sum();
            TableThree.Sum applicationsBefore = new TableThree.Sum();
            LocalDate openingBalance = null;
            boolean yearBeforeCounted = false;
            for (Parts parts : agencies) {
                parts.contributions().forEach((table, years) -> {
                    for (int year = 0; year < 2; year++) {
                        for (CellSum sum : years.get(year)) {
                            cells.get(table).get(year).merge(List.of(sum.rowKey(), sum.columnKey()), sum,
                                                              (a, b) -> new CellSum(a.rowKey(), a.columnKey(), a.value().add(b.value())));
                        }
                    }
                });
                applications.add(parts.applications());
                applicationsBefore.add(parts.applicationsBefore());
                if (parts.openingBalance() != null && (openingBalance == null || parts.openingBalance().isAfter(openingBalance))) {
                    openingBalance = parts.openingBalance();
                }
                yearBeforeCounted |= parts.yearBeforeCounted();
            }
            Map<Table, List<List<CellSum>>> contributions = new LinkedHashMap<>();
            cells.forEach((table, years) -> contributions.put(table, List.of(List.copyOf(years.get(0).values()),
                                                                             List.copyOf(years.get(1).values()))));
            return new Parts(contributions, applications.table(), applicationsBefore.table(), openingBalance,
                             yearBeforeCounted);
        }
    }

    /** The tables whose figures are contributions (table 三 is counted from the applications' cells). */
    private static final List<Table> CONTRIBUTED = List.of(Table.PROACTIVE, Table.REVIEWS_AND_LAWSUITS);

    /**
     * The {@link Parts} of each of the agencies apart, now, in four reads whatever their number (a province's
     * thousands of agencies): every agency asked for has its parts, {@link Parts#none()} when nothing is counted.
     */
    public Supplier<Map<String, Parts>> partsByAgency(ReadBatch batch, List<String> agencies, int year) {
        Supplier<Map<String, Map<Table, List<List<CellSum>>>>> sums = contributions.sumsWithYearBeforeByAgency(
                batch, agencies, CONTRIBUTED, year);
        Supplier<Map<String, ApplicationCells.TwoTables>> counts = cells.countsWithYearBeforeByAgency(batch, agencies, year);
        Supplier<Map<String, LocalDate>> openingBalances = contributions.openingBalanceDateByAgency(batch, agencies);
        Supplier<java.util.Set<String>> yearBeforeCounted = cells.withDataUpTo(batch, agencies, year - 1);
        return () -> {
            Parts none = Parts.none();
            Map<String, Parts> byAgency = new LinkedHashMap<>();
            for (String agency : agencies) {
                ApplicationCells.TwoTables tables = counts.get().get(agency);
                byAgency.put(agency, new Parts(sums.get().getOrDefault(agency, none.contributions()),
                                               tables == null ? none.applications() : tables.year(),
                                               tables == null ? none.applicationsBefore() : tables.yearBefore(),
                                               openingBalances.get().get(agency), yearBeforeCounted.get().contains(agency)));
            }
            return byAgency;
        };
    }

    /** A report's tables and checks worked out from its {@link Parts}. */
    public static Checked checked(Parts parts, int year) {
        return checked(parts.contributions(), parts.applications(), parts.applicationsBefore(), parts.openingBalance(),
                       parts.yearBeforeCounted(), year);
    }

    /** The tables of the year and every check relation, from the reads of the year and of the year before. */
    private static Checked checked(Map<Table, List<List<CellSum>>> both, TableThree applications, TableThree applicationsBefore,
                                   LocalDate openingBalance, boolean yearBeforeCounted, int year) {
        Figures figures = new Figures(TableTwo.of(both.get(Table.PROACTIVE).get(0)), applications,
                                      TableFour.of(both.get(Table.REVIEWS_AND_LAWSUITS).get(0)));
        List<Check> checks = new ArrayList<>();
        checks.addAll(TableTwoChecks.check(figures.proactive(), TableTwo.of(both.get(Table.PROACTIVE).get(1)), year,
                                           openingBalance));
        TableThree previous = yearBeforeCounted ? applicationsBefore : null;
        checks.addAll(TableThreeChecks.check(figures.applications(), previous, year));
        checks.addAll(TableFourChecks.check(figures.reviewsAndLawsuits()));
        return new Checked(figures, checks);
    }
}
