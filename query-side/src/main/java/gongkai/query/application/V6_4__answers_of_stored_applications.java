package gongkai.query.application;

import gongkai.events.calendar.WorkingDayCalendar;
import gongkai.query.calendar.KnownCalendar;
import gongkai.query.timeliness.TimelinessFigures.Answer;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Flyway migration in Java (Spring Boot hands it to Flyway as a bean): fills the columns V6_3 added,
 * each concluded application's part in the timeliness figures, for the applications stored before
 * them, on the calendar as known, with the same rule the projection follows
 * ({@link ApplicationClocks#answer}). Pages of 1000 applications, in the migration's transaction.
 */
@Component
public class V6_4__answers_of_stored_applications extends BaseJavaMigration {

    private static final int PAGE = 1000;

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        WorkingDayCalendar calendar = new KnownCalendar(jdbc).current();
        String after = "";
        while (true) {
            List<Map.Entry<String, Answer>> answers = new ArrayList<>();
            // The row is read with today's mapping, which also reads the columns added after 6.4 (V19_1): at
            // this point of the migrations they do not exist yet, and hold nothing for an answer.
            jdbc.query("select *, null::date as extension_requested_on, null::date as awaiting_sign_in_since"
                       + " from application_case where concluded_on is not null and application_id > ? "
                       + "order by application_id limit " + PAGE,
                       rs -> {
                           answers.add(Map.entry(rs.getString("application_id"),
                                                 ApplicationClocks.answer(ApplicationCases.FACTS.mapRow(rs, 0),
                                                                          ApplicationClocks.DEADLINE.mapRow(rs, 0), calendar)));
                       }, after);
            if (answers.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("update application_case set answer_kind = ?, answer_extended = ?, answer_working_days = ? "
                             + "where application_id = ?", answers, PAGE, (ps, answer) -> {
                                 ApplicationClocks.bind(ps, 1, answer.getValue());
                                 ps.setString(4, answer.getKey());
                             });
            after = answers.get(answers.size() - 1).getKey();
        }
    }
}
