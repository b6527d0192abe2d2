package gongkai.query.reads;

import java.util.Collection;
import java.util.List;

/**
 * The SQL condition "the column is one of these values". {@link #of}: one placeholder each (the values go as
 * arguments), for a few values. {@link #any}: one placeholder for them all, given as one array ({@link #array}),
 * for the thousands of agencies of a province's subtree: one parameter to bind and one plan, whatever their number.
 */
public final class InList {

    private InList() {
    }

    public static String of(String column, List<?> values) {
        return values.size() == 1 ? column + " = ?"
                                  : column + " in (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")";
    }

    /**
     * "The column is one of the array {@link #array} gives", as one placeholder. Written as a semi-join on the
     * unnested array rather than {@code = any(?)}: PostgreSQL then plans it in well under a millisecond whatever
     * the array's length, where it weighed each of a province's thousands of values against the column's
     * statistics, some 10 ms of planning per read; it still probes the index for a few values.
     */
    public static String any(String column) {
        return column + " in (select unnest(?::text[]))";
    }

    /** The argument of {@link #any}: the values as a text array. */
    public static Object array(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    /**
     * Whether a statement with this argument must be planned at each run rather than once for all runs. A plan
     * kept for all runs is made without the array's length, as if it held a handful of values: an index probe per
     * value, some five times slower than one pass over the table for a province's thousands; planned with the
     * array at hand, PostgreSQL picks whichever fits. A few values are left to the kept plan (planning costs more
     * than it saves there). {@link ReadBatch} also fetches such a read's rows in portions.
     */
    public static boolean plannedEachRun(Object argument) {
        return argument instanceof String[] values && values.length > PLANNED_EACH_RUN_ABOVE;
    }

    private static final int PLANNED_EACH_RUN_ABOVE = 50;
}
