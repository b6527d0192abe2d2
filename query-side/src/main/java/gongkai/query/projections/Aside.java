package gongkai.query.projections;

import gongkai.query.rows.CopyRows;
import gongkai.query.threads.DaemonThreads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The rows of a bulk rebuild's tables that its handlers never read back while they follow the stream (the audit
 * trail, the due-date history), copied on a connection and in a thread of their own while the next chunk is folded:
 * the fold then waits neither for their text nor for PostgreSQL writing them. Each copy commits on its own (the
 * staging copies are dropped whatever fails); a chunk's copies are finished before the chunk after it ends, so at
 * most two chunks' rows wait in memory. A handler that does read such a table first waits for every copy
 * ({@link BulkRows#settleAside}).
 */
final class Aside implements AutoCloseable {

    private final Connection connection;
    private final JdbcTemplate jdbc;
    private final String schema;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(DaemonThreads.named("gongkai-bulk-rebuild-aside"));
    private List<Future<?>> chunkBefore = new ArrayList<>();
    private List<Future<?>> thisChunk = new ArrayList<>();

    /**
     * On a connection of its own from {@code dataSource}, into the tables of {@code schema} (the staging copies), named
     * in full: the connection goes back to the pool as it came, its search path untouched.
     */
    Aside(DataSource dataSource, String schema) throws SQLException {
        this.connection = dataSource.getConnection();
        this.schema = schema;
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    <T> void copy(String table, String columns, List<T> rows, Function<T, Object[]> values) {
        thisChunk.add(thread.submit(() -> CopyRows.copy(jdbc, schema + "." + table, columns, rows, values)));
    }

    /** A chunk has ended: waits for the copies of the chunk before it. */
    void chunkEnded() throws Exception {
        await(chunkBefore);
        chunkBefore = thisChunk;
        thisChunk = new ArrayList<>();
    }

    /** Waits for every copy handed so far; the first that failed is thrown. */
    void settle() throws Exception {
        await(chunkBefore);
        await(thisChunk);
    }

    private static void await(List<Future<?>> copies) throws Exception {
        try {
            for (Future<?> copy : copies) {
                copy.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            copies.clear();
        }
    }

    @Override
    public void close() throws SQLException {
        thread.shutdownNow();
        connection.close();
    }
}
