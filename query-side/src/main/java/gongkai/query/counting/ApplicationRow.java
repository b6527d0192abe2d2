package gongkai.query.counting;

import gongkai.events.application.Outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The rows of table 三, in the order and with the labels of the national form (docs/annual-report.md, "Table 三"). */
public record ApplicationRow(String key, String label) {

    public static final String NEW = "NEW";
    public static final String CARRIED_OVER = "CARRIED_OVER";
    public static final String RESULT_TOTAL = "RESULT_TOTAL";
    public static final String CARRIED_FORWARD = "CARRIED_FORWARD";

    public static final List<ApplicationRow> ALL;

    static {
        List<ApplicationRow> rows = new ArrayList<>();
        rows.add(new ApplicationRow(NEW, "一、本年新收政府信息公开申请数量"));
        rows.add(new ApplicationRow(CARRIED_OVER, "二、上年结转政府信息公开申请数量"));
        for (Outcome outcome : Outcome.values()) {
            String label = outcome == Outcome.DISCLOSED ? "三、本年度办理结果 ·" + outcome.label() : outcome.label();
            rows.add(new ApplicationRow(outcome.name(), label));
        }
        rows.add(new ApplicationRow(RESULT_TOTAL, "（七）总计"));
        rows.add(new ApplicationRow(CARRIED_FORWARD, "四、结转下年度继续办理"));
        ALL = Collections.unmodifiableList(rows);
    }

    public static boolean exists(String key) {
        return ALL.stream().anyMatch(row -> row.key.equals(key));
    }
}
