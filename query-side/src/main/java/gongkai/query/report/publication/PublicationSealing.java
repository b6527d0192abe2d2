package gongkai.query.report.publication;

import gongkai.query.chain.EventChain;
import gongkai.query.projections.ProjectionPositions;
import gongkai.query.projections.ReadModels;
import gongkai.query.report.ReportFigures;
import gongkai.query.report.publication.PublicationRecords.Publication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sealing of published reports: their figures frozen, in canonical form, with their digest.
 * <p>
 * <b>What is frozen.</b> A publication freezes the report's figures (tables 二, 三, 四) as the system knew
 * them at the instant the ReportPublished event was recorded: the as-of report of that instant. The
 * read models keep every row with the instants it was valid from and to, so that as-of report can be
 * computed at any later time and is always the same.
 * <p>
 * <b>When it is frozen.</b> The figures come from other projections, which run in their own processors
 * and may not yet have reached the publication when this one handles it. So the event is only
 * recorded when handled ({@link PublicationRecords#record}); the figures are computed, written in their canonical form
 * and digested ({@link ReportDigest}) once every projection of the figures has processed every event
 * up to the publication's horizon ({@link ProjectionPositions}): the publication event itself, or any
 * later-stored event recorded at or before its instant. That is checked every second and whenever the
 * report is read ({@link #sealReady}). Once sealed, a row is never recomputed, and it survives a
 * replay of the projections; the report then shows whether the figures recomputed as of the
 * publication still give the digest ({@link PublishedView}), and what changed since ({@link ChangesSince}).
 */
@Service
public class PublicationSealing {

    /** The processing groups whose read models the figures are computed from. */
    public static final List<String> FIGURE_PROJECTIONS = List.of(ReadModels.PROCESSING_GROUP);

    private static final Logger log = LoggerFactory.getLogger(PublicationSealing.class);

    private final PublicationRecords records;
    private final ReportFigures figures;
    private final ProjectionPositions positions;
    private final EventChain chain;

    public PublicationSealing(PublicationRecords records, ReportFigures figures, ProjectionPositions positions,
                              EventChain chain) {
        this.records = records;
        this.figures = figures;
        this.positions = positions;
        this.chain = chain;
    }

    /** Seals every publication whose figures' projections have passed its horizon. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    public void sealReady() {
        try {
            for (Publication p : records.unsealed()) {
                if (positions.past(p.horizonIndex(), FIGURE_PROJECTIONS)) {
                    seal(p);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Sealing publications failed ({}); trying again", e.toString());
        }
    }

    private void seal(Publication p) {
        String canonical = ReportDigest.canonical(p.agencyId(), p.year(),
                                                  figures.of(p.agencyId(), p.year(), p.publishedAt()));
        records.seal(p, canonical, ReportDigest.sha256(canonical), Instant.now(), chainHeadAt(p.globalIndex()));
    }

    /*
     * The link of the hash chain over the event stream (gongkai.query.chain.EventChain) at the publication
     * event, as "globalIndex:hash": it covers that event and every event before it, so that a publication
     * names the exact stream it froze. Stored in report_publication.chain_head, shown as
     * published.chainHead, and checked by GET /api/audit/verification?anchorIndex=&anchorHash= or VerifyCli
     * --anchor=globalIndex:hash. The chain follows the event table within milliseconds; a gap younger than its settle
     * time before the event may hold it a few seconds, hence the wait. Null only if the chain could not reach it.
     */
    private String chainHeadAt(long globalIndex) {
        return chain.headCovering(globalIndex, Duration.ofSeconds(10))
                    .flatMap(head -> chain.linkAt(globalIndex))
                    .map(link -> link.globalIndex() + ":" + link.hash())
                    .orElse(null);
    }
}
