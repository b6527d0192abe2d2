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

    /** "The column is one of the array {@link #array} gives", as one placeholder. */
    public static String any(String column) {
        return column + " = any(?)";
    }

    /** The argument of {@link #any}: the values as a text array. */
    public static Object array(Collection<String> values) {
        return values.toArray(String[]::new);
    }
}
