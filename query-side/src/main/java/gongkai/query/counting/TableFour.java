package gongkai.query.counting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table 四 of one agency and year (JSON key {@code reviewsAndLawsuits}): three groups × five figures,
 * counted by {@link ReviewLawsuitCounting}.
 */
public final class TableFour {

    private final Map<String, Map<String, Integer>> groups = new LinkedHashMap<>();

    private TableFour() {
        for (String group : ReviewLawsuitCounting.GROUPS) {
            Map<String, Integer> figures = new LinkedHashMap<>();
            ReviewLawsuitCounting.FIGURES.forEach(figure -> figures.put(figure, 0));
            groups.put(group, figures);
        }
    }

    public static TableFour of(List<CellSum> sums) {
        TableFour table = new TableFour();
        for (CellSum sum : sums) {
            Map<String, Integer> figures = table.groups.get(sum.rowKey());
            if (figures != null && figures.containsKey(sum.columnKey())) {
                figures.put(sum.columnKey(), sum.value().intValueExact());
            }
        }
        return table;
    }

    public int get(String group, String figure) {
        return groups.get(group).get(figure);
    }

    /** Groups in the form's order, each with its figures in the form's order. */
    public Map<String, Map<String, Integer>> groups() {
        return groups;
    }
}
