package gongkai.web.report;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.web.sides.Sides;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tables 二, 三 and 四 of a report in the national form's layout (国办公开办函〔2021〕30号: its merged headers,
 * rowspan and colspan as the form has them), drawn by the fragment {@code official :: tables} for the
 * auditor's and the clerk's report pages. The layout is the query side's, the one its renderings use
 * ({@code GET /api/reports/form}); the figures are the report's JSON the page reads anyway. Every figure
 * is a link to the page that lists what is behind it.
 */
@Component
public class OfficialTables {

    /** The form changes with a new release of the query side at most: read again now and then, not per page. */
    private static final Duration KEPT = Duration.ofMinutes(10);

    private static final Map<String, String> NUMBERS = Map.of("proactive", "二", "applications", "三",
                                                              "reviewsAndLawsuits", "四");

    /** One table: its number (二, 三, 四), heading, header rows, and rows of cells. */
    public record Table(String key, String number, String heading, int headRows,
                        List<List<Cell>> rows) {

        public List<List<Cell>> head() {
            return rows.subList(0, headRows);
        }

        public List<List<Cell>> body() {
            return rows.subList(headRows, rows.size());
        }
    }

    /**
     * One cell as the form places it, ready to write (the page has a few hundred: each is worked out here once,
     * not by the template's expressions). A figure ({@code kind} {@code value}) has its row and column keys, the
     * report's number ({@code text}, empty when the report does not carry it) and the address of its drill-down
     * ({@code href}, none without a number); a header or a row's label only its text. A span of 1 is null (no
     * attribute).
     */
    public record Cell(String kind, String text, Integer rowspan, Integer colspan, String rowKey, String columnKey,
                       String label, String cell, String href) {

        public boolean figure() {
            return "value".equals(kind);
        }
    }

    private record Kept(JsonNode form, Instant readAt) {
    }

    private final Sides sides;
    private volatile Kept kept;

    public OfficialTables(Sides sides) {
        this.sides = sides;
    }

    /**
     * A row's label as the form words it ({@code 三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密}); an unknown key
     * as it is.
     */
    public String rowLabel(String rowKey) {
        return label(rowKey, null, "rowLabel");
    }

    /** A column's label in a row as the form words it ({@code 法人或其他组织 · 商业企业}); an unknown key as it is. */
    public String columnLabel(String rowKey, String columnKey) {
        return label(rowKey, columnKey, "columnLabel");
    }

    private String label(String rowKey, String columnKey, String which) {
        for (JsonNode table : form().get("tables")) {
            for (JsonNode row : table.get("rows")) {
                for (JsonNode cell : row) {
                    if (rowKey.equals(cell.path("rowKey").asText(null))
                        && (columnKey == null || columnKey.equals(cell.path("columnKey").asText(null)))) {
                        return cell.path(which).asText();
                    }
                }
            }
        }
        return columnKey == null ? rowKey : columnKey;
    }

    /**
     * The three tables filled with the report's figures (the JSON of {@code GET /api/agencies/{a}/reports/{y}}),
     * each figure linked to {@code /audit/reports/{a}/{y}/cells/{row}/{column}}, as of {@code asOf} when given.
     */
    public List<Table> of(JsonNode report, String agencyId, int year, String asOf) {
        String base = UriComponentsBuilder.fromPath("/audit/reports/{a}/{y}/cells/").buildAndExpand(agencyId, year)
                                          .encode().toUriString();
        String query = asOf == null ? "" : "?asOf=" + URLEncoder.encode(asOf, StandardCharsets.UTF_8);
        return linked(report, base, query);
    }

    /**
     * The three tables filled with a report's figures, each figure linked to {@code base + row + "/" + column + query}
     * ({@code base} encoded, ending with a slash; {@code query} empty or starting with {@code ?}).
     */
    public List<Table> linked(JsonNode report, String base, String query) {
        List<Table> tables = new ArrayList<>();
        for (JsonNode table : form().get("tables")) {
            String key = table.get("key").asText();
            JsonNode figures = report.path(key);
            List<List<Cell>> rows = new ArrayList<>();
            for (JsonNode row : table.get("rows")) {
                List<Cell> cells = new ArrayList<>();
                for (JsonNode cell : row) {
                    String role = cell.get("role").asText();
                    Integer rowspan = span(cell.get("rowspan"));
                    Integer colspan = span(cell.get("colspan"));
                    if ("VALUE".equals(role)) {
                        String rowKey = cell.get("rowKey").asText();
                        String columnKey = cell.get("columnKey").asText();
                        JsonNode figure = figures.path(rowKey).path(columnKey);
                        String text = figure.isValueNode() && !figure.isNull() ? figure.asText() : "";
                        String href = text.isEmpty() ? null : base + segment(rowKey) + "/" + segment(columnKey) + query;
                        cells.add(new Cell("value", text, rowspan, colspan, rowKey, columnKey, cell.path("label").asText(),
                                           rowKey + "/" + columnKey, href));
                    } else {
                        cells.add(new Cell("LABEL".equals(role) ? "label" : "header", cell.path("text").asText(), rowspan,
                                           colspan, null, null, null, null, null));
                    }
                }
                rows.add(cells);
            }
            tables.add(new Table(key, NUMBERS.getOrDefault(key, key), table.get("heading").asText(),
                                 table.get("headRows").asInt(), rows));
        }
        return tables;
    }

    private static Integer span(JsonNode span) {
        return span == null || span.asInt() <= 1 ? null : span.asInt();
    }

    private static String segment(String key) {
        return UriUtils.encodePathSegment(key, StandardCharsets.UTF_8);
    }

    private JsonNode form() {
        Kept now = kept;
        if (now == null || now.readAt().plus(KEPT).isBefore(Instant.now())) {
            now = new Kept(sides.read("/api/reports/form"), Instant.now());
            kept = now;
        }
        return now.form();
    }
}
