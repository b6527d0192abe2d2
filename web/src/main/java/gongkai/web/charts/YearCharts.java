package gongkai.web.charts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.web.sides.Sides;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The year in charts (Apache ECharts, served by gongkai from its webjar), one home for the clerk's dashboard
 * and the report pages: received and answered per month, the outcomes in the form's groups, timeliness,
 * open cases by age ({@code GET /api/agencies/{a}/reports/{y}/charts}), and the agencies the reader may see
 * side by side ({@code GET /api/reports/{y}/charts/agencies}). Each chart's numbers are in the page twice:
 * in its {@code data-chart} attribute, which {@code /js/charts.js} draws, and in a table behind a toggle
 * (the fragment {@code fragments/charts :: boxes}).
 */
@Component
public class YearCharts {

    /** One chart: its id, title, kind (bar, line, pie) and its labelled numbers. */
    public record Chart(String id, String title, String kind, List<String> labels, List<Long> values, String json) {
    }

    /** An agency the reader may see, with its year's figures. */
    public record Agency(String agencyId, String name, long received) {
    }

    private final Sides sides;
    private final ObjectMapper json;

    public YearCharts(Sides sides, ObjectMapper json) {
        this.sides = sides;
        this.json = json;
    }

    /** One agency's year: received and answered per month, outcomes, timeliness, open cases by age. */
    public List<Chart> of(String agencyId, int year) {
        JsonNode charts = sides.read("/api/agencies/{a}/reports/{y}/charts", agencyId, year);
        JsonNode t = charts.get("timeliness");
        List<Chart> shown = new ArrayList<>();
        shown.add(chart("received", "每月收到申请", "bar", charts.get("receivedPerMonth")));
        shown.add(chart("concluded", "每月办结申请", "bar", charts.get("concludedPerMonth")));
        shown.add(chart("outcomes", "本年度办理结果", "pie", charts.get("outcomes")));
        shown.add(chart("timeliness", "答复及时情况", "bar", List.of(
                point("answeredOnTime", "按期答复", t.path("answeredOnTime").asLong()),
                point("answeredLate", "逾期答复", t.path("answeredLate").asLong()),
                point("answeredWithoutDueDate", "无答复期限", t.path("answeredWithoutDueDate").asLong()),
                point("withdrawn", "撤回", t.path("withdrawn").asLong()),
                point("workingDaysPaused", "暂停工作日合计", t.path("workingDaysPaused").asLong()))));
        shown.add(chart("openByAge", "截至 " + charts.path("openAsOf").asText() + " 未办结申请的时长", "bar",
                        charts.get("openByAge")));
        return shown;
    }

    /** Every agency the reader may see, in the order the query side gives them. */
    public List<Agency> agencies(int year) {
        List<Agency> agencies = new ArrayList<>();
        for (JsonNode a : sides.read("/api/reports/{y}/charts/agencies", year).get("agencies")) {
            String id = a.get("agencyId").asText();
            agencies.add(new Agency(id, a.path("name").asText(id), a.path("received").asLong()));
        }
        return agencies;
    }

    /** The agencies' received applications side by side. */
    public Chart byAgency(List<Agency> agencies) {
        List<JsonNode> points = new ArrayList<>();
        agencies.forEach(a -> points.add(point(a.agencyId(), a.name(), a.received())));
        return chart("agencies", "各机关本年收到申请", "bar", points);
    }

    private JsonNode point(String key, String label, long value) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("key", key);
        point.put("label", label);
        point.put("value", value);
        return json.valueToTree(point);
    }

    private Chart chart(String id, String title, String kind, Iterable<JsonNode> points) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (JsonNode p : points) {
            keys.add(p.get("key").asText());
            labels.add(p.get("label").asText());
            values.add(p.get("value").asLong());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", kind);
        data.put("title", title);
        data.put("keys", keys);
        data.put("labels", labels);
        data.put("values", values);
        try {
            return new Chart(id, title, kind, labels, values, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
