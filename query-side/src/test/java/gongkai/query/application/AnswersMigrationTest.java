package gongkai.query.application;

import gongkai.command.testing.RunningCommandSide;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java migration V6_4 gives the applications stored before V6_3 their part in the timeliness figures,
 * by the projection's own rule: a database migrated up to 6.3 with applications in it, then to the end.
 */
class AnswersMigrationTest {

    @Test
    void applicationsStoredBeforeTheAnswersWereKeptGetThemWhenTheQuerySideIsUpgraded() {
        try (RunningCommandSide commandSide = RunningCommandSide.onNewDatabase()) {
            DriverManagerDataSource database = new DriverManagerDataSource(commandSide.databaseUrl(), "postgres", "postgres");
            querySideMigrations(database).target("6.3").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(database);
            // As ReplyClockProjectionTest counts them on the shipped calendar of 2024: received Mon 5 Feb,
            // due Fri 8 Mar; answered that day after 20 working days (on time), or Mon 11 Mar after 21 (late,
            // and extended); withdrawn on 20 Feb; still open.
            stored(jdbc, "on-time", "2024-03-08", "2024-03-08", false, "DISCLOSED", null);
            stored(jdbc, "late", "2024-03-11", "2024-03-08", false, "DISCLOSED", 10);
            stored(jdbc, "withdrawn", "2024-02-20", null, true, null, null);
            stored(jdbc, "open", null, null, false, null, null);

            querySideMigrations(database).load().migrate();

            assertThat(answer(jdbc, "on-time")).containsExactly("ON_TIME", false, 20);
            assertThat(answer(jdbc, "late")).containsExactly("LATE", true, 21);
            assertThat(answer(jdbc, "withdrawn")).containsExactly("WITHDRAWN", false, null);
            assertThat(answer(jdbc, "open")).containsExactly(null, null, null);
        }
    }

    private static FluentConfiguration querySideMigrations(DriverManagerDataSource database) {
        return Flyway.configure().dataSource(database).schemas("query_side").defaultSchema("query_side")
                     .locations("classpath:db/query-side").javaMigrations(new V6_4__answers_of_stored_applications());
    }

    private static void stored(JdbcTemplate jdbc, String id, String concludedOn, String dueOn, boolean withdrawn,
                               String outcome, Integer extension) {
        jdbc.update("insert into query_side.application_case (application_id, agency_id, applicant_type, channel, received_on, "
                    + "state, withdrawn, concluded_on, outcome, extension_working_days, recorded_at, last_recorded_at, "
                    + "event_count, clock_state, due_on, due_explanation, paused_working_days, counted_working_days) "
                    + "values (?, 'upgraded', 'NATURAL_PERSON', 'MAIL', date '2024-02-05', ?, ?, ?::date, ?, ?, now(), now(), 2, "
                    + "?, ?::date, '', 0, 20)",
                    id, concludedOn == null ? "IN_PROGRESS" : withdrawn ? "WITHDRAWN" : "CONCLUDED", withdrawn, concludedOn, outcome, extension,
                    concludedOn == null ? "RUNNING" : "CONCLUDED", dueOn);
    }

    private static Object[] answer(JdbcTemplate jdbc, String id) {
        Map<String, Object> row = jdbc.queryForMap("select answer_kind, answer_extended, answer_working_days "
                                                   + "from query_side.application_case where application_id = ?", id);
        return new Object[]{row.get("answer_kind"), row.get("answer_extended"), row.get("answer_working_days")};
    }
}
