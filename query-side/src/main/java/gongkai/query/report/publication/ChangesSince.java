package gongkai.query.report.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.query.cells.Contributions.Change;
import gongkai.query.counting.ProactiveCounting;
import gongkai.query.counting.ReportTable;
import gongkai.query.report.FigureSources;
import gongkai.query.report.RecordedEvents;
import gongkai.query.report.ReportFigures.Figures;
import gongkai.query.report.publication.PublicationRecords.Publication;
import gongkai.query.report.publication.PublishedReport.ChangedFigure;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The changes since a publication: every figure whose present value differs from the frozen one, with
 * both values and the events that changed it (those that opened or closed one of its rows after the
 * publication instant).
 */
@Service
public class ChangesSince {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FigureSources sources;
    private final RecordedEvents events;

    public ChangesSince(FigureSources sources, RecordedEvents events) {
        this.sources = sources;
        this.events = events;
    }

    List<ChangedFigure> changes(Publication p, Figures current, Instant asOf) {
        JsonNode frozen;
        try {
            frozen = JSON.readTree(p.figures());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored figures are not JSON", e);
        }
        JsonNode now = JSON.valueToTree(current.tables());
        List<ChangedFigure> changed = new ArrayList<>();
        for (ReportTable table : ReportTable.values()) {
            JsonNode rows = now.path(table.key());
            rows.fieldNames().forEachRemaining(row -> rows.path(row).fieldNames().forEachRemaining(column -> {
                JsonNode was = frozen.path(table.key()).path(row).path(column);
                JsonNode is = rows.path(row).path(column);
                if (!was.equals(is)) {
                    changed.add(new ChangedFigure(table.key(), row, column, was.isMissingNode() ? null : was, is,
                                                  eventsChanging(table, p, row, column, asOf)));
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
}
