package gongkai.query.report.rendering;

import gongkai.query.counting.Check;
import gongkai.query.report.rendering.FormTable.Placed;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole report as a Word document (XWPF), A4, in the order of the national form: title, the
 * opening paragraph, 一 to 六 with tables 二, 三 and 四 laid out with the form's merged cells, then
 * the agency's name and the date; failed check relations named at the top, all of them at the end.
 */
final class DocxReport {

    private static final String SONG = "宋体";
    private static final String HEI = "黑体";
    /** A4 in twentieths of a point, and its text width between 2.5 cm margins. */
    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN = 1418;
    private static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

    private DocxReport() {
    }

    static byte[] render(ReportView report, LocalDate today) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(document);
            paragraph(document, ReportForm.title(report), ParagraphAlignment.CENTER, SONG, 18, true, false);
            paragraph(document, ReportForm.basis(report), ParagraphAlignment.BOTH, SONG, 12, false, true);
            String asOf = ReportForm.asOfNote(report);
            if (asOf != null) {
                paragraph(document, asOf, ParagraphAlignment.LEFT, SONG, 10.5, false, false);
            }
            String rollUp = ReportForm.rollUpNote(report);
            if (rollUp != null) {
                paragraph(document, rollUp, ParagraphAlignment.LEFT, SONG, 10.5, false, false);
            }
            if (report.published() != null) {
                paragraph(document, "本报告已发布（数据已冻结）：" + report.published(), ParagraphAlignment.LEFT, SONG, 10.5,
                          false, false);
            }
            List<Check> failed = report.failedChecks();
            if (!failed.isEmpty()) {
                XWPFParagraph p = paragraph(document, "本报告未通过以下勾稽关系校验：", ParagraphAlignment.LEFT, SONG, 10.5, true, false);
                p.getRuns().get(0).setColor("B00000");
                for (Check check : failed) {
                    XWPFParagraph item = paragraph(document, "· " + check.name() + (check.detail() == null ? "" : "：" + check.detail()),
                                                   ParagraphAlignment.LEFT, SONG, 10.5, false, false);
                    item.getRuns().get(0).setColor("B00000");
                }
            }

            heading(document, ReportForm.OVERVIEW);
            String overview = report.narrative("overview");
            if (overview == null && report.overviewDraft() != null) {
                paragraph(document, ReportForm.DRAFT_NOTE, ParagraphAlignment.LEFT, SONG, 10.5, false, false);
                overview = report.overviewDraft();
            }
            narrative(document, overview);

            for (FormTable table : ReportForm.tables(report)) {
                heading(document, table.heading());
                if (!table.present()) {
                    paragraph(document, ReportForm.TABLE_MISSING, ParagraphAlignment.LEFT, SONG, 10.5, false, false);
                }
                table(document, table);
                if (table.key().equals("reviewsAndLawsuits")) {
                    paragraph(document, ReportForm.REVIEWS_COUNTING_RULE, ParagraphAlignment.BOTH, SONG, 10, false, false);
                }
            }

            heading(document, ReportForm.PROBLEMS);
            narrative(document, report.narrative("problems"));
            heading(document, ReportForm.OTHER);
            narrative(document, report.narrative("other"));

            XWPFParagraph agency = paragraph(document, report.agencyName(), ParagraphAlignment.RIGHT, SONG, 12, false, false);
            agency.setSpacingBefore(720);
            paragraph(document, ReportForm.day(report.date(today)), ParagraphAlignment.RIGHT, SONG, 12, false, false);

