package gongkai.query.counting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one source (a document, an opening balance, a tally of decisions, a fee, an item published, a
 * reconsideration, a lawsuit) adds to one figure of a table: {@code value} in every year from
 * {@code firstYear} to {@code lastYear} (null: every later year). A count adds 1; a fee adds its amount
 * in yuan; an opening balance adds its size; a balance document repealed after the balance date
 * adds −1. {@code datedOn} is the business date it is counted by, {@code label} what a person reading
 * the cell's sources needs to recognise it (a document's title, a tally's period), never personal data.
 */
public record Contribution(String rowKey, String columnKey, int firstYear, Integer lastYear, BigDecimal value,
                           LocalDate datedOn, String label) {

    /** The scale of the stored values (numeric(18,2)): so that a contribution read back equals the one derived. */
    public static final int SCALE = 2;

    public Contribution {
        value = value.setScale(SCALE);
    }

    public static Contribution count(String rowKey, String columnKey, int firstYear, Integer lastYear,
                                     LocalDate datedOn, String label) {
        return new Contribution(rowKey, columnKey, firstYear, lastYear, BigDecimal.ONE, datedOn, label);
    }

    public boolean countsIn(int year) {
        return firstYear <= year && (lastYear == null || year <= lastYear);
    }

    /** Whether it counts in any year at all (a range that ends before it begins counts nowhere). */
    boolean countsSomewhere() {
        return lastYear == null || firstYear <= lastYear;
    }
}
