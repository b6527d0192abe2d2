package gongkai.query.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringReader;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rows a projection inserts, written with PostgreSQL's {@code COPY} when the current unit of work is a chunk of a
 * bulk rebuild ({@link BulkRebuild}), where no row can be there already: the same rows, in the same order, as the
 * projection's JDBC batch writes in live processing, at a fraction of the cost (one statement, no round trip or
 * execution per row). A projection asks {@link #underWay()} and writes through {@link #copy} if so. The hash chain
 * copies its new links always: they too are new rows, a thousand at a time.
 */
public final class BulkRows {

    /** The resource a bulk rebuild's unit of work carries. */
    static final String CHUNK = BulkRows.class.getName() + ".chunk";

    private BulkRows() {
    }

    /** Whether the current unit of work is a chunk of a bulk rebuild. */
    public static boolean underWay() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().resources().containsKey(CHUNK);
    }

    /**
     * When the current unit of work is a chunk of a bulk rebuild: what is gathered under {@code key} over the whole
     * rebuild (made by {@code create} in its first chunk), written once by {@code write} after its last chunk, into
     * the same staging copies. For rows that every chunk would otherwise write again (a few thousand agencies'
     * rows, a hundred times over). Empty outside a bulk rebuild.
     */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> gatheredUntilTheEnd(String key, Supplier<T> create, Consumer<T> write) {
        if (!underWay()) {
            return Optional.empty();
        }
        Rebuild rebuild = (Rebuild) CurrentUnitOfWork.get().root().resources().get(CHUNK);
        return Optional.of((T) rebuild.gathered.computeIfAbsent(key, k -> {
            T gathered = create.get();
            rebuild.atTheEnd.add(() -> write.accept(gathered));
            return gathered;
        }));
    }

    /** What one bulk rebuild's chunks carry: what they gather until its end. */
    static final class Rebuild {
        private final Map<String, Object> gathered = new HashMap<>();
        private final List<Runnable> atTheEnd = new ArrayList<>();

        /** Writes what was gathered, after the last chunk (in the transaction of the caller). */
        void end() {
            atTheEnd.forEach(Runnable::run);
        }
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
    private static void field(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String plain;
        if (value instanceof Instant instant) {
            plain = instant.toString();
        } else if (value instanceof Timestamp timestamp) {
            plain = timestamp.toInstant().toString();
        } else if (value instanceof Date date) {
            plain = date.toLocalDate().toString();
        } else if (value instanceof Boolean b) {
            plain = b ? "t" : "f";
        } else if (value instanceof Enum<?> e) {
            plain = e.name();
        } else if (value instanceof byte[] bytes) {
            plain = "\\x" + HexFormat.of().formatHex(bytes); // bytea's hex form (its backslash escaped below)
        } else {
            plain = value.toString(); // text, numbers, LocalDate (ISO)
        }
        for (int i = 0; i < plain.length(); i++) {
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
}
