package gongkai.query.report;

import gongkai.query.cells.Contributions;
import gongkai.query.counting.Check;
import gongkai.query.reads.ReadBatch;
import gongkai.query.report.ReportFigures.Figures;
import gongkai.query.report.publication.Publications;
import gongkai.query.timeliness.Timeliness;
import gongkai.query.timeliness.TimelinessFigures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds an agency's annual report for a year, now or as the system knew it at an instant: the JSON of
 * docs/http-api.md, "The annual report" ({@code proactive}, {@code applications}, {@code reviewsAndLawsuits}, {@code
 * checks}, {@code published}), with the agency's {@code name}, section 一's counts of items published
 * ({@code publishedItems}), the text of sections 一, 五 and 六 ({@code narrative}) and a draft of
 * section 一's sentences generated from the same figures ({@code overviewDraft}). Every part is as of
 * the same instant.
 */
@Service
public class AnnualReports {

    private final JdbcTemplate jdbc;
    private final ReportFigures figures;
    private final Contributions contributions;
    private final Narratives narratives;
    private final Publications publications;
    private final AgencyNames agencies;
    private final Timeliness timeliness;

    public AnnualReports(JdbcTemplate jdbc, ReportFigures figures, Contributions contributions, Narratives narratives,
                         Publications publications, AgencyNames agencies, Timeliness timeliness) {
        this.jdbc = jdbc;
        this.timeliness = timeliness;
        this.figures = figures;
        this.contributions = contributions;
        this.narratives = narratives;
        this.publications = publications;
        this.agencies = agencies;
    }

    public Map<String, Object> report(String agencyId, int year, Instant asOf) {
        // Every read model the report reads, in one round trip (ReadBatch).
        ReadBatch batch = new ReadBatch();
        Supplier<ReportFigures.Checked> checkedFigures = figures.checked(batch, agencyId, year, asOf);
        Supplier<Map<String, Integer>> publishedItems = contributions.publishedByCategory(batch, agencyId, year, asOf);
        // Beside the national tables, not part of them: how timely the year's answers were.
        Supplier<TimelinessFigures> timely = asOf == null ? timeliness.of(batch, agencyId, year) : () -> null;
        Supplier<Map<String, Object>> narrative = narratives.asOf(batch, agencyId, year, asOf);
        Function<Figures, Map<String, Object>> publication = publications.view(batch, agencyId, year, asOf);
        batch.run(jdbc);

        ReportFigures.Checked checked = checkedFigures.get();
        Figures tables = checked.figures();
        List<Check> checks = checked.checks();
        Map<String, Integer> published = publishedItems.get();

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
        report.put("timeliness", timely.get());
        report.put("narrative", narrative.get());
        report.put("overviewDraft", OverviewDraft.of(year, published, tables));
        report.put("published", publication.apply(tables));
        return report;
    }
}
