package gongkai.query.oversight;

import gongkai.query.agency.AgencyChanges;
import gongkai.query.agency.AgencyTree;
import gongkai.query.cells.FiguresRevisions;
import gongkai.query.cells.KeptByRevision;
import gongkai.query.reads.InList;
import gongkai.query.reads.ReadBatch;
import gongkai.query.report.ReportFigures;
import gongkai.query.report.publication.ReportDigest;
import gongkai.query.threads.DaemonThreads;
import gongkai.query.timeliness.Timeliness;
import gongkai.query.timeliness.TimelinessFigures;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The oversight board of an agency for a year (docs/agencies.md, "Oversight board"): for every agency under it, as
 * the tree stood at the end of the year, whether its report is published and when, whether late against its legal
 * deadline, its failed checks, whether its figures changed since its publication, its applications of the year, its
 * open and overdue cases now and its on-time rate. The whole subtree is read in one round trip ({@link ReadBatch}) of a few
 * set-based reads, each grouped by agency; the reports' figures and checks are worked out again only for the agencies
 * whose figures changed since the board last did ({@link KeptByRevision}), in one more.
 */
@Service
public class OversightBoard {

    /** One agency's line on the board. */
    public record Line(String agencyId, String name, String kind, String parentId, LocalDate deadline,
                       boolean published, LocalDate publishedOn, int publications, ReportDeadline.Standing standing,
                       boolean late, int failedChecks, Boolean changedSincePublication, int applications, int open,
                       int overdue, BigDecimal onTimeRate) {
    }

    /** Slices read side by side: one per core. */
    private static final int SLICES = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final JdbcTemplate jdbc;
    private final FiguresRevisions revisions;
    /** One report's part of the board; {@code digest} null when it was not needed (no publication to compare). */
    private record Worked(int failedChecks, int applications, String digest) {
    }

    /** Ten years of a province's 3,000 agencies, three times over: a few numbers each. */
    private final KeptByRevision<Worked> kept = new KeptByRevision<>(100_000);
    private final AtomicLong workedOut = new AtomicLong();
    private final AgencyChanges tree;
    private final ReportFigures figures;
    private final Timeliness timeliness;
    private final Clock clock;
    /** The fewest agencies of a slice: a board of fewer than twice as many is read in one go. */
    private final int sliceAtLeast;
    private final ExecutorService slicing = Executors.newFixedThreadPool(SLICES, DaemonThreads.named("gongkai-board-slice"));

    public OversightBoard(JdbcTemplate jdbc, FiguresRevisions revisions, AgencyChanges tree, ReportFigures figures, Timeliness timeliness, Clock clock,
                          @Value("${gongkai.oversight.slice-at-least:500}") int sliceAtLeast) {
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.tree = tree;
        this.figures = figures;
        this.timeliness = timeliness;
        this.clock = clock;
        this.sliceAtLeast = Math.max(1, sliceAtLeast);
    }

    private record Publications(LocalDate first, int count, String latestDigest) {
    }

    private record Cases(int open, int overdue) {
    }

