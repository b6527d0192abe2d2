package gongkai.query.counting;

import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DocumentKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static gongkai.query.counting.ProactiveCounting.AMOUNT;
import static gongkai.query.counting.ProactiveCounting.DECISIONS;
import static gongkai.query.counting.ProactiveCounting.FEES;
import static gongkai.query.counting.ProactiveCounting.IN_FORCE;
import static gongkai.query.counting.ProactiveCounting.ISSUED;
import static gongkai.query.counting.ProactiveCounting.REPEALED;

/**
 * Table 二 of one agency and year (JSON key {@code proactive}): each row with its figures, summed from
 * the contributions of {@link ProactiveCounting}. Counts are integers; the fees are a decimal string in
 * 万元 with 4 places.
 */
public final class TableTwo {

    /** A row of the form, its label and its figures (columns), in the form's order. */
    public record Row(String key, String item, String label, List<String> columns) {
    }

    public static final List<Row> ROWS;

    static {
        List<Row> rows = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            rows.add(new Row(kind.rowKey(), "第二十条第（一）项", kind.label(), List.of(ISSUED, REPEALED, IN_FORCE)));
        }
        rows.add(new Row(DecisionCategory.LICENSING.rowKey(), "第二十条第（五）项", DecisionCategory.LICENSING.label(),
                         List.of(DECISIONS)));
        rows.add(new Row(DecisionCategory.PENALTY.rowKey(), "第二十条第（六）项", DecisionCategory.PENALTY.label(),
                         List.of(DECISIONS)));
        rows.add(new Row(DecisionCategory.COERCION.rowKey(), "第二十条第（六）项", DecisionCategory.COERCION.label(),
                         List.of(DECISIONS)));
        rows.add(new Row(FEES, "第二十条第（八）项", "行政事业性收费", List.of(AMOUNT)));
        ROWS = Collections.unmodifiableList(rows);
    }

    private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();

    private TableTwo() {
        for (Row row : ROWS) {
            Map<String, Object> figures = new LinkedHashMap<>();
            row.columns().forEach(column -> figures.put(column, column.equals(AMOUNT) ? BigDecimal.ZERO : 0));
            rows.put(row.key(), figures);
        }
    }

    public static Row row(String key) {
        return ROWS.stream().filter(row -> row.key().equals(key)).findFirst()
                   .orElseThrow(() -> new IllegalArgumentException("table 二 has no row " + key));
    }

    public static TableTwo of(List<CellSum> sums) {
        TableTwo table = new TableTwo();
        for (CellSum sum : sums) {
            Map<String, Object> figures = table.rows.get(sum.rowKey());
            if (figures == null || !figures.containsKey(sum.columnKey())) {
                continue;
            }
            if (sum.columnKey().equals(AMOUNT)) {
                figures.put(AMOUNT, sum.value());
            } else {
                figures.put(sum.columnKey(), sum.value().intValueExact());
            }
        }
        return table;
    }

    public int count(String rowKey, String columnKey) {
        return (Integer) rows.get(rowKey).get(columnKey);
    }

    /** The year's fees in yuan, as summed. */
    public BigDecimal feesYuan() {
        return (BigDecimal) rows.get(FEES).get(AMOUNT);
    }

    /** Rows in the form's order with their figures; the fees as the form shows them (万元, 4 places). */
    public Map<String, Map<String, Object>> rows() {
        Map<String, Map<String, Object>> shown = new LinkedHashMap<>();
        rows.forEach((row, figures) -> {
            Map<String, Object> copy = new LinkedHashMap<>(figures);
            if (copy.containsKey(AMOUNT)) {
                copy.put(AMOUNT, ProactiveCounting.tenThousandYuan((BigDecimal) copy.get(AMOUNT)));
            }
            shown.put(row, copy);
        });
        return shown;
    }
}
