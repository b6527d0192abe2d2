package gongkai.query.counting;

import java.util.ArrayList;
import java.util.List;

import static gongkai.query.counting.ReviewLawsuitCounting.PENDING;
import static gongkai.query.counting.ReviewLawsuitCounting.TOTAL;

/**
 * The check relation of table 四 (docs/annual-report.md, "The check relations"): {@code TOTAL = UPHELD + CORRECTED +
 * OTHER + PENDING} in each group (the seed's report fails it: 尚未审结 1, 总计 0). TOTAL is counted on its own (the cases
 * of the year), so the check compares two countings.
 */
public final class TableFourChecks {

    private TableFourChecks() {
    }

    public static List<Check> check(TableFour table) {
        List<String> failures = new ArrayList<>();
        for (String group : ReviewLawsuitCounting.GROUPS) {
            int sum = table.get(group, "UPHELD") + table.get(group, "CORRECTED") + table.get(group, "OTHER")
                      + table.get(group, PENDING);
            if (sum != table.get(group, TOTAL)) {
                failures.add(group + ": " + sum + " ≠ " + table.get(group, TOTAL));
            }
        }
        String name = "TOTAL = UPHELD + CORRECTED + OTHER + PENDING";
        String rule = "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结，行政复议和两类行政诉讼";
        return List.of(failures.isEmpty()
                       ? new Check(name, true, rule)
                       : new Check(name, false, rule + "；不符 (fails): " + String.join("; ", failures)));
    }
}
