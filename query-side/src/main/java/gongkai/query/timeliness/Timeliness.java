package gongkai.query.timeliness;

import gongkai.query.reads.ReadBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.function.Supplier;

/** An agency's {@link TimelinessFigures} of a year, from the applications' stored parts in them. */
@Service
public class Timeliness {

    private final JdbcTemplate jdbc;
    private final TimelinessTally tally;

    public Timeliness(JdbcTemplate jdbc, TimelinessTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    public TimelinessFigures of(String agencyId, int year) {
        return ReadBatch.now(jdbc, batch -> of(batch, agencyId, year));
    }

    /**
     * {@link #of(String, int)} read in a batch of other reads: the year's tally of the applications' stored parts
     * ({@link TimelinessFigures.Answer}, {@link TimelinessTally}), a few rows whatever the agency's size.
     */
    public Supplier<TimelinessFigures> of(ReadBatch batch, String agencyId, int year) {
        Supplier<List<TimelinessFigures.Answers>> answers = tally.answers(batch, agencyId, year);
        return () -> TimelinessFigures.of(agencyId, year, answers.get());
    }
}
