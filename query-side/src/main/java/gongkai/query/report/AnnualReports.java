package gongkai.query.report;

import gongkai.query.cells.Contributions;
import gongkai.query.reads.ReadBatch;
import gongkai.query.report.ReportFigures.Figures;
import gongkai.query.report.publication.PublishedReport;
import gongkai.query.report.publication.PublishedView;
import gongkai.query.timeliness.Timeliness;
import gongkai.query.timeliness.TimelinessFigures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds an agency's annual report for a year ({@link AnnualReport}, docs/http-api.md, "The annual
 * report"), now or as the system knew it at an instant: the tables, their checks and the publication, with the agency's name, section 一's counts
 * of items published, the text of sections 一, 五 and 六 and a draft of section 一's sentences generated
 * from the same figures. Every part is as of the same instant.
 */
@Service
public class AnnualReports {

    private final JdbcTemplate jdbc;
    private final ReportFigures figures;
    private final Contributions contributions;
    private final Narratives narratives;
    private final PublishedView publications;
    private final AgencyNames agencies;
    private final Timeliness timeliness;

    public AnnualReports(JdbcTemplate jdbc, ReportFigures figures, Contributions contributions, Narratives narratives,
                         PublishedView publications, AgencyNames agencies, Timeliness timeliness) {
        this.jdbc = jdbc;
        this.timeliness = timeliness;
        this.figures = figures;
        this.contributions = contributions;
        this.narratives = narratives;
        this.publications = publications;
        this.agencies = agencies;
    }

    public AnnualReport report(String agencyId, int year, Instant asOf) {
        // Every read model the report reads, in one round trip (ReadBatch).
        ReadBatch batch = new ReadBatch();
        Supplier<ReportFigures.Checked> checkedFigures = figures.checked(batch, agencyId, year, asOf);
        Supplier<Map<String, Integer>> publishedItems = contributions.publishedByCategory(batch, agencyId, year, asOf);
        // Beside the national tables, not part of them: how timely the year's answers were.
        Supplier<TimelinessFigures> timely = asOf == null ? timeliness.of(batch, agencyId, year) : () -> null;
        Supplier<AnnualReport.Narrative> narrative = narratives.asOf(batch, agencyId, year, asOf);
        Function<Figures, PublishedReport> publication = publications.view(batch, agencyId, year, asOf);
        batch.run(jdbc);

        ReportFigures.Checked checked = checkedFigures.get();
        Figures tables = checked.figures();
        Map<String, Integer> published = publishedItems.get();
        return new AnnualReport(agencyId, agencies.name(agencyId), year, asOf, tables.proactive().rows(),
                                tables.applications().rows(), tables.reviewsAndLawsuits().groups(), checked.checks(),
                                AnnualReport.PublishedItems.of(published), timely.get(), narrative.get(),
                                OverviewDraft.of(year, published, tables), publication.apply(tables));
    }
}
