package gongkai.query.report.publication;

import gongkai.events.report.ReportPublished;
import gongkai.events.store.StoredEventFormat;
import gongkai.query.cells.Contributions.Change;
import gongkai.query.chain.EventChain;
import gongkai.query.counting.ProactiveCounting;
import gongkai.query.counting.ReportTable;
import gongkai.query.projections.ProjectionPositions;
import gongkai.query.projections.ReadModels;
import gongkai.query.reads.ReadBatch;
import gongkai.query.report.FigureSources;
import gongkai.query.report.RecordedEvents;
import gongkai.query.report.ReportFigures.Figures;
import gongkai.query.report.ReportFigures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The publications of reports (table {@code report_publication}, V6_2) and what a report shows of them.
 * <p>
 * <b>What is frozen.</b> A publication freezes the report's figures (tables 二, 三, 四) as the system knew
 * them at the instant the ReportPublished event was recorded: the as-of report of that instant. The
 * read models keep every row with the instants it was valid from and to, so that as-of report can be
 * computed at any later time and is always the same.
 * <p>
 * <b>When it is frozen.</b> The figures come from other projections, which run in their own processors
 * and may not yet have reached the publication when this one handles it. So the event is only
 * recorded when handled ({@link #record}); the figures are computed, written in their canonical form
 * and digested ({@link ReportDigest}) once every projection of the figures has processed every event
 * up to the publication's horizon ({@link ProjectionPositions}): the publication event itself, or any
 * later-stored event recorded at or before its instant. That is checked every second and whenever the
 * report is read ({@link #sealReady}). Once sealed, a row is never recomputed, and it survives a
 * replay of the projections; the report then shows whether the figures recomputed as of the
 * publication still give the digest ({@code verified}).
 * <p>
 * <b>Changes since.</b> Every figure whose present value differs from the frozen one is listed with both
 * values and the events that changed it: those that opened or closed one of its rows after the
 * publication instant.
 */
@Service
public class Publications {

    /** The processing groups whose read models the figures are computed from. */
    public static final List<String> FIGURE_PROJECTIONS = List.of(ReadModels.PROCESSING_GROUP);

    private static final Logger log = LoggerFactory.getLogger(Publications.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Publication(String eventId, String agencyId, int year, LocalDate publishedOn, Instant publishedAt,
                       long globalIndex, long horizonIndex, String figures, String digest, Instant sealedAt,
                       String chainHead) {
    }

    private static final RowMapper<Publication> PUBLICATION = (rs, i) -> new Publication(
            rs.getString("event_id"), rs.getString("agency_id"), rs.getInt("year"),
            rs.getDate("published_on").toLocalDate(), rs.getTimestamp("published_at").toInstant(),
            rs.getLong("global_index"), rs.getLong("horizon_index"), rs.getString("figures"), rs.getString("digest"),
            rs.getTimestamp("sealed_at") == null ? null : rs.getTimestamp("sealed_at").toInstant(),
            rs.getString("chain_head"));

    private final JdbcTemplate jdbc;
    private final ReportFigures figures;
    private final FigureSources sources;
    private final RecordedEvents events;
    private final ProjectionPositions positions;
    private final EventChain chain;

    public Publications(JdbcTemplate jdbc, ReportFigures figures, FigureSources sources, RecordedEvents events,
                        ProjectionPositions positions, EventChain chain) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.sources = sources;
        this.events = events;
        this.positions = positions;
        this.chain = chain;
    }

    /** Records a publication (once: a replay finds it recorded and keeps its seal). */
    public void record(ReportPublished e, Instant recordedAt, String eventId) {
        Long index = jdbc.queryForObject("select max(global_index) from " + StoredEventFormat.EVENT_TABLE
                                         + " where event_identifier = ?", Long.class, eventId);
        if (index == null) {
            log.warn("ReportPublished {} is not in the event store; not recorded", eventId);
            return;
        }
        // Events stored after the publication but recorded at or before its instant belong to the as-of report too.
        Long later = jdbc.queryForObject("select max(global_index) from " + StoredEventFormat.EVENT_TABLE
                                         + " where global_index > ? and time_stamp <= ?", Long.class,
                                         index, DateTimeUtils.formatInstant(recordedAt));
        long horizon = later == null ? index : Math.max(index, later);
        jdbc.update("insert into report_publication (event_id, agency_id, year, published_on, published_at, global_index, "
                    + "horizon_index) values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                    eventId, e.agencyId(), e.year(), Date.valueOf(e.publishedOn()), Timestamp.from(recordedAt), index,
                    horizon);
    }

    /** Seals every publication whose figures' projections have passed its horizon. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    public void sealReady() {
        try {
            for (Publication p : jdbc.query("select * from report_publication where sealed_at is null order by global_index",
                                            PUBLICATION)) {
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
                                                  figures.of(p.agencyId(), p.year(), p.publishedAt()).tables());
        jdbc.update("update report_publication set figures = ?, digest = ?, sealed_at = ?, chain_head = ? "
                    + "where event_id = ? and sealed_at is null",
                    canonical, ReportDigest.sha256(canonical), Timestamp.from(Instant.now()),
                    chainHeadAt(p.globalIndex()), p.eventId());
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

    /**
     * The {@code published} part of a report: null when the report was not published (as of
     * {@code asOf}); else its latest publication, its digest, whether the digest still verifies, the
     * figures changed since with the events that changed them, and the earlier publications.
     *
     * Its first read is made in the report's batch; the view is then built from it and {@code current},
     * the report's figures now (or as of {@code asOf}).
     */
    public Function<Figures, Map<String, Object>> view(ReadBatch batch, String agencyId, int year, Instant asOf) {
        Supplier<List<Publication>> publications = publicationsOf(batch, agencyId, year, asOf);
        return current -> view(agencyId, year, asOf, current, publications.get());
    }

    private Map<String, Object> view(String agencyId, int year, Instant asOf, Figures current, List<Publication> all) {
        if (all.isEmpty()) {
            return null;
        }
        Publication latest = all.get(all.size() - 1);
        if (latest.sealedAt() == null) {
            sealReady();
            all = ReadBatch.now(jdbc, batch -> publicationsOf(batch, agencyId, year, asOf));
            latest = all.get(all.size() - 1);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("publishedOn", latest.publishedOn());
        view.put("publishedAt", latest.publishedAt());
        view.put("eventId", latest.eventId());
        view.put("sealed", latest.sealedAt() != null);
        view.put("digest", latest.digest());
        view.put("digestForm", ReportDigest.FORM);
        view.put("figuresAsPublished", "/api/agencies/" + agencyId + "/reports/" + year + "?asOf=" + latest.publishedAt());
        view.put("chainHead", latest.chainHead());
        if (latest.sealedAt() != null) {
            String recomputed = ReportDigest.sha256(ReportDigest.canonical(
                    agencyId, year, figures.of(agencyId, year, latest.publishedAt()).tables()));
            view.put("verified", recomputed.equals(latest.digest()));
            view.put("changedFigures", changes(latest, current, asOf));
        } else {
            view.put("verified", null);
            view.put("changedFigures", null);
            view.put("sealing", "等待各投影处理到发布事件 (waiting for the projections to reach the publication)");
        }
        List<Map<String, Object>> earlier = new ArrayList<>();
        for (Publication p : all.subList(0, all.size() - 1)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("publishedOn", p.publishedOn());
            e.put("publishedAt", p.publishedAt());
            e.put("eventId", p.eventId());
            e.put("digest", p.digest());
            earlier.add(e);
        }
        view.put("earlierPublications", earlier);
        return view;
    }

    private List<Map<String, Object>> changes(Publication p, Figures current, Instant asOf) {
        JsonNode frozen;
        try {
            frozen = JSON.readTree(p.figures());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored figures are not JSON", e);
        }
        JsonNode now = JSON.valueToTree(current.tables());
        List<Map<String, Object>> changed = new ArrayList<>();
        for (ReportTable table : ReportTable.values()) {
            JsonNode rows = now.path(table.key());
            rows.fieldNames().forEachRemaining(row -> rows.path(row).fieldNames().forEachRemaining(column -> {
                JsonNode was = frozen.path(table.key()).path(row).path(column);
                JsonNode is = rows.path(row).path(column);
                if (!was.equals(is)) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("table", table.key());
                    c.put("rowKey", row);
                    c.put("columnKey", column);
                    c.put("publishedValue", was.isMissingNode() ? null : was);
                    c.put("currentValue", is);
                    c.put("events", eventsChanging(table, p, row, column, asOf));
                    changed.add(c);
                }
            }));
        }
        return changed;
    }

    /**
     * The events that changed a figure since the publication, each with its net effect on the figure: an
     * event that moved a source within the figure (closed one of its rows and opened another that counts
     * the same) changed nothing there and is left out.
     */
    private List<Map<String, Object>> eventsChanging(ReportTable table, Publication p, String row, String column,
                                                     Instant asOf) {
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        Map<String, Change> first = new LinkedHashMap<>();
        for (Change c : sources.changes(table, p.agencyId(), p.year(), row, column, p.publishedAt(), asOf)) {
            String key = c.eventId() + " " + c.source().kind() + " " + c.source().id();
            net.merge(key, c.opened() ? c.value() : c.value().negate(), BigDecimal::add);
            first.putIfAbsent(key, c);
        }
        net.values().removeIf(value -> value.signum() == 0);
        Map<String, Map<String, Object>> described = events.describe(
                net.keySet().stream().map(key -> first.get(key).eventId()).collect(Collectors.toCollection(LinkedHashSet::new)));
        List<Map<String, Object>> list = new ArrayList<>();
        net.forEach((key, value) -> {
            Change c = first.get(key);
            Map<String, Object> event = new LinkedHashMap<>(described.getOrDefault(c.eventId(), Map.of("eventId", c.eventId())));
            event.put("effect", value.signum() > 0 ? "counted" : "uncounted");
            event.put("source", Map.of("kind", c.source().kind(), "id", c.source().id()));
            if (column.equals(ProactiveCounting.AMOUNT)) {
                event.put("amountYuan", value.toPlainString());
            } else {
                event.put("value", value.intValueExact());
            }
            list.add(event);
        });
        list.sort(Comparator.comparing(e -> e.get("globalIndex") instanceof Long index ? index : Long.MAX_VALUE));
        return list;
    }

    private Supplier<List<Publication>> publicationsOf(ReadBatch batch, String agencyId, int year, Instant asOf) {
        return asOf == null
               ? batch.list("select * from report_publication where agency_id = ? and year = ? order by published_at, "
                            + "global_index", PUBLICATION, agencyId, year)
               : batch.list("select * from report_publication where agency_id = ? and year = ? and published_at <= ? "
                            + "order by published_at, global_index", PUBLICATION, agencyId, year, Timestamp.from(asOf));
    }
}
