package gongkai.query.timeliness;

import gongkai.query.reads.ReadBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** {@link #of(ReadBatch, String, int)} of each of the agencies apart, in one read (the oversight board); ask once. */
    public Supplier<Map<String, TimelinessFigures>> byAgency(ReadBatch batch, List<String> agencies, int year) {
        Supplier<Map<String, List<TimelinessFigures.Answers>>> answers = tally.answersByAgency(batch, agencies, year);
        return () -> {
            Map<String, TimelinessFigures> byAgency = new HashMap<>();
            for (String agency : agencies) {
                byAgency.put(agency, TimelinessFigures.of(agency, year, answers.get().getOrDefault(agency, List.of())));
            }
            return byAgency;
        };
    }
}
