package gongkai.query.counting;

import gongkai.events.application.ApplicantType;
import gongkai.events.application.Outcome;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Table 三 of one agency and year: every row × every column, with RESULT_TOTAL (rule 5) and the
 * TOTAL column summed from the counted cells.
 */
public final class TableThree {

    // The cells in one array, row by row in the form's order: an oversight board works out thousands of these tables
    // at a time, and a map per row made each of them hundreds of small objects.
    private static final Map<String, Integer> ROW_INDEX = index(ApplicationRow.ALL.stream().map(ApplicationRow::key).toList());
    private static final Map<String, Integer> COLUMN_INDEX = index(ApplicantColumn.ALL.stream().map(ApplicantColumn::key).toList());
    private static final int COLUMNS = COLUMN_INDEX.size();
    private static final int TOTAL_COLUMN = COLUMN_INDEX.get(ApplicantColumn.TOTAL);
    private static final Set<String> OUTCOME_ROWS = Arrays.stream(Outcome.values()).map(Outcome::name)
                                                          .collect(Collectors.toUnmodifiableSet());
    private static final int RESULT_TOTAL_ROW = ROW_INDEX.get(ApplicationRow.RESULT_TOTAL);

    private final int[] cells = new int[ROW_INDEX.size() * COLUMNS];

    private TableThree() {
    }

    public static TableThree of(List<CellCount> counts) {
        Sum sum = new Sum();
        counts.forEach(count -> sum.add(count.rowKey(), count.column(), count.count()));
        return sum.table();
    }

    /** A table summed count by count as they are read (a province's tallies, without a list of them first). */
    public static final class Sum {

        private final TableThree table = new TableThree();

        public void add(String rowKey, ApplicantType column, int count) {
            int row = rowIndex(rowKey);
            int at = columnIndex(column.name());
            table.cells[row * COLUMNS + at] += count;
            table.cells[row * COLUMNS + TOTAL_COLUMN] += count;
            if (isOutcome(rowKey)) {
                // Rule 5: RESULT_TOTAL is the sum of the outcome rows.
                table.cells[RESULT_TOTAL_ROW * COLUMNS + at] += count;
                table.cells[RESULT_TOTAL_ROW * COLUMNS + TOTAL_COLUMN] += count;
            }
        }

        /**
         * Adds a whole table (an agency's, to a roll-up's sum): every cell is a sum of counts, the totals too, so
         * the tables add cell by cell.
         */
        public void add(TableThree other) {
            for (int cell = 0; cell < other.cells.length; cell++) {
                table.cells[cell] += other.cells[cell];
            }
        }

        /** The table summed so far. */
        public TableThree table() {
            return table;
        }
    }

    public int get(String rowKey, String columnKey) {
        return cells[rowIndex(rowKey) * COLUMNS + columnIndex(columnKey)];
    }

    /** Rows in the form's order, each with its columns in the form's order. */
    public Map<String, Map<String, Integer>> rows() {
        Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
        ROW_INDEX.forEach((rowKey, row) -> {
            Map<String, Integer> columns = new LinkedHashMap<>();
            COLUMN_INDEX.forEach((columnKey, column) -> columns.put(columnKey, cells[row * COLUMNS + column]));
            rows.put(rowKey, columns);
        });
        return rows;
    }

    public static boolean isOutcome(String rowKey) {
        return OUTCOME_ROWS.contains(rowKey);
    }

    private static int rowIndex(String rowKey) {
        return position(ROW_INDEX, rowKey, "row");
    }

    private static int columnIndex(String columnKey) {
        return position(COLUMN_INDEX, columnKey, "column");
    }

    private static int position(Map<String, Integer> index, String key, String what) {
        Integer position = index.get(key);
        if (position == null) {
            throw new IllegalArgumentException("no " + what + " " + key + " in table 三");
        }
        return position;
    }

    private static Map<String, Integer> index(List<String> keys) {
        Map<String, Integer> index = new LinkedHashMap<>();
        keys.forEach(key -> index.put(key, index.size()));
        return Collections.unmodifiableMap(index);
    }
}
