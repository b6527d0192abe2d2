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
        Supplier<Map<Table, List<List<CellSum>>>> sums = contributions.sumsWithYearBefore(
                batch, agencies, List.of(Table.PROACTIVE, Table.REVIEWS_AND_LAWSUITS), year, asOf);
        Supplier<ApplicationCells.TwoYears> counts = cells.countsWithYearBefore(batch, agencies, year, asOf);
        Supplier<LocalDate> openingBalance = contributions.openingBalanceDate(batch, agencies, asOf);
        Supplier<Boolean> yearBeforeCounted = cells.hasDataUpTo(batch, agencies, year - 1, asOf);
        return () -> checked(sums.get(), TableThree.of(counts.get().year()), TableThree.of(counts.get().yearBefore()),
                             openingBalance.get(), yearBeforeCounted.get(), year);
    }

    /**
     * {@link #checked} of each of the agencies apart, now, in five reads whatever their number (the oversight board
     * of a province: thousands of agencies, each with its own checks). Every agency's checks are worked out at each
     * {@code get()}: ask once.
     */
    public Supplier<Map<String, Checked>> checkedByAgency(ReadBatch batch, List<String> agencies, int year) {
        Supplier<Map<String, Map<Table, List<List<CellSum>>>>> sums = contributions.sumsWithYearBeforeByAgency(
                batch, agencies, List.of(Table.PROACTIVE, Table.REVIEWS_AND_LAWSUITS), year);
        Supplier<Map<String, ApplicationCells.TwoTables>> counts = cells.countsWithYearBeforeByAgency(batch, agencies, year);
        Supplier<Map<String, LocalDate>> openingBalances = contributions.openingBalanceDateByAgency(batch, agencies);
        Supplier<java.util.Set<String>> yearBeforeCounted = cells.withDataUpTo(batch, agencies, year - 1);
        return () -> {
            Map<Table, List<List<CellSum>>> none = new LinkedHashMap<>();
            none.put(Table.PROACTIVE, List.of(List.of(), List.of()));
            none.put(Table.REVIEWS_AND_LAWSUITS, List.of(List.of(), List.of()));
            ApplicationCells.TwoTables noCounts = new ApplicationCells.TwoTables(TableThree.of(List.of()), TableThree.of(List.of()));
            Map<String, Checked> byAgency = new LinkedHashMap<>();
            for (String agency : agencies) {
                ApplicationCells.TwoTables tables = counts.get().getOrDefault(agency, noCounts);
                byAgency.put(agency, checked(sums.get().getOrDefault(agency, none), tables.year(), tables.yearBefore(),
                                             openingBalances.get().get(agency), yearBeforeCounted.get().contains(agency), year));
            }
            return byAgency;
        };
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
