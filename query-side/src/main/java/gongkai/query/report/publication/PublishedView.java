package gongkai.query.report.publication;

import gongkai.query.reads.ReadBatch;
import gongkai.query.report.ReportFigures;
import gongkai.query.report.ReportFigures.Figures;
import gongkai.query.report.publication.PublicationRecords.Publication;
import gongkai.query.report.publication.PublishedReport.EarlierPublication;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a report shows of its publications ({@code published}): the latest one, its digest, whether the
 * figures recomputed as of the publication still give it ({@code verified}), the figures changed since
 * ({@link ChangesSince}) and the earlier publications.
 */
@Service
public class PublishedView {

    private final PublicationRecords records;
    private final PublicationSealing sealing;
    private final ReportFigures figures;
    private final ChangesSince changesSince;

    public PublishedView(PublicationRecords records, PublicationSealing sealing, ReportFigures figures,
                         ChangesSince changesSince) {
        this.records = records;
        this.sealing = sealing;
        this.figures = figures;
        this.changesSince = changesSince;
    }

    /**
     * The {@code published} part of a report: null when the report was not published (as of
     * {@code asOf}); else its latest publication, its digest, whether the digest still verifies, the
     * figures changed since with the events that changed them, and the earlier publications.
     *
     * Its first read is made in the report's batch; the view is then built from it and {@code current},
     * the report's figures now (or as of {@code asOf}).
     */
    public Function<Figures, PublishedReport> view(ReadBatch batch, String agencyId, int year, Instant asOf) {
        Supplier<List<Publication>> publications = records.of(batch, agencyId, year, asOf);
        return current -> view(agencyId, year, asOf, current, publications.get());
    }

    private PublishedReport view(String agencyId, int year, Instant asOf, Figures current, List<Publication> all) {
        if (all.isEmpty()) {
            return null;
        }
        Publication latest = all.get(all.size() - 1);
        if (latest.sealedAt() == null) {
            sealing.sealReady();
            all = records.now(agencyId, year, asOf);
            latest = all.get(all.size() - 1);
        }
        String asPublished = "/api/agencies/" + agencyId + "/reports/" + year + "?asOf=" + latest.publishedAt();
        List<EarlierPublication> earlier = all.subList(0, all.size() - 1).stream()
                .map(p -> new EarlierPublication(p.publishedOn(), p.publishedAt(), p.eventId(), p.digest())).toList();
        if (latest.sealedAt() == null) {
            return new PublishedReport(latest.publishedOn(), latest.publishedAt(), latest.eventId(), false, latest.digest(),
                                       ReportDigest.FORM, asPublished, latest.chainHead(), null, null,
                                       "等待各投影处理到发布事件 (waiting for the projections to reach the publication)",
                                       earlier);
        }
        String recomputed = ReportDigest.sha256(ReportDigest.canonical(
                agencyId, year, figures.of(agencyId, year, latest.publishedAt())));
        return new PublishedReport(latest.publishedOn(), latest.publishedAt(), latest.eventId(), true, latest.digest(),
                                   ReportDigest.FORM, asPublished, latest.chainHead(), recomputed.equals(latest.digest()),
                                   changesSince.changes(latest, current, asOf), null, earlier);
    }
}
