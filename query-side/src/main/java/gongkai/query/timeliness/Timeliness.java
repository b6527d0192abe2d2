package gongkai.query.timeliness;

import gongkai.query.reads.ReadBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** An agency's {@link TimelinessFigures} of a year, from the applications' stored parts in them. */
@Service
public class Timeliness {

    private final JdbcTemplate jdbc;

    public Timeliness(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public TimelinessFigures of(String agencyId, int year) {
        return ReadBatch.now(jdbc, batch -> of(batch, agencyId, year));
    }

    /**
     * {@link #of(String, int)} read in a batch of other reads: the applications concluded in the year,
     * counted together where their stored parts ({@link TimelinessFigures.Answer}) are alike, so that the
     * read is a few rows whatever the agency's size.
     */
    public Supplier<TimelinessFigures> of(ReadBatch batch, String agencyId, int year) {
        Supplier<List<TimelinessFigures.Answers>> answers = batch.list(
                "select answer_kind, answer_extended, answer_working_days, count(*), coalesce(sum(paused_working_days), 0) "
                + "from application_case where agency_id = ? and concluded_on between ? and ? and answer_kind is not null "
                + "group by answer_kind, answer_extended, answer_working_days",
                (rs, i) -> new TimelinessFigures.Answers(
                        new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.valueOf(rs.getString(1)), rs.getBoolean(2),
                                                     (Integer) rs.getObject(3)),
                        rs.getInt(4), rs.getInt(5)),
                agencyId, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
        return () -> TimelinessFigures.of(agencyId, year, answers.get());
    }
}
