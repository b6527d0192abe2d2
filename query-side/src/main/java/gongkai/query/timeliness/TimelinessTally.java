package gongkai.query.timeliness;

import gongkai.query.projections.BulkRows;
import gongkai.query.reads.InList;
import gongkai.query.reads.ReadBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The table {@code timeliness_tally} (V21_20): per agency and year of the answer, how many applications
 * share each part in the {@link TimelinessFigures} ({@link TimelinessFigures.Answer}) and their paused
 * working days. The report of now reads these few rows instead of every application answered in the year.
 *
 * <p>Every write of the applications' parts moves the tally by the difference between their parts as stored
 * before it and as it writes them, in the write's own transaction: {@link #moveBy} with both known to the writer (a
 * projection's batch, which read each stored application it follows), {@link #around} reading them before and
 * after the write (a calendar publication's recount). The tally therefore equals the parts grouped whatever the
 * write changed (the answer, its date, the agency after a transfer, the working days after a calendar
 * publication).
 */
@Repository
public class TimelinessTally {

    /** One tally row's key. */
    private record Key(String agencyId, int year, String kind, Boolean extended, Integer workingDays) {
    }

    /** A count of applications and their paused working days. */
    private record Part(long answers, long paused) {
        Part plus(Part other) {
            return new Part(answers + other.answers, paused + other.paused);
        }

        Part negated() {
            return new Part(-answers, -paused);
        }
    }

    /**
     * Batches of different segments may move the same rows: each moves them in this one order, so that one
     * waits for the other's commit and none deadlocks.
     */
    private static final Comparator<Key> LOCK_ORDER = Comparator.comparing(Key::agencyId)
            .thenComparingInt(Key::year)
            .thenComparing(Key::kind)
            .thenComparing(Key::extended, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::workingDays, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final JdbcTemplate jdbc;

    public TimelinessTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One application's part in the tally: the row it counts in (its agency, the year of its answer, the answer's
     * kind, whether extended, its working days) and its paused working days.
     */
    public record Share(String agencyId, int year, String kind, Boolean extended, Integer workingDays, long paused) {

        /**
         * The part of an application with these columns of {@code application_case} (V6_3); null for one not
         * answered, which counts in no row.
         */
        public static Share of(String agencyId, LocalDate concludedOn, String answerKind, Boolean answerExtended,
                               Integer answerWorkingDays, Integer pausedWorkingDays) {
            if (answerKind == null || concludedOn == null) {
                return null;
            }
            return new Share(agencyId, concludedOn.getYear(), answerKind, answerExtended, answerWorkingDays,
                             pausedWorkingDays == null ? 0 : pausedWorkingDays);
        }

        /** The part of an application answered as {@code answer} (null: not answered), as a batch writes it. */
        public static Share of(String agencyId, LocalDate concludedOn, TimelinessFigures.Answer answer,
                               Integer pausedWorkingDays) {
            return answer == null ? null : of(agencyId, concludedOn, answer.kind().name(), answer.extended(),
                                              answer.workingDaysToAnswer(), pausedWorkingDays);
        }

        private Key key() {
            return new Key(agencyId, year, kind, extended, workingDays);
        }
    }

    /**
     * Moves the tally by the applications' parts as written ({@code after}) less their parts as stored before the
     * write ({@code before}; none for an application not stored yet), in lock order. A bulk rebuild moves it once,
     * after its last chunk.
     */
    public void moveBy(Collection<Share> before, Collection<Share> after) {
        Map<Key, Part> moves = new HashMap<>();
        after.forEach(share -> moves.merge(share.key(), new Part(1, share.paused()), Part::plus));
        before.forEach(share -> moves.merge(share.key(), new Part(-1, -share.paused()), Part::plus));
        BulkRows.gatheredUntilTheEnd(TimelinessTally.class.getName(), HashMap<Key, Part>::new, this::move)
                .ifPresentOrElse(gathered -> moves.forEach((key, part) -> gathered.merge(key, part, Part::plus)),
                                 () -> move(moves));
    }

    /** Runs {@code write} (which writes the applications' rows) and moves the tally by what it changed, read before and after. */
    public void around(Collection<String> applicationIds, Runnable write) {
        List<String> ids = List.copyOf(applicationIds);
        Map<Key, Part> before = parts(ids);
        write.run();
        Map<Key, Part> moves = new HashMap<>();
        parts(ids).forEach((key, part) -> moves.merge(key, part, Part::plus));
        before.forEach((key, part) -> moves.merge(key, part.negated(), Part::plus));
        move(moves);
    }

    /** The tally of an agency's year, in a batch of other reads. */
    Supplier<List<TimelinessFigures.Answers>> answers(ReadBatch batch, String agencyId, int year) {
        return batch.list("select answer_kind, answer_extended, answer_working_days, answers, paused_working_days "
                          + "from timeliness_tally where agency_id = ? and year = ? and answers <> 0",
                          (rs, i) -> new TimelinessFigures.Answers(
                                  new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.valueOf(rs.getString(1)),
                                                               rs.getBoolean(2), (Integer) rs.getObject(3)),
                                  rs.getInt(4), Math.toIntExact(rs.getLong(5))),
                          agencyId, year);
    }

    /** The tallies of the agencies' year, each agency's apart, in one read (the oversight board of a subtree). */
    Supplier<Map<String, List<TimelinessFigures.Answers>>> answersByAgency(ReadBatch batch, List<String> agencies, int year) {
        return batch.query("select agency_id, answer_kind, answer_extended, answer_working_days, answers, paused_working_days "
                           + "from timeliness_tally where " + InList.any("agency_id") + " and year = ? and answers <> 0",
                           rs -> {
                               Map<String, List<TimelinessFigures.Answers>> byAgency = new HashMap<>();
                               while (rs.next()) {
                                   byAgency.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(
                                           new TimelinessFigures.Answers(
                                                   new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.valueOf(rs.getString(2)),
                                                                                rs.getBoolean(3), (Integer) rs.getObject(4)),
                                                   rs.getInt(5), Math.toIntExact(rs.getLong(6))));
                               }
                               return byAgency;
                           }, InList.array(agencies), year);
    }

    /** For a projection's reset, with the applications' rows. */
    public void deleteAll() {
        jdbc.update("delete from timeliness_tally");
    }

    private Map<Key, Part> parts(List<String> applicationIds) {
        Map<Key, Part> parts = new HashMap<>();
        if (applicationIds.isEmpty()) {
            return parts;
        }
        jdbc.query("select agency_id, extract(year from concluded_on)::integer, answer_kind, answer_extended, "
                   + "answer_working_days, count(*), coalesce(sum(paused_working_days), 0) from application_case where "
                   + InList.of("application_id", applicationIds) + " and answer_kind is not null and concluded_on is not null "
                   + "group by 1, 2, 3, 4, 5",
                   rs -> {
                       parts.put(new Key(rs.getString(1), rs.getInt(2), rs.getString(3), (Boolean) rs.getObject(4),
                                         (Integer) rs.getObject(5)), new Part(rs.getLong(6), rs.getLong(7)));
                   }, applicationIds.toArray());
        return parts;
    }

    /** Gathered in any order, written in {@link #LOCK_ORDER}. */
    private void move(Map<Key, Part> moves) {
        List<Map.Entry<Key, Part>> rows = moves.entrySet().stream().filter(move -> move.getValue().answers != 0
                                                                                   || move.getValue().paused != 0)
                                               .sorted(Map.Entry.comparingByKey(LOCK_ORDER)).toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into timeliness_tally (agency_id, year, answer_kind, answer_extended, answer_working_days, "
                         + "answers, paused_working_days) values (?, ?, ?, ?, ?, ?, ?) "
                         + "on conflict (agency_id, year, answer_kind, answer_extended, answer_working_days) do update set "
                         + "answers = timeliness_tally.answers + excluded.answers, "
                         + "paused_working_days = timeliness_tally.paused_working_days + excluded.paused_working_days",
                         rows, rows.size(), (ps, row) -> {
                             Key key = row.getKey();
                             ps.setString(1, key.agencyId());
                             ps.setInt(2, key.year());
                             ps.setString(3, key.kind());
                             ps.setObject(4, key.extended(), java.sql.Types.BOOLEAN);
                             ps.setObject(5, key.workingDays(), java.sql.Types.INTEGER);
                             ps.setLong(6, row.getValue().answers());
                             ps.setLong(7, row.getValue().paused());
                         });
    }
}
