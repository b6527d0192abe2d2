package gongkai.query.counting;

import gongkai.events.application.ApplicantType;
import gongkai.events.application.Outcome;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The counting rules of table 三 (docs/annual-report.md, "Table 三", counting rules 1–7), in one place. From the facts of
 * one application it derives the cells it counts in and for which years; everything else (the live
 * table, the table as of a past instant, drill-down, the checks) counts these cells.
 */
public final class ApplicationCounting {

    /** A cell an application counts in, every year from {@code firstYear} to {@code lastYear} (null: every later year). */
    public record CountedCell(String rowKey, ApplicantType column, int firstYear, Integer lastYear) {

        public boolean countsIn(int year) {
            return firstYear <= year && (lastYear == null || year <= lastYear);
        }
    }

    private ApplicationCounting() {
    }

    public static Set<CountedCell> cellsOf(ApplicationFacts facts) {
        Set<CountedCell> cells = new LinkedHashSet<>();
        // Rule 1: one application counts once, in the column of its (possibly corrected) applicant type.
        ApplicantType column = facts.applicantType();
        // Rule 7: years are those of the business dates the clerk recorded, not of the recording.
        int received = facts.receivedOn().getYear();
        Integer concluded = facts.concluded() ? facts.concludedOn().getYear() : null;

        // Rule 2: NEW in the year of its date of receipt.
        cells.add(new CountedCell(ApplicationRow.NEW, column, received, received));
        // Rule 3: CARRIED_OVER in every later year it is still open on 1 January, i.e. up to the year it is concluded.
        if (concluded == null || concluded > received) {
            cells.add(new CountedCell(ApplicationRow.CARRIED_OVER, column, received + 1, concluded));
        }
        // Rule 6: CARRIED_FORWARD in every year it is still open on 31 December, i.e. up to the year before its conclusion.
        if (concluded == null || concluded > received) {
            cells.add(new CountedCell(ApplicationRow.CARRIED_FORWARD, column, received,
                                      concluded == null ? null : concluded - 1));
        }
        // Rules 4 and 5: its outcome in the year of the answer; a withdrawal counts under 其他.
        if (concluded != null) {
            cells.add(new CountedCell(resultRow(facts).name(), column, concluded, concluded));
        }
        return cells;
    }

    /**
     * Rule 4: the outcome row. A partly disclosed answer counts under PARTIALLY_DISCLOSED only, whatever
     * its withheld reasons; a withdrawal by the applicant counts under OTHER_OTHER.
     */
    static Outcome resultRow(ApplicationFacts facts) {
        if (facts.outcome() != null) {
            return facts.outcome();
        }
        return Outcome.OTHER_OTHER;
    }
}
