package gongkai.query.timeliness;

import gongkai.events.calendar.WorkingDayCalendar;
import gongkai.query.calendar.KnownCalendar;
import gongkai.query.reads.ReadBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** An agency's {@link TimelinessFigures} of a year, from the applications' stored clocks. */
@Service
public class Timeliness {

    private final JdbcTemplate jdbc;
    private final KnownCalendar calendar;

    public Timeliness(JdbcTemplate jdbc, KnownCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public TimelinessFigures of(String agencyId, int year) {
        return ReadBatch.now(jdbc, batch -> of(batch, agencyId, year));
    }

    /** {@link #of(String, int)} read in a batch of other reads. */
    public Supplier<TimelinessFigures> of(ReadBatch batch, String agencyId, int year) {
        Supplier<List<TimelinessFigures.Concluded>> cases = batch.list(
                "select received_on, concluded_on, due_on, withdrawn, outcome, extension_working_days, paused_working_days "
                + "from application_case where agency_id = ? and concluded_on between ? and ?",
                (rs, i) -> new TimelinessFigures.Concluded(
                        rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getBoolean(4) && rs.getString(5) == null,
                        rs.getInt(6), rs.getInt(7)),
                agencyId, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
        Supplier<WorkingDayCalendar> known = calendar.current(batch);
        return () -> TimelinessFigures.of(agencyId, year, cases.get(), known.get());
    }
}
