package gongkai.query.report.rendering;

import gongkai.query.counting.Check;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The annual report as its JSON says it (docs/http-api.md, "The annual report"), read for rendering. It is built from
 * the very tree the JSON endpoint would write, so every number a rendering shows is the JSON's. Parts the
 * report does not (yet) carry read as absent: {@link #figure} answers {@code null}, and the
 * renderings show an empty cell rather than a number nobody computed.
 */
public final class ReportView {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JsonNode root;
    private final Instant asOf;

    private ReportView(JsonNode root, Instant asOf) {
        this.root = root;
        this.asOf = asOf;
    }

    /** The report as {@code AnnualReports} returns it, turned into JSON by the application's own mapper. */
    public static ReportView of(Map<String, Object> report, ObjectMapper json) {
        Object asOf = report.get("asOf");
        JsonNode root = json.valueToTree(report);
        Instant instant = asOf instanceof Instant i ? i
                          : asOf instanceof OffsetDateTime o ? o.toInstant()
                          : instant(root.get("asOf"));
        return new ReportView(root, instant);
    }

    /** The report as JSON (for example as a client fetched it). */
    public static ReportView of(JsonNode report) {
        return new ReportView(report, instant(report.get("asOf")));
    }

    public String agencyId() {
        return text(root.get("agencyId"));
    }

    /** The agency's name when the report carries it, else its id. */
    public String agencyName() {
        String name = text(root.get("name"));
        if (name == null || name.isBlank()) {
            name = text(root.get("agencyName"));
        }
        return name == null || name.isBlank() ? agencyId() : name;
    }

    public int year() {
        return root.path("year").asInt();
    }

    /** The instant the report was computed as of, or {@code null} for the report now. */
    public Instant asOf() {
        return asOf;
    }

    /** Whether the report carries the table {@code proactive}, {@code applications} or {@code reviewsAndLawsuits}. */
    public boolean hasTable(String table) {
        JsonNode node = root.get(table);
        return node != null && node.isObject();
    }

    /**
     * One figure of a table as the JSON writes it ({@code "274"}, {@code "0.0000"}), or {@code null}
     * when the report does not carry it.
     */
    public String figure(String table, String rowKey, String columnKey) {
        JsonNode node = root.path(table).path(rowKey).get(columnKey);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().toPlainString();
        }
        return node.isValueNode() ? node.asText() : null;
    }

    public List<Check> checks() {
        JsonNode checks = root.get("checks");
        if (checks == null || !checks.isArray()) {
            return List.of();
        }
        List<Check> all = new ArrayList<>();
        checks.forEach(check -> all.add(new Check(text(check.get("name")), check.path("passed").asBoolean(false),
                                                  text(check.get("detail")))));
        return Collections.unmodifiableList(all);
    }

    public List<Check> failedChecks() {
        return checks().stream().filter(check -> !check.passed()).toList();
    }

    /** Section 一 ({@code overview}), 五 ({@code problems}) or 六 ({@code other}) as the agency wrote it, or {@code null}. */
    public String narrative(String part) {
        String text = text(root.path("narrative").get(part));
        return text == null || text.isBlank() ? null : text;
    }

    /** The draft of section 一 the system writes from the year's figures, or {@code null}. */
    public String overviewDraft() {
        String text = text(root.get("overviewDraft"));
        return text == null || text.isBlank() ? null : text;
    }

    /** The publication (freezing) of the report, or {@code null} while it is not published. */
    public JsonNode published() {
        JsonNode published = root.get("published");
        return published == null || published.isNull() || published.isMissingNode() ? null : published;
    }

    /**
     * The date printed under the agency's name: the day of publication when the report is published,
     * else the day of {@code asOf}, else today (all in Asia/Shanghai).
     */
    public LocalDate date(LocalDate today) {
        JsonNode published = published();
        if (published != null) {
            for (String field : List.of("publishedOn", "date")) {
                LocalDate day = localDate(published.get(field));
                if (day != null) {
                    return day;
                }
            }
            for (String field : List.of("publishedAt", "at", "recordedAt")) {
                Instant at = instant(published.get(field));
                if (at != null) {
                    return at.atZone(SHANGHAI).toLocalDate();
                }
            }
        }
        return asOf != null ? asOf.atZone(SHANGHAI).toLocalDate() : today;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : printable(node.asText());
    }

    /** Without the control characters no XML document (.xlsx, .docx) may hold; tabs and line breaks stay. */
    static String printable(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(ReportView::allowedInXml).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowedInXml(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && !(c >= 0xD800 && c <= 0xDFFF)
               && c != 0xFFFE && c != 0xFFFF;
    }

    private static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(node.asText());
            } catch (DateTimeParseException notInstant) {
                return null;
            }
        }
    }

    private static LocalDate localDate(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
