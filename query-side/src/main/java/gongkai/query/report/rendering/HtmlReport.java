package gongkai.query.report.rendering;

import gongkai.query.counting.Check;
import gongkai.query.report.rendering.FormTable.Cell;
import gongkai.query.report.rendering.FormTable.Role;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained, printable HTML page (UTF-8, no outside resources) in the order
 * of the national form: title, 一 to 六, the agency's name and the date. Every text is escaped: the
 * narrative is what a user typed.
 */
final class HtmlReport {

    private static final String STYLE = """
            @page { size: A4; margin: 20mm 18mm; }
            html { background: #fff; }
            body { margin: 0; color: #000; font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
                   font-size: 12pt; line-height: 1.7; }
            main { max-width: 180mm; margin: 0 auto; padding: 12mm 6mm; }
            h1 { font-size: 18pt; line-height: 1.4; text-align: center; margin: 0 0 1em; }
            h2 { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
                 font-size: 14pt; margin: 1.2em 0 .5em; }
            p { margin: 0 0 .3em; text-indent: 2em; }
            p.note, p.counting-rule, p.missing { text-indent: 0; font-size: 10pt; }
            p.draft-note, p.missing { color: #555; }
            table.form { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10pt; line-height: 1.35;
                         margin: .4em 0 .6em; }
            table.form th, table.form td { border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle;
                                           font-weight: normal; word-break: break-all; }
            table.form th.label { text-align: left; }
            table.form td.value { font-variant-numeric: tabular-nums; }
            table.form td.value.missing { background: #eee; }
            table.form td.value a { color: inherit; text-decoration: none; }
            .checks-failed { border: 2px solid #b00000; color: #b00000; padding: .4em 1em; margin: 1em 0; }
            .checks-failed p, .published p, .as-of { text-indent: 0; }
            .checks-failed ul, .checks ul { margin: .2em 0; padding-left: 1.5em; }
            .published, .as-of { border: 1px solid #888; padding: .4em 1em; margin: 1em 0; font-size: 10.5pt; }
            .signature { margin-top: 3em; text-align: right; }
            .signature p { text-indent: 0; margin: 0; }
            .checks { margin-top: 3em; font-size: 10pt; border-top: 1px solid #888; }
            .checks li.failed { color: #b00000; }
            @media print {
              main { max-width: none; padding: 0; }
              h2 { break-after: avoid; }
              tr { break-inside: avoid; }
              table.form td.value.missing { background: none; }
              .checks { break-before: page; }
            }
            """;

    private HtmlReport() {
    }

    static byte[] render(ReportView report, LocalDate today) {
        StringBuilder html = new StringBuilder(64 * 1024);
        String title = ReportForm.title(report);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(escape(title)).append("</title>\n")
            .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main class=\"report\">\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n");
        html.append("<p class=\"basis\">").append(escape(ReportForm.basis(report))).append("</p>\n");
        String asOf = ReportForm.asOfNote(report);
        if (asOf != null) {
            html.append("<p class=\"as-of\">").append(escape(asOf)).append("</p>\n");
        }
        String rollUp = ReportForm.rollUpNote(report);
        if (rollUp != null) {
            html.append("<p class=\"roll-up\">").append(escape(rollUp)).append("</p>\n");
        }
        published(html, report.published());
        failedChecks(html, report.failedChecks());

        List<FormTable> tables = ReportForm.tables(report);
        section(html, "overview", ReportForm.OVERVIEW);
        String overview = report.narrative("overview");
        if (overview == null && report.overviewDraft() != null) {
            html.append("<p class=\"draft-note\">").append(escape(ReportForm.DRAFT_NOTE)).append("</p>\n");
            overview = report.overviewDraft();
        }
        paragraphs(html, overview);
        html.append("</section>\n");

        for (FormTable table : tables) {
            section(html, id(table.key()), table.heading());
            table(html, table, report);
            if (table.key().equals("reviewsAndLawsuits")) {
                html.append("<p class=\"counting-rule\">").append(escape(ReportForm.REVIEWS_COUNTING_RULE)).append("</p>\n");
            }
            html.append("</section>\n");
        }

        section(html, "problems", ReportForm.PROBLEMS);
        paragraphs(html, report.narrative("problems"));
        html.append("</section>\n");
        section(html, "other", ReportForm.OTHER);
        paragraphs(html, report.narrative("other"));
        html.append("</section>\n");

