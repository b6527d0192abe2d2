package gongkai.query.report;

import gongkai.query.timeliness.Timeliness;
import org.springframework.beans.factory.annotation.Autowired;
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
        // Beside the national tables, not part of them (issue 3): how timely the year's answers were.
        report.put("timeliness", asOf == null && timeliness != null ? timeliness.of(agencyId, year) : null);
        report.put("published", null);
        return report;
    }

    // ---- timeliness figures (issue 3), wired apart from the tables ---------------------------

    private Timeliness timeliness;

    @Autowired
    void setTimeliness(Timeliness timeliness) {
        this.timeliness = timeliness;
    }
}