            if (!report.checks().isEmpty()) {
                XWPFParagraph appendix = paragraph(document, "附：勾稽关系校验（系统生成，不属于报告正文）", ParagraphAlignment.LEFT,
                                                   SONG, 10, true, false);
                appendix.setPageBreak(true);
                for (Check check : report.checks()) {
                    paragraph(document, (check.passed() ? "✓ 通过　" : "✗ 未通过　") + check.name()
                                        + (check.detail() == null ? "" : "：" + check.detail()),
                              ParagraphAlignment.LEFT, SONG, 10, false, false);
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().isSetSectPr()
                           ? document.getDocument().getBody().getSectPr()
                           : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1440));
        margins.setBottom(BigInteger.valueOf(1440));
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
    }

    private static void heading(XWPFDocument document, String text) {
        XWPFParagraph p = paragraph(document, text, ParagraphAlignment.LEFT, HEI, 14, true, false);
        p.setSpacingBefore(240);
        p.setSpacingAfter(120);
        p.setKeepNext(true);
        // an outline level, so the sections show in Word's navigation pane
        p.getCTP().getPPr().addNewOutlineLvl().setVal(BigInteger.ONE);
    }

    private static void narrative(XWPFDocument document, String text) {
        if (text == null) {
            paragraph(document, ReportForm.NOT_WRITTEN, ParagraphAlignment.LEFT, SONG, 12, false, true);
            return;
        }
        for (String paragraph : Paragraphs.of(text)) {
            paragraph(document, paragraph, ParagraphAlignment.BOTH, SONG, 12, false, true);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String text, ParagraphAlignment alignment, String font,
                                           double points, boolean bold, boolean indent) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingAfter(60);
        if (indent) {
            p.setIndentationFirstLine((int) Math.round(points * 20 * 2)); // two characters
        }
        run(p, text, font, points, bold);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double points, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontSize(points);
        run.setBold(bold);
        return run;
    }

    /**
     * The table on a grid of {@link FormTable#columns()} columns: each row holds, left to right, one
     * Word cell per run of grid positions owned by the same form cell, spanning them ({@code gridSpan});
     * a cell merged down from an earlier row continues it ({@code vMerge}).
     */
    private static void table(XWPFDocument document, FormTable form) {
        int rows = form.rows().size();
        int columns = form.columns();
        Placed[][] owner = new Placed[rows][columns];
        for (Placed placed : form.placed()) {
            for (int r = placed.row(); r <= placed.lastRow(); r++) {
                for (int c = placed.column(); c <= placed.lastColumn(); c++) {
                    owner[r][c] = placed;
                }
            }
        }
        int[] widths = twips(form.widths());

        XWPFTable table = document.createTable(rows, 1);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setTopBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setRightBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        CTTblPr properties = table.getCTTbl().getTblPr();
        CTTblWidth width = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(TEXT_WIDTH));
        // narrow cell margins (1 mm), so that the figures of the 15 columns of table 四 fit
        CTTblCellMar margins = properties.isSetTblCellMar() ? properties.getTblCellMar() : properties.addNewTblCellMar();
        for (CTTblWidth side : new CTTblWidth[]{margins.addNewLeft(), margins.addNewRight()}) {
            side.setType(STTblWidth.DXA);
            side.setW(BigInteger.valueOf(57));
        }
        CTTblLayoutType layout = properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }

        for (int r = 0; r < rows; r++) {
            XWPFTableRow row = table.getRow(r);
            if (r < form.headRows()) {
                row.setRepeatHeader(true);
            }
            row.setCantSplitRow(true);
            List<int[]> runs = new ArrayList<>();
            for (int c = 0; c < columns; ) {
                int end = c;
                while (end + 1 < columns && owner[r][end + 1] == owner[r][c]) {
                    end++;
                }
                runs.add(new int[]{c, end});
                c = end + 1;
            }
            for (int i = 0; i < runs.size(); i++) {
                int first = runs.get(i)[0];
                int last = runs.get(i)[1];
                Placed placed = owner[r][first];
                XWPFTableCell cell = i == 0 ? row.getCell(0) : row.addNewTableCell();
                CTTcPr tc = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                int span = last - first + 1;
                int cellWidth = 0;
                for (int c = first; c <= last; c++) {
                    cellWidth += widths[c];
                }
                CTTblWidth tcWidth = tc.isSetTcW() ? tc.getTcW() : tc.addNewTcW();
                tcWidth.setType(STTblWidth.DXA);
                tcWidth.setW(BigInteger.valueOf(cellWidth));
                if (span > 1) {
                    tc.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                tc.addNewVAlign().setVal(STVerticalJc.CENTER);
                boolean starts = placed.row() == r;
                if (placed.cell().rowspan() > 1) {
                    tc.addNewVMerge().setVal(starts ? STMerge.RESTART : STMerge.CONTINUE);
                }
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setAlignment(placed.cell().role() == FormTable.Role.LABEL ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                p.setSpacingAfter(0);
                if (starts) {
                    run(p, placed.cell().text(), SONG, 9, false);
                }
            }
        }
        // A small gap after the table.
        document.createParagraph().setSpacingAfter(0);
    }

    private static int[] twips(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int[] widths = new int[weights.length];
        int used = 0;
        for (int i = 0; i < weights.length; i++) {
            widths[i] = i == weights.length - 1 ? TEXT_WIDTH - used : TEXT_WIDTH * weights[i] / total;
            used += widths[i];
        }
        return widths;
    }
}
