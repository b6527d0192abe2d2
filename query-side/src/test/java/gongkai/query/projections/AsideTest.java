package gongkai.query.projections;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows a bulk rebuild copies aside (the tables its handlers never read back) are all written, in the order they were
 * handed, once the fold waits for them; a copy that fails is thrown to the fold, which then gives the rebuild up.
 */
class AsideTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        jdbc.execute("create schema staging");
        jdbc.execute("create table staging.trail (id bigserial primary key, position bigint not null, summary text not null)");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void rowsCopiedAsideAreAllWrittenInTheOrderHandedOnceTheFoldWaitsForThem() throws Exception {
        jdbc.execute("truncate staging.trail");
        List<Long> handed = new ArrayList<>();
        try (Aside aside = new Aside(postgres.getPostgresDatabase(), "staging")) {
            for (int chunk = 0; chunk < 5; chunk++) {
                List<Long> rows = IntStream.range(0, 1000).mapToObj(i -> (long) handed.size() + i).toList();
                handed.addAll(rows);
                aside.copy("trail", "position, summary", rows, position -> new Object[]{position, "收到申请 " + position});
                aside.chunkEnded();
            }
            aside.settle();
        }
        assertThat(jdbc.queryForList("select position from staging.trail order by id", Long.class)).isEqualTo(handed);
        assertThat(jdbc.queryForObject("select summary from staging.trail where position = 4321", String.class))
                .isEqualTo("收到申请 4321");
    }

    @Test
    void aCopyAsideThatFailsIsThrownWhenTheFoldWaitsForIt() throws Exception {
        try (Aside aside = new Aside(postgres.getPostgresDatabase(), "staging")) {
            aside.copy("trail", "position, summary", List.of(1L), position -> new Object[]{position, null});
            aside.chunkEnded();
            assertThatThrownBy(aside::chunkEnded).hasMessageContaining("summary");
        }
    }
}
