package gongkai.query.report.rendering;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.nodes.Element;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rendered table read back as a reader sees it: a grid of texts in which a merged cell's text
 * stands at every position it covers. A figure is then found by its labels alone, the way a person
 * reads the form: the row whose labels (left) and the column whose headers (above) are the official ones.
 */
final class FormGrid {

    private final List<List<String>> cells;

    private FormGrid(List<List<String>> cells) {
        this.cells = cells;
    }

    /** An HTML table, with its rowspan and colspan. */
    static FormGrid of(Element table) {
        List<List<String>> grid = new ArrayList<>();
        List<Element> rows = table.select("tr");
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Element cell : rows.get(r).select("> th, > td")) {
                while (at(grid, r, c) != null) {
                    c++;
                }
                int rowspan = span(cell.attr("rowspan"));
                int colspan = span(cell.attr("colspan"));
                for (int i = r; i < r + rowspan; i++) {
                    for (int j = c; j < c + colspan; j++) {
                        put(grid, i, j, cell.text());
                    }
                }
                c += colspan;
            }
        }
        return new FormGrid(grid);
    }

    /** The rows of a sheet from {@code firstRow} to the first row that does not exist, merged regions filled in. */
    static FormGrid of(Sheet sheet, int firstRow) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> grid = new ArrayList<>();
        int last = firstRow;
        while (sheet.getRow(last) != null) {
            last++;
        }
        for (int r = firstRow; r < last; r++) {
            Row row = sheet.getRow(r);
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                put(grid, r - firstRow, c, cell == null ? "" : formatter.formatCellValue(cell));
            }
        }
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getFirstRow() < firstRow || region.getFirstRow() >= last) {
                continue;
            }
            String text = grid.get(region.getFirstRow() - firstRow).get(region.getFirstColumn());
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    put(grid, r - firstRow, c, text);
                }
            }
        }
        return new FormGrid(grid);
    }

    /** A Word table, with its gridSpan and vMerge. */
    static FormGrid of(XWPFTable table) {
        List<List<String>> grid = new ArrayList<>();
        List<XWPFTableRow> rows = table.getRows();
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (XWPFTableCell cell : rows.get(r).getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                int span = properties != null && properties.getGridSpan() != null
                           ? properties.getGridSpan().getVal().intValue() : 1;
                boolean continues = properties != null && properties.getVMerge() != null
                                    && (properties.getVMerge().getVal() == null
                                        || properties.getVMerge().getVal() == STMerge.CONTINUE);
                String text = continues ? grid.get(r - 1).get(c) : cell.getText();
                for (int j = c; j < c + span; j++) {
                    put(grid, r, j, text);
                }
                c += span;
            }
        }
        return new FormGrid(grid);
    }

    int rows() {
        return cells.size();
    }

    String at(int row, int column) {
        return cells.get(row).get(column);
    }

    /** Table 三: the figure in the row labelled {@code rowPath} and the column under 申请人情况 · {@code columnPath}. */
    String applications(String rowPath, String columnPath) {
        List<String> column = new ArrayList<>(List.of("申请人情况"));
        column.addAll(OfficialForm.path(columnPath));
        return figure(3, 3, OfficialForm.path(rowPath), column);
    }

    /** Table 四: the one row of figures, in the column under {@code groupPath} · {@code figure}. */
    String reviewsAndLawsuits(String groupPath, String figure) {
        List<String> column = new ArrayList<>(OfficialForm.path(groupPath));
        column.add(figure);
        int c = unique(columns(3, 0, column), "column " + column);
        return cells.get(3).get(c);
    }

    /**
     * Table 二: the figure in the row of {@code 信息内容} {@code content}, in the column whose header in
     * the block's 信息内容 line is {@code figure}, the block being headed by {@code item}.
     */
    String proactive(String itemAndContent, String figure) {
        List<String> path = OfficialForm.path(itemAndContent);
        List<Integer> matches = new ArrayList<>();
        for (int r = 0; r < cells.size(); r++) {
            if (cells.get(r).get(0).equals(path.get(1))) {
                matches.add(r);
            }
        }
        int r = unique(matches, "row " + path);
        int head = r - 1;
        while (head >= 0 && !cells.get(head).get(0).equals("信息内容")) {
            head--;
        }
        assertThat(head).as("信息内容 line above " + path).isGreaterThan(0);
        assertThat(cells.get(head - 1)).as("the block of " + path).allMatch(text -> text.equals(path.get(0)));
        int c = cells.get(head).indexOf(figure);
        assertThat(c).as(figure + " in the 信息内容 line of " + path).isGreaterThan(0);
        return cells.get(r).get(c);
    }

    private String figure(int headRows, int labelColumns, List<String> rowPath, List<String> columnPath) {
        List<Integer> rows = new ArrayList<>();
        for (int r = headRows; r < cells.size(); r++) {
            if (distinct(cells.get(r).subList(0, labelColumns)).equals(rowPath)) {
                rows.add(r);
            }
        }
        int r = unique(rows, "row " + rowPath);
        int c = unique(columns(headRows, labelColumns, columnPath), "column " + columnPath);
        return cells.get(r).get(c);
    }

    private List<Integer> columns(int headRows, int labelColumns, List<String> columnPath) {
        List<Integer> columns = new ArrayList<>();
        for (int c = labelColumns; c < cells.get(0).size(); c++) {
            List<String> header = new ArrayList<>();
            for (int r = 0; r < headRows; r++) {
                header.add(cells.get(r).get(c));
            }
            if (distinct(header).equals(columnPath)) {
                columns.add(c);
            }
        }
        return columns;
    }

    private int unique(List<Integer> found, String what) {
        assertThat(found).as(what + " found once in " + cells).hasSize(1);
        return found.get(0);
    }

    /** Consecutive repeats (one merged cell seen at several positions) once. */
    private static List<String> distinct(List<String> texts) {
        List<String> distinct = new ArrayList<>();
        for (String text : texts) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(text)) {
                distinct.add(text);
            }
        }
        return distinct;
    }

    private static int span(String attribute) {
        return attribute.isEmpty() ? 1 : Integer.parseInt(attribute);
    }

    private static String at(List<List<String>> grid, int r, int c) {
        return r < grid.size() && c < grid.get(r).size() ? grid.get(r).get(c) : null;
    }

    private static void put(List<List<String>> grid, int r, int c, String text) {
        while (grid.size() <= r) {
            grid.add(new ArrayList<>());
        }
        List<String> row = grid.get(r);
        while (row.size() <= c) {
            row.add(null);
        }
        row.set(c, text);
    }
}
