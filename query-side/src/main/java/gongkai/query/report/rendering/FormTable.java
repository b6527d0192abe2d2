package gongkai.query.report.rendering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One table of the national form laid out once, cell by cell with its merges, for every rendering:
 * the HTML page writes its rows as they are, the spreadsheet and the document place them with
 * {@link #placed()}.
 *
 * @param key      the table's key in the report JSON ({@code proactive}, {@code applications}, {@code reviewsAndLawsuits})
 * @param heading  the section heading the table stands under
 * @param widths   the relative width of each column
 * @param headRows how many of the first rows are the column headers (repeated on each printed page)
 * @param rows     the rows, each the cells that start in it (positions covered by a merge from above are left out)
 * @param present  whether the report carries this table at all
 */
public record FormTable(String key, String heading, int[] widths, int headRows, List<List<Cell>> rows,
                        boolean present) {

    public enum Role {
        /** a column header, or a header line inside the table (第二十条第（一）项, 信息内容 …) */
        HEADER,
        /** the label of a row */
        LABEL,
        /** a figure of the report */
        VALUE
    }

    /**
     * A figure's place in the report: its keys in the JSON (docs/annual-report.md) and its labels on the
     * form, the row's path and the column's path.
     */
    public record Figure(String table, String rowKey, String columnKey, String rowLabel, String columnLabel) {

        /** The row's and the column's labels as one text: {@code 行政复议 / 结果维持}. */
        public String label() {
            return rowLabel + " / " + columnLabel;
        }
    }

    /**
     * @param text   what the cell shows (for a figure: its value as the JSON writes it, empty when absent)
     * @param figure for a {@link Role#VALUE} cell, the figure it shows
     */
    public record Cell(String text, int rowspan, int colspan, Role role, Figure figure) {

        public static Cell header(String text, int rowspan, int colspan) {
            return new Cell(text, rowspan, colspan, Role.HEADER, null);
        }

        public static Cell label(String text, int rowspan, int colspan) {
            return new Cell(text, rowspan, colspan, Role.LABEL, null);
        }

        public static Cell value(String text, int colspan, Figure figure) {
            return new Cell(text == null ? "" : text, 1, colspan, Role.VALUE, figure);
        }
    }

    /** A cell with the row and column it starts at. */
    public record Placed(int row, int column, Cell cell) {

        public int lastRow() {
            return row + cell.rowspan() - 1;
        }

        public int lastColumn() {
            return column + cell.colspan() - 1;
        }
    }

    public int columns() {
        return widths.length;
    }

    /** Every cell with its position on the grid, skipping the positions merges from above cover (as a browser does). */
    public List<Placed> placed() {
        boolean[][] taken = new boolean[rows.size()][columns()];
        List<Placed> placed = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Cell cell : rows.get(r)) {
                while (c < columns() && taken[r][c]) {
                    c++;
                }
                if (c + cell.colspan() > columns() || r + cell.rowspan() > rows.size()) {
                    throw new IllegalStateException("table " + key + ": cell '" + cell.text() + "' leaves the grid");
                }
                for (int i = r; i < r + cell.rowspan(); i++) {
                    for (int j = c; j < c + cell.colspan(); j++) {
                        taken[i][j] = true;
                    }
                }
                placed.add(new Placed(r, c, cell));
                c += cell.colspan();
            }
        }
        return Collections.unmodifiableList(placed);
    }

    /** Every figure of the table, in the order of the form. */
    public List<Cell> figures() {
        return rows.stream().flatMap(List::stream).filter(cell -> cell.role() == Role.VALUE).toList();
    }
}
