package gongkai.query.counting;

import gongkai.events.proactive.DocumentKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static gongkai.query.counting.ProactiveCounting.IN_FORCE;
import static gongkai.query.counting.ProactiveCounting.ISSUED;
import static gongkai.query.counting.ProactiveCounting.REPEALED;

/**
 * The check relation of table 二 (docs/annual-report.md, "The check relations"): {@code inForce} of year Y = {@code
 * inForce} of Y−1 + {@code issued} − {@code repealed}, for rules and for normative documents. It crosses years, so it
 * is named with both; it does not apply in the year of the agency's opening balance, whose stock before
 * the balance date is the balance, not a count of the year's documents (the rule applies from the
 * next year on).
 */
public final class TableTwoChecks {

    private TableTwoChecks() {
    }

    /**
     * @param previous         the table of Y−1 as of the same instant
     * @param openingBalanceOn the date of the agency's opening balance, or null when it has none
     */
    public static List<Check> check(TableTwo table, TableTwo previous, int year, LocalDate openingBalanceOn) {
        String name = "inForce of " + year + " = inForce of " + (year - 1) + " + issued − repealed";
        String rule = "现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数，规章和行政规范性文件";
        if (openingBalanceOn != null && openingBalanceOn.getYear() == year) {
            return List.of(new Check(name, true, "期初数登记于本年度（" + openingBalanceOn + "），本年不适用，自下一年度起适用 "
                                                 + "(the opening balance is dated within the year; the check applies from "
                                                 + (year + 1) + ")"));
        }
        List<String> failures = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            String row = kind.rowKey();
            int expected = previous.count(row, IN_FORCE) + table.count(row, ISSUED) - table.count(row, REPEALED);
            if (expected != table.count(row, IN_FORCE)) {
                failures.add(row + ": " + previous.count(row, IN_FORCE) + " + " + table.count(row, ISSUED) + " − "
                             + table.count(row, REPEALED) + " = " + expected + " ≠ " + table.count(row, IN_FORCE));
            }
        }
        return List.of(failures.isEmpty()
                       ? new Check(name, true, rule)
                       : new Check(name, false, rule + "；不符 (fails): " + String.join("; ", failures)));
    }
}
