package gongkai.query.timeliness;

import gongkai.query.reads.InList;
import gongkai.query.reads.ReadBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** {@link #of(ReadBatch, String, int)} of each of the agencies apart, in one read (the oversight board); ask once. */
    public Supplier<Map<String, TimelinessFigures>> byAgency(ReadBatch batch, List<String> agencies, int year) {
        Supplier<Map<String, List<TimelinessFigures.Answers>>> answers = batch.query(
                "select agency_id, answer_kind, answer_extended, answer_working_days, count(*), "
                + "coalesce(sum(paused_working_days), 0) from application_case where " + InList.any("agency_id")
                + " and concluded_on between ? and ? and answer_kind is not null "
                + "group by agency_id, answer_kind, answer_extended, answer_working_days",
                rs -> {
                    Map<String, List<TimelinessFigures.Answers>> byAgency = new HashMap<>();
                    while (rs.next()) {
                        byAgency.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(new TimelinessFigures.Answers(
                                new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.valueOf(rs.getString(2)),
                                                             rs.getBoolean(3), (Integer) rs.getObject(4)),
                                rs.getInt(5), rs.getInt(6)));
                    }
                    return byAgency;
                },
                InList.array(agencies), Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
        return () -> {
            Map<String, TimelinessFigures> byAgency = new HashMap<>();
            for (String agency : agencies) {
                byAgency.put(agency, TimelinessFigures.of(agency, year, answers.get().getOrDefault(agency, List.of())));
            }
            return byAgency;
        };
    }
}
