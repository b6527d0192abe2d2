package gongkai.query.report.rendering;

import gongkai.query.report.rendering.FormTable.Cell;
import gongkai.query.report.rendering.FormTable.Figure;

import java.nio.charset.StandardCharsets;

/**
 * Every cell of tables 二, 三 and 四, one line each: {@code table,rowKey,columnKey,label,value}
 * (keys of docs/annual-report.md; the label is the row's path and the column's path on the form,
 * {@code 行政复议 / 结果维持}; the value as the JSON writes it, empty when the report does not carry
 * it). RFC 4180: CRLF line ends, fields quoted where needed. UTF-8 with a byte-order mark, so that
 * Excel reads the Chinese labels.
 */
final class CsvReport {

    static final String HEADER = "table,rowKey,columnKey,label,value";
    static final String BOM = "\uFEFF";

    private CsvReport() {
    }

    static byte[] render(ReportView report) {
        StringBuilder csv = new StringBuilder(BOM).append(HEADER).append("\r\n");
        for (FormTable table : ReportForm.tables(report)) {
            for (Cell cell : table.figures()) {
                Figure figure = cell.figure();
                csv.append(field(figure.table())).append(',').append(field(figure.rowKey())).append(',')
                   .append(field(figure.columnKey())).append(',').append(field(figure.label())).append(',')
                   .append(field(cell.text())).append("\r\n");
            }
        }
        // a roll-up: one line per agency summed, table "rollUp", the label as the value
        for (java.util.Map.Entry<String, String> agency : report.rollUpAgencies()) {
            csv.append("rollUp,AGENCY,").append(field(agency.getKey())).append(',').append(field(agency.getValue()))
               .append(',').append(field(report.rollUpLabel())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
