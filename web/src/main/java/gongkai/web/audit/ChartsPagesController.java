package gongkai.web.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.web.sides.Sides;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The year in charts (Apache ECharts, served by gongkai from its webjar): received and answered per
 * month, the outcomes in the form's groups, timeliness, open cases by age, and every agency the reader
 * may see side by side. Each chart's numbers are in the page twice: in the chart's {@code data-chart}
 * attribute, which {@code /js/charts.js} draws, and in a table behind a toggle.
 */
@Controller
public class ChartsPagesController {

    /** One chart: its id, title, kind (bar, line, pie) and its labelled numbers. */
    public record Chart(String id, String title, String kind, List<String> labels, List<Long> values, String json) {
    }

    private final Sides sides;
    private final ObjectMapper json;

    public ChartsPagesController(Sides sides, ObjectMapper json) {
        this.sides = sides;
        this.json = json;
    }

    @GetMapping("/audit/reports/{agencyId}/{year}/charts")
    public String charts(@PathVariable String agencyId, @PathVariable int year, Model model) {
        JsonNode charts = sides.read("/api/agencies/{a}/reports/{y}/charts", agencyId, year);
        JsonNode agencies = sides.read("/api/reports/{y}/charts/agencies", year);
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
        List<JsonNode> byAgency = new ArrayList<>();
        agencies.get("agencies").forEach(a -> byAgency.add(point(a.get("agencyId").asText(), a.path("name").asText(
                a.get("agencyId").asText()), a.get("received").asLong())));
        shown.add(chart("agencies", "各机关本年收到申请", "bar", byAgency));
        model.addAttribute("agencyId", agencyId);
        model.addAttribute("year", year);
        model.addAttribute("charts", shown);
        return "audit/charts";
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
