package gongkai.query.report.rendering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.query.counting.Check;
import gongkai.query.report.AnnualReport;
import gongkai.query.report.publication.PublishedReport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The annual report ({@link AnnualReport}, the very record the JSON answer writes, docs/http-api.md, "The
 * annual report") read for rendering, so every number a rendering shows is the JSON's. Parts the report
 * does not carry read as absent:
 * {@link #figure} answers {@code null}, and the renderings show an empty cell rather than a number
 * nobody computed. Texts come without the control characters no XML document may hold.
 */
public final class ReportView {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AnnualReport report;
    private final JsonNode published;

    private ReportView(AnnualReport report, JsonNode published) {
        this.report = report;
        this.published = published;
    }

    /**
     * @param json the application's own mapper: the publication is shown field by field as the JSON
     *             answer writes it
     */
    public static ReportView of(AnnualReport report, ObjectMapper json) {
        return new ReportView(report, report.published() == null ? null : json.valueToTree(report.published()));
    }

    public String agencyId() {
        return printable(report.agencyId());
    }

    /** The agency's name, or its id when it has none. */
    public String agencyName() {
        String name = printable(report.name());
        return name == null || name.isBlank() ? agencyId() : name;
    }

    /** For a roll-up (docs/agencies.md): its label, 汇总; {@code null} for an agency's own report. */
    public String rollUpLabel() {
        return report.rollUp() == null ? null : report.rollUp().label();
    }

    /** For a roll-up: the agencies summed, as (id, name); empty for an agency's own report. */
    public List<Map.Entry<String, String>> rollUpAgencies() {
        if (report.rollUp() == null) {
            return List.of();
        }
        return report.rollUp().agencies().stream()
                     .map(m -> Map.entry(printable(m.agencyId()), m.name() == null ? printable(m.agencyId())
                                                                                  : printable(m.name())))
                     .toList();
    }

    public int year() {
        return report.year();
    }

    /** The instant the report was computed as of, or {@code null} for the report now. */
    public Instant asOf() {
        return report.asOf();
    }

    /** Whether the report carries the table {@code proactive}, {@code applications} or {@code reviewsAndLawsuits}. */
    public boolean hasTable(String table) {
        return rows(table) != null;
    }

    /**
     * One figure of a table as the JSON writes it ({@code "274"}, {@code "0.0000"}), or {@code null}
     * when the report does not carry it.
     */
    public String figure(String table, String rowKey, String columnKey) {
        Map<String, ? extends Map<String, ?>> rows = rows(table);
        Map<String, ?> row = rows == null ? null : rows.get(rowKey);
        Object value = row == null ? null : row.get(columnKey);
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value instanceof Number || value instanceof String ? value.toString() : null;
    }

    private Map<String, ? extends Map<String, ?>> rows(String table) {
        return switch (table) {
            case "proactive" -> report.proactive();
            case "applications" -> report.applications();
            case "reviewsAndLawsuits" -> report.reviewsAndLawsuits();
            default -> null;
        };
    }

    public List<Check> checks() {
        if (report.checks() == null) {
            return List.of();
        }
        return Collections.unmodifiableList(report.checks().stream()
                .map(check -> new Check(printable(check.name()), check.passed(), printable(check.detail()))).toList());
    }

    public List<Check> failedChecks() {
        return checks().stream().filter(check -> !check.passed()).toList();
    }

    /** Section 一 ({@code overview}), 五 ({@code problems}) or 六 ({@code other}) as the agency wrote it, or {@code null}. */
    public String narrative(String part) {
        AnnualReport.Narrative narrative = report.narrative();
        if (narrative == null) {
            return null;
        }
        String text = printable(switch (part) {
            case "overview" -> narrative.overview();
            case "problems" -> narrative.problems();
            case "other" -> narrative.other();
            default -> throw new IllegalArgumentException("no section " + part);
        });
        return text == null || text.isBlank() ? null : text;
    }

    /** The draft of section 一 the system writes from the year's figures, or {@code null}. */
    public String overviewDraft() {
        String text = printable(report.overviewDraft());
        return text == null || text.isBlank() ? null : text;
    }

    /** The publication (freezing) of the report as the JSON answer writes it, or {@code null} while it is not published. */
    public JsonNode published() {
        return published;
    }

    /**
     * The date printed under the agency's name: the day of publication when the report is published,
     * else the day of {@code asOf}, else today (all in Asia/Shanghai).
     */
    public LocalDate date(LocalDate today) {
        PublishedReport publication = report.published();
        if (publication != null && publication.publishedOn() != null) {
            return publication.publishedOn();
        }
        return asOf() != null ? asOf().atZone(SHANGHAI).toLocalDate() : today;
    }

    /** Without the control characters no XML document (.xlsx, .docx) may hold; tabs and line breaks stay. */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
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
}
