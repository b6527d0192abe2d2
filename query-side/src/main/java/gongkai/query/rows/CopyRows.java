package gongkai.query.rows;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringReader;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * New rows written with PostgreSQL's {@code COPY}: one statement for all of them, no round trip or execution per
 * row. For rows that cannot be there already: a bulk rebuild's ({@code gongkai.query.projections.BulkRows}), the hash
 * chain's new links (a thousand at a time, a million and more when a restored query side builds the chain afresh).
 */
public final class CopyRows {

    private static final HexFormat HEX = HexFormat.of();

    private CopyRows() {
    }

    /**
     * Copies the rows into {@code table}'s {@code columns} (the others take their defaults), each row's values
     * in the order of the columns: text, numbers, booleans, dates, instants, timestamps, bytes or null.
     */
    public static <T> void copy(JdbcTemplate jdbc, String table, String columns, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(rows.size() * 128);
        for (T row : rows) {
            Object[] fields = values.apply(row);
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                field(text, fields[i]);
            }
            text.append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                                 .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(text.toString()));
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("copying into " + table + " failed", e);
            }
        });
    }

    /** One field in COPY's text format. */
    static void field(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            escaped(text, string);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            text.append(((Number) value).longValue());
        } else if (value instanceof Instant instant) {
            instant(text, instant);
        } else if (value instanceof Timestamp timestamp) {
            instant(text, timestamp.toInstant());
        } else if (value instanceof Date date) {
            text.append(date.toLocalDate());
        } else if (value instanceof LocalDate date) {
            text.append(date);
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof Enum<?> e) {
            text.append(e.name());
        } else if (value instanceof byte[] bytes) {
            text.append("\\\\x"); // bytea's hex form, its backslash escaped
            HEX.formatHex(text, bytes);
        } else {
            escaped(text, value.toString()); // other numbers
        }
    }

    /** Text with COPY's special characters escaped; most text has none, and is appended whole. */
    private static void escaped(StringBuilder text, String plain) {
        int i = 0;
        while (i < plain.length() && !special(plain.charAt(i))) {
            i++;
        }
        text.append(plain, 0, i);
        for (; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * An instant as {@link Instant#toString()} writes it (UTC, "T", nanoseconds if any, "Z"), nothing to escape, digit
     * by digit: a rebuild copies millions of instants, and the formatter's way cost an eighth of its time.
     */
    static void instant(StringBuilder text, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            text.append(instant); // outside the four-digit years: as the JDK writes it
            return;
        }
        text.append(t.getYear()).append('-');
        twoDigits(text, t.getMonthValue()).append('-');
        twoDigits(text, t.getDayOfMonth()).append('T');
        twoDigits(text, t.getHour()).append(':');
        twoDigits(text, t.getMinute()).append(':');
        twoDigits(text, t.getSecond());
        if (t.getNano() != 0) {
            String nanos = Integer.toString(t.getNano());
            text.append('.').append("000000000", 0, 9 - nanos.length()).append(nanos);
        }
        text.append('Z');
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
