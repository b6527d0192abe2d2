package gongkai.query.cells;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one rule of every bitemporal read model here (rows with {@code valid_from}/{@code valid_to}
 * recorded instants): a row belongs to the state as the system knew it at an instant when it was
 * opened at or before it and not closed by then; the present state is the rows not closed.
 */
public final class RecordedInstants {

    private RecordedInstants() {
    }

    /** The SQL condition; with an instant it takes two arguments ({@link #args}). */
    public static String validAt(Instant asOf) {
        return asOf == null ? "valid_to is null" : "valid_from <= ? and (valid_to is null or valid_to > ?)";
    }

    /** The query's arguments: the leading ones, then the instant twice when asked as of it. */
    public static Object[] args(Instant asOf, Object... leading) {
        if (asOf == null) {
            return leading;
        }
        Object[] args = Arrays.copyOf(leading, leading.length + 2);
        args[leading.length] = Timestamp.from(asOf);
        args[leading.length + 1] = Timestamp.from(asOf);
        return args;
    }

    /**
     * The condition that a row was opened or closed after {@code since} and up to {@code until} (null:
     * now): the rows whose events changed a figure between the two instants. Takes {@link #changeArgs}.
     */
    public static String changedBetween(Instant until) {
        return until == null
               ? "(valid_from > ? or valid_to > ?)"
               : "((valid_from > ? and valid_from <= ?) or (valid_to > ? and valid_to <= ?))";
    }

    public static List<Object> changeArgs(Instant since, Instant until) {
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(since));
        if (until != null) {
            args.add(Timestamp.from(until));
        }
        args.add(Timestamp.from(since));
        if (until != null) {
            args.add(Timestamp.from(until));
        }
        return args;
    }
}
