package gongkai.query.report;

import gongkai.query.report.Contributions.Table;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** A report's tables and every check relation of annual-report.md, the cross-year ones against the year before. */
    public record Checked(Figures figures, List<Check> checks) {
    }

    /**
     * The tables of the year and of the year before, as of the same instant, read together (one query per
     * kind of read model: the report is asked for often, and each round trip counts), and the checks.
     */
    public Checked checked(String agencyId, int year, Instant asOf) {
        Map<Table, List<List<Contributions.Sum>>> sums = contributions.sumsWithYearBefore(
                agencyId, List.of(Table.PROACTIVE, Table.REVIEWS_AND_LAWSUITS), year, asOf);
        ApplicationCells.TwoYears counts = cells.countsWithYearBefore(agencyId, year, asOf);
        Figures figures = new Figures(TableTwo.of(sums.get(Table.PROACTIVE).get(0)), TableThree.of(counts.year()),
                                      TableFour.of(sums.get(Table.REVIEWS_AND_LAWSUITS).get(0)));
        List<Check> checks = new ArrayList<>();
        checks.addAll(TableTwoChecks.check(figures.proactive(), TableTwo.of(sums.get(Table.PROACTIVE).get(1)), year,
                                           contributions.openingBalanceDate(agencyId, asOf)));
        TableThree previous = cells.hasDataUpTo(agencyId, year - 1, asOf) ? TableThree.of(counts.yearBefore()) : null;
        checks.addAll(TableThreeChecks.check(figures.applications(), previous, year));
        checks.addAll(TableFourChecks.check(figures.reviewsAndLawsuits()));
        return new Checked(figures, checks);
    }
}
