package gongkai.query.counting;

import gongkai.events.application.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table 三 of one agency and year: every row × every column, with RESULT_TOTAL (rule 5) and the
 * TOTAL column summed from the counted cells.
 */
public final class TableThree {

    private final Map<String, Map<String, Integer>> cells = new LinkedHashMap<>();

    private TableThree() {
        for (ApplicationRow row : ApplicationRow.ALL) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            ApplicantColumn.ALL.forEach(column -> columns.put(column.key(), 0));
            cells.put(row.key(), columns);
        }
    }

    public static TableThree of(List<CellCount> counts) {
        TableThree table = new TableThree();
        for (CellCount count : counts) {
            table.add(count.rowKey(), count.column().name(), count.count());
            table.add(count.rowKey(), ApplicantColumn.TOTAL, count.count());
            if (isOutcome(count.rowKey())) {
                // Rule 5: RESULT_TOTAL is the sum of the outcome rows.
                table.add(ApplicationRow.RESULT_TOTAL, count.column().name(), count.count());
                table.add(ApplicationRow.RESULT_TOTAL, ApplicantColumn.TOTAL, count.count());
            }
        }
        return table;
    }

    public int get(String rowKey, String columnKey) {
        return cells.get(rowKey).get(columnKey);
    }

    /** Rows in the form's order, each with its columns in the form's order. */
    public Map<String, Map<String, Integer>> rows() {
        return cells;
    }

    public static boolean isOutcome(String rowKey) {
        for (Outcome outcome : Outcome.values()) {
            if (outcome.name().equals(rowKey)) {
                return true;
            }
        }
        return false;
    }

    private void add(String rowKey, String columnKey, int count) {
        cells.get(rowKey).merge(columnKey, count, Integer::sum);
    }
}
