package gongkai.query.rows;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * New rows written with PostgreSQL's {@code COPY}: one statement for all of them, no round trip or execution per
 * row. For rows that cannot be there already: a bulk rebuild's ({@code gongkai.query.projections.BulkRows}), the hash
 * chain's new links (a thousand at a time, a million and more when a restored query side builds the chain afresh).
 */
public final class CopyRows {

    /** The bytes handed to PostgreSQL at a time. */
    private static final int BUFFER = 64 * 1024;

    private CopyRows() {
    }

    /**
     * Copies the rows into {@code table}'s {@code columns} (the others take their defaults), each row's values
     * in the order of the columns: text, numbers, booleans, dates, instants, timestamps, bytes or null. The text is
     * written as the rows are read, a buffer at a time ({@link CopyText}); a row that fails cancels the whole copy.
     */
    public static <T> void copy(JdbcTemplate jdbc, String table, String columns, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                                    .copyIn("copy " + table + " (" + columns + ") from stdin");
            try {
                // the driver's stream over the copy (it sends what it holds when the copy ends)
                PGCopyOutputStream out = new PGCopyOutputStream(copy);
                CopyText text = new CopyText(out, BUFFER);
                for (T row : rows) {
                    Object[] fields = values.apply(row);
                    for (int i = 0; i < fields.length; i++) {
                        if (i > 0) {
                            text.ascii('\t');
                        }
                        field(text, fields[i]);
                    }
                    text.ascii('\n');
                }
                text.drain();
                return out.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    /** One field in COPY's text format. */
    static void field(CopyText text, Object value) {
        if (value == null) {
            text.ascii("\\N");
        } else if (value instanceof String string) {
            text.text(string);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            text.number(((Number) value).longValue());
        } else if (value instanceof Instant instant) {
            instant(text, instant);
        } else if (value instanceof Timestamp timestamp) {
            instant(text, timestamp.toInstant());
        } else if (value instanceof Date date) {
            date(text, date.toLocalDate());
        } else if (value instanceof LocalDate date) {
            date(text, date);
        } else if (value instanceof Boolean b) {
            text.ascii(b ? 't' : 'f');
        } else if (value instanceof Enum<?> e) {
            text.text(e.name());
        } else if (value instanceof byte[] bytes) {
            text.ascii("\\\\x").hex(bytes); // bytea's hex form, its backslash escaped
        } else {
            text.text(value.toString()); // other numbers
        }
    }

    /** A date as {@link LocalDate#toString()} writes it. */
    private static void date(CopyText text, LocalDate date) {
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            text.ascii(date.toString()); // outside the four-digit years: as the JDK writes it
            return;
        }
        text.digits(date.getYear(), 4).ascii('-').digits(date.getMonthValue(), 2).ascii('-').digits(date.getDayOfMonth(), 2);
    }

    /**
     * An instant as {@link Instant#toString()} writes it (UTC, "T", nanoseconds if any, "Z"), nothing to escape, digit
     * by digit: a rebuild copies millions of instants, and the formatter's way cost an eighth of its time.
     */
    static void instant(CopyText text, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            text.ascii(instant.toString()); // outside the four-digit years: as the JDK writes it
            return;
        }
        date(text, t.toLocalDate());
        text.ascii('T').digits(t.getHour(), 2).ascii(':').digits(t.getMinute(), 2).ascii(':').digits(t.getSecond(), 2);
        if (t.getNano() != 0) {
            // as the JDK: milliseconds, microseconds or nanoseconds, whichever holds them all
            int nano = t.getNano();
            text.ascii('.');
            if (nano % 1_000_000 == 0) {
                text.digits(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                text.digits(nano / 1000, 6);
            } else {
                text.digits(nano, 9);
            }
        }
        text.ascii('Z');
    }
}
