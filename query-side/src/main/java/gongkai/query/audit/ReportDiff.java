package gongkai.query.audit;

import gongkai.events.store.StoredEventFormat;
import gongkai.query.cells.Contributions.Change;
import gongkai.query.counting.ReportTable;
import gongkai.query.report.FigureSources;
import gongkai.query.report.RecordedEvents;
import gongkai.query.report.ReportFigures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an agency's report of a year changed between two recorded instants, figure by figure in tables
 * 二, 三 and 四, with the events that account for each change: a source (an application, a document,
 * a tally, a review…) enters a figure through the event that opened one of its rows and leaves it
 * through the event that closed it. An event whose rows opened and closed within the figure between
 * the two instants changed nothing there and is left out.
 */
@Service
public class ReportDiff {

    /**
     * An event that changed a figure by {@code effect} (+1/−1 for a count, the amount for a sum), through
     * one source of the figure ({@code sourceKind} {@code APPLICATION}, {@code DOCUMENT}, {@code REVIEW}…).
     */
    public record Cause(String eventId, Long globalIndex, String type, Instant recordedAt, String actor, String caseId,
                        String sourceKind, String sourceId, BigDecimal effect) {
    }

    public record FigureChange(String table, String rowKey, String columnKey, JsonNode from, JsonNode to,
                               BigDecimal difference, List<Cause> events) {
    }

    /** An event that accounts for changes, once, with what it says. */
    public record Event(String eventId, Long globalIndex, String type, Instant recordedAt, String actor, String caseId,
                        String summary) {
    }

    public record Diff(String agencyId, int year, Instant from, Instant to, List<FigureChange> changes,
                       List<Event> events) {
    }

    private static final ObjectMapper JSON = StoredEventFormat.objectMapper();

    private final ReportFigures figures;
    private final FigureSources sources;
    private final RecordedEvents recorded;
    private final JdbcTemplate jdbc;

    public ReportDiff(ReportFigures figures, FigureSources sources, RecordedEvents recorded, JdbcTemplate jdbc) {
        this.figures = figures;
        this.sources = sources;
        this.recorded = recorded;
        this.jdbc = jdbc;
    }

    public Diff between(String agencyId, int year, Instant from, Instant to) {
        JsonNode before = JSON.valueToTree(figures.of(agencyId, year, from).tables());
        JsonNode after = JSON.valueToTree(figures.of(agencyId, year, to).tables());
        List<FigureChange> changes = new ArrayList<>();
        Set<String> accounting = new LinkedHashSet<>();
        for (ReportTable table : ReportTable.values()) {
            JsonNode rows = after.path(table.key());
            rows.fieldNames().forEachRemaining(row -> rows.path(row).fieldNames().forEachRemaining(column -> {
                JsonNode was = before.path(table.key()).path(row).path(column);
                JsonNode is = rows.path(row).path(column);
                if (!was.equals(is)) {
                    List<Cause> causes = causes(table, agencyId, year, row, column, from, to);
                    causes.forEach(cause -> accounting.add(cause.eventId()));
                    changes.add(new FigureChange(table.key(), row, column, was, is, difference(was, is), causes));
                }
            }));
        }
        Map<String, Map<String, Object>> described = recorded.describe(accounting);
        List<Event> events = described.values().stream()
                .map(e -> new Event((String) e.get("eventId"), (Long) e.get("globalIndex"), (String) e.get("type"),
                                    (Instant) e.get("recordedAt"), (String) e.get("actor"), (String) e.get("caseId"),
                                    summary((Long) e.get("globalIndex"))))
                .sorted(Comparator.comparing(e -> e.globalIndex() == null ? Long.MAX_VALUE : e.globalIndex()))
                .toList();
        return new Diff(agencyId, year, from, to, changes, events);
    }

    /** The events behind one figure's change, each with its net effect on the figure. */
    private List<Cause> causes(ReportTable table, String agencyId, int year, String row, String column, Instant from,
                               Instant to) {
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        Map<String, Change> first = new LinkedHashMap<>();
        for (Change c : sources.changes(table, agencyId, year, row, column, from, to)) {
            String key = c.eventId() + " " + c.source().kind() + " " + c.source().id();
            net.merge(key, c.opened() ? c.value() : c.value().negate(), BigDecimal::add);
            first.putIfAbsent(key, c);
        }
        net.values().removeIf(value -> value.signum() == 0);
        Map<String, Map<String, Object>> described = recorded.describe(
                net.keySet().stream().map(key -> first.get(key).eventId()).distinct().toList());
        List<Cause> causes = new ArrayList<>();
        net.forEach((key, effect) -> {
            Change c = first.get(key);
            Map<String, Object> e = described.getOrDefault(c.eventId(), Map.of());
            causes.add(new Cause(c.eventId(), (Long) e.get("globalIndex"), (String) e.get("type"), c.recordedAt(),
                                 (String) e.get("actor"), (String) e.get("caseId"), c.source().kind(), c.source().id(),
                                 new BigDecimal(effect.stripTrailingZeros().toPlainString())));
        });
        causes.sort(Comparator.comparing(c -> c.globalIndex() == null ? Long.MAX_VALUE : c.globalIndex()));
        return causes;
    }

    private static BigDecimal difference(JsonNode was, JsonNode is) {
        BigDecimal from = number(was);
        BigDecimal to = number(is);
        return from == null || to == null ? null : to.subtract(from);
    }

    private static BigDecimal number(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String summary(Long globalIndex) {
        if (globalIndex == null) {
            return null;
        }
        List<String> summaries = jdbc.queryForList("select summary from audit_event where global_index = ?",
                                                   String.class, globalIndex);
        return summaries.isEmpty() ? null : summaries.get(0);
    }
}
