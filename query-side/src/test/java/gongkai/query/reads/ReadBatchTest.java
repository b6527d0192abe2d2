package gongkai.query.reads;

import gongkai.command.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadBatchTest {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void table() {
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(TestDatabase.newDatabase(), TestDatabase.USER, "", true));
        jdbc.execute("create table figure (agency_id text, year int, value int, recorded_at timestamptz)");
        jdbc.update("insert into figure values ('a', 2024, 1, '2024-03-01T00:00:00Z'), ('a', 2024, 2, '2024-06-01T00:00:00Z'), "
                    + "('a', 2025, 4, '2025-01-01T00:00:00Z'), ('b', 2024, 8, '2024-01-01T00:00:00Z')");
    }

    @Test
    void everyReadGetsItsOwnRowsWithItsOwnParametersNumberedAcrossTheBatch() {
        ReadBatch batch = new ReadBatch();
        Supplier<Integer> sumOfA2024 = batch.query("select sum(value) from figure where agency_id = ? and year = ?",
                                                   rs -> rs.next() ? rs.getInt(1) : null, "a", 2024);
        Supplier<List<Integer>> valuesBefore = batch.list(
                "select value from figure where recorded_at < ? order by value",
                (rs, i) -> rs.getInt(1), Timestamp.from(Instant.parse("2024-04-01T00:00:00Z")));
        Supplier<List<Integer>> none = batch.list("select value from figure where agency_id = ?",
                                                  (rs, i) -> rs.getInt(1), "nobody");
        Supplier<Long> count = batch.query("select count(*) from figure", rs -> rs.next() ? rs.getLong(1) : -1);

        batch.run(jdbc);

        assertThat(sumOfA2024.get()).isEqualTo(3);
        assertThat(valuesBefore.get()).containsExactly(1, 8);
        assertThat(none.get()).isEmpty();
        assertThat(count.get()).isEqualTo(4L);
    }

    @Test
    void aReadAskedBeforeItsBatchRanIsRefusedAndABatchRunsOnce() {
        ReadBatch batch = new ReadBatch();
        Supplier<Long> count = batch.query("select count(*) from figure", rs -> rs.next() ? rs.getLong(1) : -1);
        assertThatThrownBy(count::get).isInstanceOf(IllegalStateException.class);

        batch.run(jdbc);
        assertThatThrownBy(() -> batch.query("select 1", rs -> 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSingleReadRunsOnItsOwn() {
        Integer highest = ReadBatch.now(jdbc, batch -> batch.query("select max(value) from figure where year = ?",
                                                                   rs -> rs.next() ? rs.getInt(1) : null, 2024));
        assertThat(highest).isEqualTo(8);
    }

    @Test
    void aLongListOfValuesIsPlannedAtEveryRunWhileAShortOneKeepsItsPlan() {
        List<String> many = new java.util.ArrayList<>(List.of("a", "b"));
        for (int i = 0; i < 200; i++) {
            many.add("agency-" + i);
        }
        String sumOf = "select sum(value) from figure where " + InList.any("agency_id") + " and year = ";
        for (int run = 0; run < 8; run++) { // past the runs after which the driver keeps a statement's plan
            Integer ofMany = ReadBatch.now(jdbc, batch -> batch.query(sumOf + "2024", rs -> rs.next() ? rs.getInt(1) : null,
                                                                      InList.array(many)));
            Integer ofTwo = ReadBatch.now(jdbc, batch -> batch.query(sumOf + "2025", rs -> rs.next() ? rs.getInt(1) : null,
                                                                     InList.array(List.of("a", "b"))));
            assertThat(ofMany).isEqualTo(11);
            assertThat(ofTwo).isEqualTo(4);
        }
        List<String> kept = jdbc.queryForList("select statement from pg_prepared_statements", String.class);
        assertThat(kept).noneMatch(statement -> statement.contains("2024")).anyMatch(statement -> statement.contains("2025"));
    }

    @Test
    void aReadWithALongListHasEveryRowFetchedInPortionsAndLeavesTheConnectionAsItFoundIt() {
        jdbc.execute("create table tally (agency_id text, value int)");
        jdbc.update("insert into tally select 'agency-' || (i % 300), 1 from generate_series(1, 5000) i");
        List<String> agencies = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            agencies.add("agency-" + i);
        }
        ReadBatch batch = new ReadBatch();
        Supplier<List<Integer>> rows = batch.list("select value from tally where " + InList.any("agency_id"),
                                                  (rs, i) -> rs.getInt(1), InList.array(agencies));
        Supplier<Long> count = batch.query("select count(*) from figure", rs -> rs.next() ? rs.getLong(1) : -1);
        batch.run(jdbc);

        assertThat(rows.get()).hasSize(5000);
        assertThat(count.get()).isEqualTo(4L);
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            assertThat(connection.getAutoCommit()).isTrue();
            return null;
        });
    }
}
