package gongkai.query.projections;

import gongkai.query.rows.CopyRows;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
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
 * execution per row). A projection asks {@link #underWay()} and writes through {@link #copy} if so.
 */
public final class BulkRows {

    /** The resource a bulk rebuild's unit of work carries. */
    static final String CHUNK = BulkRows.class.getName() + ".chunk";

    private BulkRows() {
    }

    /** Whether the current unit of work is a chunk of a bulk rebuild. */
    public static boolean underWay() {
        return current() != null;
    }

    /** The bulk rebuild the current unit of work is a chunk of; null when none. */
    private static Rebuild current() {
        return CurrentUnitOfWork.isStarted() ? (Rebuild) CurrentUnitOfWork.get().root().resources().get(CHUNK) : null;
    }

    /** Where the current bulk rebuild copies aside; null outside one. */
    private static Aside aside() {
        Rebuild rebuild = current();
        return rebuild == null ? null : rebuild.aside;
    }

    /**
     * When the current unit of work is a chunk of a bulk rebuild: what is gathered under {@code key} over the whole
     * rebuild (made by {@code create} in its first chunk), written once by {@code write} after its last chunk, into
     * the same staging copies. For rows that every chunk would otherwise write again (a few thousand agencies'
     * rows, a hundred times over). Empty outside a bulk rebuild.
     */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> gatheredUntilTheEnd(String key, Supplier<T> create, Consumer<T> write) {
        Rebuild rebuild = current();
        if (rebuild == null) {
            return Optional.empty();
        }
        return Optional.of((T) rebuild.gathered.computeIfAbsent(key, k -> {
            T gathered = create.get();
            rebuild.atTheEnd.add(() -> write.accept(gathered));
            return gathered;
        }));
    }

    /** What one bulk rebuild's chunks carry: what they gather until its end, and the copies made aside. */
    static final class Rebuild {
        private final Map<String, Object> gathered = new HashMap<>();
        private final List<Runnable> atTheEnd = new ArrayList<>();
        private final Aside aside;

        Rebuild(Aside aside) {
            this.aside = aside;
        }

        /** Writes what was gathered, after the last chunk (in the transaction of the caller). */
        void end() {
            atTheEnd.forEach(Runnable::run);
        }
    }

    /**
     * Copies the rows of a table the rebuild's handlers never read back while following into {@code table}'s
     * {@code columns}, aside (the rows and {@code values} then used in another thread: neither may change); where no
     * copy is made aside, at once ({@link #copy}).
     */
    public static <T> void copyAside(JdbcTemplate jdbc, String table, String columns, List<T> rows,
                                     Function<T, Object[]> values) {
        Aside aside = aside();
        if (aside == null) {
            copy(jdbc, table, columns, rows, values);
        } else if (!rows.isEmpty()) {
            aside.copy(table, columns, rows, values);
        }
    }

    /** Before a handler reads a table copied aside during a bulk rebuild: waits until every copy made aside is written. */
    public static void settleAside() {
        Aside aside = aside();
        if (aside != null) {
            try {
                aside.settle();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("a copy made aside failed", e);
            }
        }
    }

    /** Copies the rows into {@code table}'s {@code columns} ({@link CopyRows#copy}). */
    public static <T> void copy(JdbcTemplate jdbc, String table, String columns, List<T> rows, Function<T, Object[]> values) {
        CopyRows.copy(jdbc, table, columns, rows, values);
    }
}
