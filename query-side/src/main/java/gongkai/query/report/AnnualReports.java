package gongkai.query.report;

import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an agency's annual report for a year, now or as the system knew it at an instant. */
@Service
public class AnnualReports {

    private final ApplicationCells cells;

    public AnnualReports(ApplicationCells cells) {
        this.cells = cells;
    }

    public Map<String, Object> report(String agencyId, int year, Instant asOf) {
        TableThree applications = TableThree.of(cells.counts(agencyId, year, asOf));
        TableThree previous = cells.hasDataUpTo(agencyId, year - 1, asOf)
                              ? TableThree.of(cells.counts(agencyId, year - 1, asOf)) : null;
        List<Check> checks = TableThreeChecks.check(applications, previous, year);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("agencyId", agencyId);
        report.put("year", year);
        report.put("asOf", asOf);
        report.put("applications", applications.rows());
        report.put("checks", checks);
        report.put("published", null);
        return report;
    }
}