        html.append("<footer class=\"signature\">\n<p class=\"agency\">").append(escape(report.agencyName()))
            .append("</p>\n<p class=\"date\">").append(escape(ReportForm.day(report.date(today)))).append("</p>\n</footer>\n");
        allChecks(html, report.checks());
        html.append("</main>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void section(StringBuilder html, String id, String heading) {
        html.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(heading)).append("</h2>\n");
    }

    private static void table(StringBuilder html, FormTable table, ReportView report) {
        if (!table.present()) {
            html.append("<p class=\"missing\">").append(escape(ReportForm.TABLE_MISSING)).append("</p>\n");
        }
        html.append("<table class=\"form\" id=\"table-").append(id(table.key())).append("\">\n<colgroup>");
        int sum = 0;
        for (int width : table.widths()) {
            sum += width;
        }
        for (int width : table.widths()) {
            html.append("<col style=\"width:").append(String.format(java.util.Locale.ROOT, "%.2f", 100.0 * width / sum))
                .append("%\">");
        }
        html.append("</colgroup>\n");
        List<List<Cell>> rows = table.rows();
        for (int r = 0; r < rows.size(); r++) {
            if (r == 0 && table.headRows() > 0) {
                html.append("<thead>\n");
            }
            if (r == table.headRows()) {
                html.append(r == 0 ? "<tbody>\n" : "</thead>\n<tbody>\n");
            }
            html.append("<tr>");
            for (Cell cell : rows.get(r)) {
                cell(html, cell, report);
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void cell(StringBuilder html, Cell cell, ReportView report) {
        String spans = (cell.rowspan() > 1 ? " rowspan=\"" + cell.rowspan() + "\"" : "")
                       + (cell.colspan() > 1 ? " colspan=\"" + cell.colspan() + "\"" : "");
        if (cell.role() == Role.VALUE) {
            FormTable.Figure figure = cell.figure();
            html.append("<td class=\"value").append(cell.text().isEmpty() ? " missing" : "").append("\"").append(spans)
                .append(" data-table=\"").append(escape(figure.table())).append("\" data-row=\"").append(escape(figure.rowKey()))
                .append("\" data-column=\"").append(escape(figure.columnKey())).append("\" title=\"")
                .append(escape(figure.label())).append("\">");
            if (figure.table().equals("applications") && !cell.text().isEmpty()) {
                // Every cell of table 三 leads to the cases counted in it (docs/http-api.md, "The annual report": the
                // cells).
                html.append("<a href=\"").append(escape(cellHref(report, figure))).append("\">")
                    .append(escape(cell.text())).append("</a>");
            } else {
                html.append(escape(cell.text()));
            }
            html.append("</td>");
        } else {
            html.append("<th").append(cell.role() == Role.LABEL ? " class=\"label\" scope=\"row\"" : " scope=\"col\"")
                .append(spans).append(">").append(escape(cell.text())).append("</th>");
        }
    }

    private static String cellHref(ReportView report, FormTable.Figure figure) {
        String href = "/api/agencies/" + path(report.agencyId()) + "/reports/" + report.year() + "/cells/"
                      + path(figure.rowKey()) + "/" + path(figure.columnKey());
        return report.asOf() == null ? href : href + "?asOf=" + URLEncoder.encode(report.asOf().toString(), StandardCharsets.UTF_8);
    }

    private static void paragraphs(StringBuilder html, String text) {
        if (text == null) {
            html.append("<p class=\"missing\">").append(escape(ReportForm.NOT_WRITTEN)).append("</p>\n");
            return;
        }
        for (String paragraph : Paragraphs.of(text)) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
    }

    private static void published(StringBuilder html, JsonNode published) {
        if (published == null) {
            return;
        }
        html.append("<div class=\"published\">\n<p><strong>本报告已发布（数据已冻结）。</strong></p>\n<ul>\n");
        Iterator<Map.Entry<String, JsonNode>> fields = published.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            html.append("<li>").append(escape(field.getKey())).append("：")
                .append(escape(value.isValueNode() ? value.asText() : value.toString())).append("</li>\n");
        }
        html.append("</ul>\n</div>\n");
    }

    private static void failedChecks(StringBuilder html, List<Check> failed) {
        if (failed.isEmpty()) {
            return;
        }
        html.append("<div class=\"checks-failed\" role=\"alert\">\n<p><strong>本报告未通过以下勾稽关系校验：</strong></p>\n<ul>\n");
        for (Check check : failed) {
            html.append("<li><span class=\"check-name\">").append(escape(check.name())).append("</span>")
                .append(check.detail() == null ? "" : "：" + escape(check.detail())).append("</li>\n");
        }
        html.append("</ul>\n</div>\n");
    }

    private static void allChecks(StringBuilder html, List<Check> checks) {
        if (checks.isEmpty()) {
            return;
        }
        html.append("<section class=\"checks\">\n<p class=\"note\">附：勾稽关系校验（系统生成，不属于报告正文）</p>\n<ul>\n");
        for (Check check : checks) {
            html.append("<li class=\"").append(check.passed() ? "passed" : "failed").append("\">")
                .append(check.passed() ? "✓ 通过" : "✗ 未通过").append("　<span class=\"check-name\">")
                .append(escape(check.name())).append("</span>")
                .append(check.detail() == null ? "" : "：" + escape(check.detail())).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static String id(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Escapes text for HTML content and double- or single-quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
