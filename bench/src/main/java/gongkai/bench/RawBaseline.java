package gongkai.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

/** What PostgreSQL itself does on this machine: the yardstick every gongkai figure is divided by. */
final class RawBaseline {

    /** About 500 bytes of JSON, like a stored event. */
    private static final byte[] PAYLOAD = ("{\"applicationId\":\"" + UUID.randomUUID() + "\",\"agencyId\":\"xiaoying\","
            + "\"receivedOn\":\"2025-03-03\",\"channel\":\"ONLINE\",\"applicantType\":\"NATURAL_PERSON\","
            + "\"applicant\":{\"name\":\"申请人\",\"idNumber\":null,\"phone\":null,\"email\":null,\"address\":null},"
            + "\"request\":\"请公开2024年道路维修预算及其执行情况，包括招标文件、合同、验收报告和资金拨付凭证，以及相关会议纪要和审批文件。\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Benchmark.Database db;

    RawBaseline(Benchmark.Database db) throws java.sql.SQLException {
        this.db = db;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_raw_event (global_index bigserial primary key, "
                      + "aggregate_identifier varchar(64) not null, sequence_number bigint not null, "
                      + "payload bytea not null, unique (aggregate_identifier, sequence_number))");
        }
    }

    /** Single-row INSERT transactions per second (each committed durably) with {@code clients} connections. */
    double insertRate(int clients, int warmupSeconds, int seconds) throws Exception {
        return Load.run(clients, warmupSeconds, seconds, null, op -> {
            try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement(
                    "insert into bench_raw_event (aggregate_identifier, sequence_number, payload) values (?, ?, ?)")) {
                String aggregate = UUID.randomUUID().toString();
                long[] sequence = {0};
                while (op.running()) {
                    op.timed(() -> {
                        try {
                            insert.setString(1, aggregate);
                            insert.setLong(2, sequence[0]++);
                            insert.setBytes(3, PAYLOAD);
                            insert.executeUpdate();
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        });
    }

    /** A full sequential JDBC read of the event table, every column, in global order. */
    double sequentialReadRate() throws java.sql.SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select * from command_side.domain_event_entry order by global_index")) {
                s.setFetchSize(10_000);
                long start = System.nanoTime();
                long rows = 0;
                long bytes = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        bytes += rs.getBytes("payload").length + rs.getString("event_identifier").length();
                    }
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (bytes < 0) {
                    throw new IllegalStateException();
                }
                return rows / elapsed;
            }
        }
    }
}
