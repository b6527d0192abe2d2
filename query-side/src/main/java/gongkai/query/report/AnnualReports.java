package gongkai.query.report;

import gongkai.query.report.ReportFigures.Figures;
import gongkai.query.report.publication.Publications;
import gongkai.query.timeliness.Timeliness;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an agency's annual report for a year, now or as the system knew it at an instant: the JSON of
 * api.md ({@code proactive}, {@code applications}, {@code reviewsAndLawsuits}, {@code checks},
 * {@code published}), with the agency's {@code name}, section 一's counts of items published
 * ({@code publishedItems}), the text of sections 一, 五 and 六 ({@code narrative}) and a draft of
 * section 一's sentences generated from the same figures ({@code overviewDraft}). Every part is as of
 * the same instant.
 */
@Service
public class AnnualReports {

    private final ReportFigures figures;
    private final Contributions contributions;
    private final Narratives narratives;
    private final Publications publications;
    private final AgencyNames agencies;
    private final Timeliness timeliness;

    public AnnualReports(ReportFigures figures, Contributions contributions, Narratives narratives,
                         Publications publications, AgencyNames agencies, Timeliness timeliness) {
        this.timeliness = timeliness;
        this.figures = figures;
        this.contributions = contributions;
        this.narratives = narratives;
        this.publications = publications;
        this.agencies = agencies;
    }

    public Map<String, Object> report(String agencyId, int year, Instant asOf) {
        ReportFigures.Checked checked = figures.checked(agencyId, year, asOf);
        Figures tables = checked.figures();
        List<Check> checks = checked.checks();
        Map<String, Integer> published = contributions.publishedByCategory(agencyId, year, asOf);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("agencyId", agencyId);
        report.put("name", agencies.name(agencyId));
        report.put("year", year);
        report.put("asOf", asOf);
        report.put("proactive", tables.proactive().rows());
        report.put("applications", tables.applications().rows());
        report.put("reviewsAndLawsuits", tables.reviewsAndLawsuits().groups());
        report.put("checks", checks);
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("total", published.values().stream().mapToInt(Integer::intValue).sum());
        items.put("byCategory", published);
        report.put("publishedItems", items);
        // Beside the national tables, not part of them (issue 3): how timely the year's answers were.
        report.put("timeliness", asOf == null ? timeliness.of(agencyId, year) : null);
        report.put("narrative", narratives.asOf(agencyId, year, asOf));
        report.put("overviewDraft", OverviewDraft.of(year, published, tables));
        report.put("published", publications.view(agencyId, year, asOf, tables));
        return report;
    }
}
