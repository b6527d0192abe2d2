package gongkai.query.counting;

import gongkai.events.application.Outcome;

import java.util.ArrayList;
import java.util.List;

/**
 * The four check relations of table 三 (docs/annual-report.md, "The check relations"), each named and explained when it
 * fails.
 */
public final class TableThreeChecks {

    private TableThreeChecks() {
    }

    /** @param previous the table of the year before, or {@code null} when the system has no data for it */
    public static List<Check> check(TableThree table, TableThree previous, int year) {
        List<Check> checks = new ArrayList<>();
        checks.add(balance(table));
        checks.add(resultTotal(table));
        checks.add(totalColumn(table));
        checks.add(carryOver(table, previous, year));
        return checks;
    }

    private static Check balance(TableThree t) {
        List<String> failures = new ArrayList<>();
        for (ApplicantColumn c : ApplicantColumn.ALL) {
            int in = t.get(ApplicationRow.NEW, c.key()) + t.get(ApplicationRow.CARRIED_OVER, c.key());
            int out = t.get(ApplicationRow.RESULT_TOTAL, c.key()) + t.get(ApplicationRow.CARRIED_FORWARD, c.key());
            if (in != out) {
                failures.add(c.key() + ": " + in + " ≠ " + out);
            }
        }
        return result("NEW + CARRIED_OVER = RESULT_TOTAL + CARRIED_FORWARD",
                      "本年新收 + 上年结转 = 办理结果总计 + 结转下年度，每一列", failures);
    }

    private static Check resultTotal(TableThree t) {
        List<String> failures = new ArrayList<>();
        for (ApplicantColumn c : ApplicantColumn.ALL) {
            int sum = 0;
            for (Outcome outcome : Outcome.values()) {
                sum += t.get(outcome.name(), c.key());
            }
            if (sum != t.get(ApplicationRow.RESULT_TOTAL, c.key())) {
                failures.add(c.key() + ": " + sum + " ≠ " + t.get(ApplicationRow.RESULT_TOTAL, c.key()));
            }
        }
        return result("RESULT_TOTAL = sum of outcome rows", "（七）总计 = 各办理结果之和，每一列", failures);
    }

    private static Check totalColumn(TableThree t) {
        List<String> failures = new ArrayList<>();
        for (ApplicationRow row : ApplicationRow.ALL) {
            int sum = 0;
            for (ApplicantColumn c : ApplicantColumn.ALL) {
                if (!c.key().equals(ApplicantColumn.TOTAL)) {
                    sum += t.get(row.key(), c.key());
                }
            }
            if (sum != t.get(row.key(), ApplicantColumn.TOTAL)) {
                failures.add(row.key() + ": " + sum + " ≠ " + t.get(row.key(), ApplicantColumn.TOTAL));
            }
        }
        return result("TOTAL = sum of the six applicant columns", "总计 = 六类申请人之和，每一行", failures);
    }

    private static Check carryOver(TableThree t, TableThree previous, int year) {
        String name = "CARRIED_OVER of " + year + " = CARRIED_FORWARD of " + (year - 1);
        if (previous == null) {
            return new Check(name, true, "系统中没有 " + (year - 1) + " 年的数据，不适用 (no data for " + (year - 1) + ")");
        }
        List<String> failures = new ArrayList<>();
        for (ApplicantColumn c : ApplicantColumn.ALL) {
            int over = t.get(ApplicationRow.CARRIED_OVER, c.key());
            int forward = previous.get(ApplicationRow.CARRIED_FORWARD, c.key());
            if (over != forward) {
                failures.add(c.key() + ": " + over + " ≠ " + forward);
            }
        }
        return result(name, "本年上年结转 = 上年结转下年度，每一列", failures);
    }

    private static Check result(String name, String rule, List<String> failures) {
        return failures.isEmpty()
               ? new Check(name, true, rule)
               : new Check(name, false, rule + "；不符 (fails): " + String.join("; ", failures));
    }
}
