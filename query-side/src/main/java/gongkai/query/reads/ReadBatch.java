package gongkai.query.reads;

import org.postgresql.PGStatement;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Several independent selects sent to PostgreSQL in one round trip: the driver takes one statement
 * of several queries (its parameters numbered across them) and sends them together. A report reads
 * a dozen small read models; answered one by one, the round trips were most of its time.
 * <p>
 * Reads are added first, each giving back a {@link Supplier} of its result, then the batch is
 * {@link #run run} once; a supplier asked before that throws.
 */
public final class ReadBatch {

    private static final int ROWS_PER_FETCH = 2000;

    private final List<Read<?>> reads = new ArrayList<>();
    private boolean ran;

    /** One read: the rows of {@code sql} with {@code args}, turned into a result by {@code extractor}. */
    public <T> Supplier<T> query(String sql, ResultSetExtractor<T> extractor, Object... args) {
        if (ran) {
            throw new IllegalStateException("this batch has already run");
        }
        Read<T> read = new Read<>(sql, args, extractor);
        reads.add(read);
        return read::result;
    }

    /** One read of rows, each mapped by {@code mapper}. */
    public <T> Supplier<List<T>> list(String sql, RowMapper<T> mapper, Object... args) {
        return query(sql, new RowMapperResultSetExtractor<>(mapper), args);
    }

    /**
     * Sends every read added, in one round trip, and keeps their results. A batch with a long list of values (a
     * province's agencies, {@link InList#plannedEachRun}) is sent read by read instead, each planned at its run and
     * its rows fetched in portions: those reads answer tens of thousands of rows, which held all at once outlived the
     * young generation of the heap, and a few more round trips cost nothing beside them.
     */
    public void run(JdbcTemplate jdbc) throws DataAccessException {
        ran = true;
        if (reads.isEmpty()) {
            return;
        }
        Object[] args = reads.stream().flatMap(read -> Arrays.stream(read.args())).toArray();
        if (Arrays.stream(args).anyMatch(InList::plannedEachRun)) {
            runReadByRead(jdbc);
            return;
        }
        String sql = String.join(";\n", reads.stream().map(Read::sql).toList());
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                new ArgumentPreparedStatementSetter(args).setValues(statement);
                statement.execute();
                for (int i = 0; i < reads.size(); i++) {
                    if (i > 0 && !statement.getMoreResults()) {
                        throw new SQLException("the batch answered " + i + " results for " + reads.size() + " reads");
                    }
                    try (ResultSet rows = statement.getResultSet()) {
                        reads.get(i).keep(rows);
                    }
                }
            }
            return null;
        });
    }

    private void runReadByRead(JdbcTemplate jdbc) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            // the driver fetches rows in portions only within a transaction: one of its own unless already in one
            boolean own = connection.getAutoCommit();
            if (own) {
                connection.setAutoCommit(false);
            }
            try {
                for (Read<?> read : reads) {
                    try (PreparedStatement statement = connection.prepareStatement(read.sql())) {
                        statement.unwrap(PGStatement.class).setPrepareThreshold(0); // never a server-side plan kept
                        statement.setFetchSize(ROWS_PER_FETCH);
                        new ArgumentPreparedStatementSetter(read.args()).setValues(statement);
                        try (ResultSet rows = statement.executeQuery()) {
                            read.keep(rows);
                        }
                    }
                }
                if (own) {
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (own) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (own) {
                    connection.setAutoCommit(true);
                }
            }
            return null;
        });
    }

    /** Runs a batch of just what {@code reads} adds: for a read also used on its own. */
    public static <T> T now(JdbcTemplate jdbc, Function<ReadBatch, Supplier<T>> reads) {
        ReadBatch batch = new ReadBatch();
        Supplier<T> result = reads.apply(batch);
        batch.run(jdbc);
        return result.get();
    }

    private static final class Read<T> {
        private final String sql;
        private final Object[] args;
        private final ResultSetExtractor<T> extractor;
        private T result;
        private boolean kept;

        Read(String sql, Object[] args, ResultSetExtractor<T> extractor) {
            this.sql = sql;
            this.args = args;
            this.extractor = extractor;
        }

        String sql() {
            return sql;
        }

        Object[] args() {
            return args;
        }

        void keep(ResultSet rows) throws SQLException {
            result = extractor.extractData(rows);
            kept = true;
        }

        T result() {
            if (!kept) {
                throw new IllegalStateException("the batch holding this read has not run");
            }
            return result;
        }
    }
}