    /** The board's lines, in the tree's order; empty when the agency did not stand at the end of the year. */
    public List<Line> lines(String root, int year) {
        AgencyTree atEnd = tree.atEndOf(year, null);
        List<String> agencies = atEnd.subtree(root);
        if (agencies.isEmpty()) {
            return List.of();
        }
        LocalDate today = AgencyChanges.today(clock);
        int parts = Math.min(SLICES, Math.max(1, agencies.size() / sliceAtLeast));
        if (parts == 1) {
            return lines(atEnd, agencies, year, today);
        }
        // A province's board is thousands of reports: its slices are read and worked out side by side, each on a
        // connection of its own, and put together in the tree's order.
        List<Future<List<Line>>> slices = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            List<String> slice = agencies.subList(agencies.size() * part / parts, agencies.size() * (part + 1) / parts);
            slices.add(slicing.submit(() -> lines(atEnd, slice, year, today)));
        }
        List<Line> lines = new ArrayList<>(agencies.size());
        for (Future<List<Line>> slice : slices) {
            lines.addAll(result(slice));
        }
        return lines;
    }

    /** How many agencies' reports of a year the board has worked out since it started: beside the boards read, what it kept. */
    public long reportsWorkedOut() {
        return workedOut.get();
    }

    @PreDestroy
    void stop() {
        slicing.shutdownNow();
    }

    private static List<Line> result(Future<List<Line>> slice) {
        try {
            return slice.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the board was read", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** The lines of these agencies of the tree. */
    private List<Line> lines(AgencyTree atEnd, List<String> agencies, int year, LocalDate today) {
        ReadBatch batch = new ReadBatch();
        // a few set-based reads for the whole subtree, each agency's rows grouped apart: a province's thousands of
        // agencies cost no more round trips nor statements than a county's five
        Supplier<Map<String, Long>> revisions = this.revisions.of(batch, agencies);
        Supplier<Map<String, TimelinessFigures>> timely = timeliness.byAgency(batch, agencies, year);
        Supplier<Map<String, Publications>> published = batch.query(
                "select agency_id, min(published_on), count(*), (array_agg(digest order by published_at desc))[1] "
                + "from report_publication where year = ? and " + InList.any("agency_id") + " group by agency_id",
                rs -> {
                    Map<String, Publications> byAgency = new HashMap<>();
                    while (rs.next()) {
                        byAgency.put(rs.getString(1), new Publications(rs.getDate(2).toLocalDate(), rs.getInt(3),
                                                                       rs.getString(4)));
                    }
                    return byAgency;
                }, year, InList.array(agencies));
        Supplier<Map<String, Cases>> cases = batch.query(
                "select agency_id, count(*), count(*) filter (where due_on < ?) from application_case "
                + "where " + InList.any("agency_id") + " and state not in ('CONCLUDED', 'WITHDRAWN') group by agency_id",
                rs -> {
                    Map<String, Cases> byAgency = new HashMap<>();
                    while (rs.next()) {
                        byAgency.put(rs.getString(1), new Cases(rs.getInt(2), rs.getInt(3)));
                    }
                    return byAgency;
                }, Date.valueOf(today), InList.array(agencies));
        batch.run(jdbc);
        Map<String, Worked> reports = reports(agencies, year, revisions.get(), published.get());
        Map<String, TimelinessFigures> timelyByAgency = timely.get();

        List<Line> lines = new ArrayList<>(agencies.size());
        for (String agency : agencies) {
            AgencyTree.Node node = atEnd.node(agency).orElseThrow();
            Worked report = reports.get(agency);
            Publications publications = published.get().get(agency);
            Cases open = cases.get().getOrDefault(agency, new Cases(0, 0));
            LocalDate first = publications == null ? null : publications.first();
            ReportDeadline.Standing standing = ReportDeadline.standing(node.kind(), year, first, today);
            Boolean changed = publications == null || publications.latestDigest() == null ? null
                    : !report.digest().equals(publications.latestDigest());
            lines.add(new Line(agency, node.name(), node.kind() == null ? null : node.kind().name(), node.parentId(),
                               node.kind() == null ? null : node.kind().reportDeadline(year), publications != null, first,
                               publications == null ? 0 : publications.count(), standing, ReportDeadline.late(standing),
                               report.failedChecks(), changed, report.applications(), open.open(), open.overdue(),
                               onTimeRate(timelyByAgency.get(agency))));
        }
        return lines;
    }

    /**
     * Each agency's part of its report: as kept, when its figures' revision is still the one it was worked out at,
     * or else worked out from its figures and checks, read after the revisions (a change made between the two reads
     * is in the figures and draws a revision of its own, so nothing kept can be older than its revision says).
     */
    private Map<String, Worked> reports(List<String> agencies, int year, Map<String, Long> revisions,
                                     Map<String, Publications> published) {
        Map<String, Worked> reports = new HashMap<>();
        List<String> stale = new ArrayList<>();
        for (String agency : agencies) {
            Worked found = kept.at(agency, year, revisions.getOrDefault(agency, 0L));
            if (found == null || (found.digest() == null && published.containsKey(agency))) {
                stale.add(agency);
            } else {
                reports.put(agency, found);
            }
        }
        if (stale.isEmpty()) {
            return reports;
        }
        ReadBatch batch = new ReadBatch();
        Supplier<Map<String, ReportFigures.Parts>> parts = figures.partsByAgency(batch, stale, year);
        batch.run(jdbc);
        workedOut.addAndGet(stale.size());
        parts.get().forEach((agency, agencyParts) -> {
            ReportFigures.Checked report = ReportFigures.checked(agencyParts, year);
            Worked worked = new Worked(
                    (int) report.checks().stream().filter(c -> !c.passed()).count(),
                    report.figures().applications().get("NEW", "TOTAL"),
                    published.containsKey(agency) ? ReportDigest.sha256(ReportDigest.canonical(agency, year, report.figures()))
                                                  : null);
            kept.keep(agency, year, revisions.getOrDefault(agency, 0L), worked);
            reports.put(agency, worked);
        });
        return reports;
    }

    /** Answered on time of those answered with a due date, as a fraction with four places; null when none. */
    static BigDecimal onTimeRate(TimelinessFigures t) {
        int judged = t.answeredOnTime() + t.answeredLate();
        return judged == 0 ? null : BigDecimal.valueOf(t.answeredOnTime()).divide(BigDecimal.valueOf(judged), 4,
                                                                                  RoundingMode.HALF_UP);
    }
}
