package gongkai.query.report.rendering;

import gongkai.query.counting.Check;
import gongkai.query.report.rendering.FormTable.Placed;
import gongkai.query.report.rendering.FormTable.Role;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables 二, 三 and 四 as a workbook (XSSF), one sheet each, named by its section heading and laid out
 * as on the form with its merged header cells; the figures are numbers (fees with their four
 * decimals), an absent figure an empty cell. A last sheet lists the check relations.
 */
final class XlsxReport {

    /** Rows above each table: the report's title and the table's heading. */
    static final int FIRST_TABLE_ROW = 2;

    private XlsxReport() {
    }

    static byte[] render(ReportView report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            for (FormTable table : ReportForm.tables(report)) {
                sheet(workbook, styles, report, table);
            }
            checks(workbook, styles, report);
            rollUp(workbook, styles, report);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, Styles styles, ReportView report, FormTable table) {
        Sheet sheet = workbook.createSheet(table.heading());
        int columns = table.columns();
        title(sheet, styles.title, 0, ReportForm.title(report), columns);
        title(sheet, styles.heading, 1, table.heading(), columns);

        int total = 0;
        for (int width : table.widths()) {
            total += width;
        }
        // About 100 characters across, in Excel's units of 1/256 of a character.
        int[] characters = new int[columns];
        for (int c = 0; c < columns; c++) {
            characters[c] = Math.max(10, 100 * table.widths()[c] / total);
            sheet.setColumnWidth(c, characters[c] * 256);
        }

        Map<Integer, Row> rows = new HashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(FIRST_TABLE_ROW + r);
            rows.put(r, row);
            for (int c = 0; c < columns; c++) {
                row.createCell(c).setCellStyle(styles.header); // every position bordered, merged or not
            }
        }
        for (Placed placed : table.placed()) {
            FormTable.Cell cell = placed.cell();
            Cell target = rows.get(placed.row()).getCell(placed.column());
            CellStyle style = switch (cell.role()) {
                case HEADER -> styles.header;
                case LABEL -> styles.label;
                case VALUE -> styles.number(number(cell.text()));
            };
            for (int r = placed.row(); r <= placed.lastRow(); r++) {
                for (int c = placed.column(); c <= placed.lastColumn(); c++) {
                    rows.get(r).getCell(c).setCellStyle(style);
                }
            }
            if (cell.role() == Role.VALUE) {
                BigDecimal number = number(cell.text());
                if (number != null) {
                    target.setCellValue(number.doubleValue());
                } else if (!cell.text().isEmpty()) {
                    target.setCellValue(cell.text());
                }
            } else {
                target.setCellValue(cell.text());
            }
            if (cell.rowspan() > 1 || cell.colspan() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(FIRST_TABLE_ROW + placed.row(), FIRST_TABLE_ROW + placed.lastRow(),
                                                           placed.column(), placed.lastColumn()));
            }
            // Tall enough for a wrapped label: Excel does not size rows to merged cells itself.
            if (cell.rowspan() == 1) {
                int width = 0;
                for (int c = placed.column(); c <= placed.lastColumn(); c++) {
                    width += characters[c];
                }
                int lines = Math.max(1, (int) Math.ceil((double) displayWidth(cell.text()) / Math.max(1, width - 1)));
                Row row = rows.get(placed.row());
                row.setHeightInPoints(Math.max(row.getHeightInPoints(), 15f * lines + 3));
            }
        }
        int next = FIRST_TABLE_ROW + table.rows().size() + 1;
        if (table.key().equals("reviewsAndLawsuits")) {
            note(sheet, styles.note, next++, ReportForm.REVIEWS_COUNTING_RULE, columns, 4);
        }
        if (!table.present()) {
            note(sheet, styles.note, next, ReportForm.TABLE_MISSING, columns, 1);
        }
        if (table.headRows() > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(FIRST_TABLE_ROW, FIRST_TABLE_ROW + table.headRows() - 1, 0, columns - 1));
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(columns > 10);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
    }

    /** The width of a text in Excel's characters: a Chinese character is two. */
    private static int displayWidth(String text) {
        return text.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
    }

    /** A figure as a number, or {@code null} when absent (or, against the contract, not a number). */
    private static BigDecimal number(String text) {
        try {
            return text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** For a roll-up, a sheet naming it (汇总) and listing the agencies summed. */
    private static void rollUp(XSSFWorkbook workbook, Styles styles, ReportView report) {
        String note = ReportForm.rollUpNote(report);
        if (note == null) {
            return;
        }
        Sheet sheet = workbook.createSheet(report.rollUpLabel() + "范围");
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 60 * 256);
        title(sheet, styles.title, 0, note, 2);
        int r = 1;
        for (Map.Entry<String, String> agency : report.rollUpAgencies()) {
            Row row = sheet.createRow(r++);
            Cell id = row.createCell(0);
            id.setCellValue(agency.getKey());
            id.setCellStyle(styles.label);
            Cell name = row.createCell(1);
            name.setCellValue(agency.getValue());
            name.setCellStyle(styles.label);
        }
    }

    private static void checks(XSSFWorkbook workbook, Styles styles, ReportView report) {
        Sheet sheet = workbook.createSheet("勾稽关系校验");
        sheet.setColumnWidth(0, 44 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 80 * 256);
        title(sheet, styles.title, 0, ReportForm.title(report), 3);
        Row head = sheet.createRow(1);
        List<String> headers = List.of("校验", "结果", "说明");
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(styles.header);
        }
        int r = 2;
        for (Check check : report.checks()) {
            Row row = sheet.createRow(r++);
            String[] values = {check.name(), check.passed() ? "通过" : "未通过", check.detail() == null ? "" : check.detail()};
            for (int c = 0; c < values.length; c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(values[c]);
                cell.setCellStyle(styles.label);
            }
        }
    }

    private static void title(Sheet sheet, CellStyle style, int rowIndex, String text, int columns) {
        Row row = sheet.createRow(rowIndex);
        row.setHeightInPoints(rowIndex == 0 ? 26 : 20);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, columns - 1));
        }
    }

    private static void note(Sheet sheet, CellStyle style, int rowIndex, String text, int columns, int lines) {
        Row row = sheet.createRow(rowIndex);
        row.setHeightInPoints(15f * lines + 3);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, columns - 1));
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle heading;
        final CellStyle header;
        final CellStyle label;
        final CellStyle note;
        private final XSSFWorkbook workbook;
        private final Font body;
        private final Map<Integer, CellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            this.body = font(workbook, false, 10);
            title = workbook.createCellStyle();
            title.setFont(font(workbook, true, 16));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            heading = workbook.createCellStyle();
            heading.setFont(font(workbook, true, 12));
            heading.setVerticalAlignment(VerticalAlignment.CENTER);
            header = bordered(workbook, body, HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            label = bordered(workbook, body, HorizontalAlignment.LEFT);
            note = workbook.createCellStyle();
            note.setFont(body);
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
        }

        /** A figure's style: shown with as many decimals as the JSON writes ("0", "0.0000"). */
        CellStyle number(BigDecimal number) {
            int scale = number == null ? 0 : Math.max(0, number.scale());
            return numbers.computeIfAbsent(scale, s -> {
                CellStyle style = bordered(workbook, body, HorizontalAlignment.CENTER);
                style.setDataFormat(workbook.createDataFormat().getFormat(s == 0 ? "0" : "0." + "0".repeat(s)));
                return style;
            });
        }

        private static Font font(XSSFWorkbook workbook, boolean bold, int points) {
            Font font = workbook.createFont();
            font.setFontName("宋体");
            font.setBold(bold);
            font.setFontHeightInPoints((short) points);
            return font;
        }

        private static CellStyle bordered(XSSFWorkbook workbook, Font font, HorizontalAlignment alignment) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(true);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
