package gongkai.query.report;

import gongkai.http.Problems;
import gongkai.query.agency.AgencyChanges;
import gongkai.query.agency.AgencyTree;
import gongkai.query.cells.Contributions;
import gongkai.query.cells.FiguresRevisions;
import gongkai.query.cells.KeptByRevision;
import gongkai.query.counting.ReportTable;
import gongkai.query.reads.ReadBatch;
import gongkai.query.report.AnnualReport.Member;
import gongkai.query.report.AnnualReport.RollUp;
import gongkai.query.report.ReportFigures.Figures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Roll-ups (汇总, docs/agencies.md): the tables of an agency and every agency under it summed, as the tree stood
 * at the end of the year (today for a year not over), with every check relation of the sum, labelled and listing
 * the agencies summed; and the drill-down from a figure of the sum to each agency's figure. Never a statutory
 * report: it has no text, no publication and no timeliness of its own.
 */
@Service
public class RollUps {

    public static final String LABEL = "汇总";

    private final JdbcTemplate jdbc;
    private final ReportFigures figures;
    private final Contributions contributions;
    private final FiguresRevisions revisions;
    private final AgencyChanges tree;
    /** What a roll-up of now read of one agency's year: its {@link ReportFigures.Parts} and its section 一. */
    private record Read(ReportFigures.Parts parts, List<Contributions.Published> published) {
    }

    /** Three years of a province's 3,000 agencies: about 2 KB each, 20 MB in all. */
    private final KeptByRevision<Read> kept = new KeptByRevision<>(10_000);
    private final AtomicLong partsRead = new AtomicLong();

    public RollUps(JdbcTemplate jdbc, ReportFigures figures, Contributions contributions, FiguresRevisions revisions,
                   AgencyChanges tree) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.contributions = contributions;
        this.revisions = revisions;
        this.tree = tree;
    }

    /** The agencies a year's roll-up of {@code root} sums, in the tree's order; 404 when the root did not stand then. */
    public RollUp members(String root, int year, Instant asOf) {
        AgencyTree atEnd = tree.atEndOf(year, asOf);
        List<String> ids = atEnd.rollUp(root);
        if (ids.isEmpty()) {
            throw Problems.Refused.notFound("该年末不存在这一机关 (no open agency " + root + " at the end of " + year + ")");
        }
        List<Member> members = new ArrayList<>(ids.size());
        for (String id : ids) {
            AgencyTree.Node node = atEnd.node(id).orElseThrow();
            members.add(new Member(id, node.name(), node.kind() == null ? null : node.kind().name(), node.parentId(),
                                   node.closedOn(), "/api/agencies/" + id + "/reports/" + year));
        }
        return new RollUp(LABEL, tree.endOf(year), members);
    }

    public AnnualReport report(String root, int year, Instant asOf) {
        RollUp rollUp = members(root, year, asOf);
        List<String> agencies = rollUp.agencies().stream().map(Member::agencyId).toList();
        ReportFigures.Checked checked;
        Map<String, Integer> published;
        if (asOf == null) {
            List<Read> parts = partsNow(agencies, year);
            checked = ReportFigures.checked(ReportFigures.Parts.sum(parts.stream().map(Read::parts).toList()), year);
            published = Contributions.publishedByCategory(parts.stream().map(Read::published).toList());
        } else {
            // as of an instant: the agencies' figures then, summed in the database (no revision tells what changed)
            ReadBatch batch = new ReadBatch();
            Supplier<ReportFigures.Checked> checkedFigures = figures.checked(batch, agencies, year, asOf);
            Supplier<Map<String, Integer>> publishedItems = contributions.publishedByCategory(batch, agencies, year, asOf);
            batch.run(jdbc);
            checked = checkedFigures.get();
            published = publishedItems.get();
        }
        Figures tables = checked.figures();
        return new AnnualReport(root, rollUp.agencies().get(0).name(), year, asOf, tables.proactive().rows(),
                                tables.applications().rows(), tables.reviewsAndLawsuits().groups(), checked.checks(),
                                AnnualReport.PublishedItems.of(published), null, null, null, null, rollUp);
    }

    /** How many agencies' parts of a year the roll-ups of now have read since the start: beside the roll-ups asked, what they kept. */
    public long partsRead() {
        return partsRead.get();
    }

    /**
     * Each agency's parts of the year now: as kept, when its figures' revision is still the one they were read at,
     * or else read after the revisions (a change made between the two reads is in the parts read and draws a revision
     * of its own, so nothing kept can be older than its revision says).
     */
    private List<Read> partsNow(List<String> agencies, int year) {
        Map<String, Long> now = ReadBatch.now(jdbc, batch -> revisions.of(batch, agencies));
        Map<String, Read> found = new HashMap<>();
        List<String> stale = new ArrayList<>();
        for (String agency : agencies) {
            Read kept = this.kept.at(agency, year, now.getOrDefault(agency, 0L));
            if (kept == null) {
                stale.add(agency);
            } else {
                found.put(agency, kept);
            }
        }
        if (!stale.isEmpty()) {
            ReadBatch batch = new ReadBatch();
            Supplier<Map<String, ReportFigures.Parts>> parts = figures.partsByAgency(batch, stale, year);
            Supplier<Map<String, List<Contributions.Published>>> published = contributions.publishedByAgency(batch, stale, year);
            batch.run(jdbc);
            partsRead.addAndGet(stale.size());
            for (String agency : stale) {
                Read read = new Read(parts.get().get(agency), published.get().getOrDefault(agency, List.of()));
                kept.keep(agency, year, now.getOrDefault(agency, 0L), read);
                found.put(agency, read);
            }
        }
        return agencies.stream().map(found::get).toList();
    }

    /**
     * One figure of the roll-up and each agency's part of it, each with the address of the agency's own
     * sources of that figure (its cases, documents, tallies…).
     */
    public Map<String, Object> drillDown(String root, int year, ReportTable table, String rowKey, String columnKey,
                                         Instant asOf) {
        RollUp rollUp = members(root, year, asOf);
        List<Map<String, Object>> parts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Member member : rollUp.agencies()) {
            BigDecimal figure = figure(figures.of(member.agencyId(), year, asOf), table, rowKey, columnKey);
            total = total.add(figure);
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("agencyId", member.agencyId());
            part.put("name", member.name());
            part.put("figure", figure);
            part.put("href", member.href() + "/cells/" + rowKey + "/" + columnKey + (asOf == null ? "" : "?asOf=" + asOf));
            parts.add(part);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scope", "subtree");
        answer.put("label", rollUp.label());
        answer.put("figure", total);
        answer.put("agencies", parts);
        return answer;
    }

    /** A figure of one report's tables as a number (0 where the table has none). */
    static BigDecimal figure(Figures figures, ReportTable table, String rowKey, String columnKey) {
        Object rows = figures.tables().get(table.key());
        Object value = rows instanceof Map<?, ?> byRow && byRow.get(rowKey) instanceof Map<?, ?> row ? row.get(columnKey)
                                                                                                      : null;
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof String text) {
            return new BigDecimal(text);
        }
        return BigDecimal.ZERO;
    }
}
