package gongkai.query.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.calendar.ClockEvent;
import gongkai.events.calendar.ProvisionalCalendar;
import gongkai.events.calendar.ProvisionalCalendar.ProvisionalDue;
import gongkai.events.calendar.ReplyClock;
import gongkai.events.calendar.ReplyDeadline;
import gongkai.events.calendar.WorkingDayCalendar;
import gongkai.query.calendar.ClockLock;
import gongkai.query.calendar.DueDatesOnCalendar;
import gongkai.query.calendar.KnownCalendar;
import gongkai.query.counting.ApplicationFacts;
import gongkai.query.timeliness.TimelinessFigures.Answer;
import gongkai.query.timeliness.TimelinessFigures;
import gongkai.query.timeliness.TimelinessTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import gongkai.query.projections.BulkRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reply clock of every application, in {@code application_case} (its {@link ClockEntries} and what
 * {@link ReplyClock} made of them) and {@code application_due_history} (every move, with its cause).
 *
 * <p>The clock is counted again after each of the application's events ({@link #follow}), and for every
 * application a calendar publication touches ({@link #recomputeTouching}); always on the calendar as
 * known ({@link KnownCalendar}) under the {@link ClockLock}. A history row is written when the due date,
 * the state of the clock, the supplement-request deadline or the reason a date is unknown changes.
 *
 * <p>A sequence of facts {@code ReplyClock} refuses (the command side never records one, but a
 * projection must never stop on its input) leaves the due date unknown with the reason, and is
 * logged with the application's id and the refusal, which name dates only, never personal data.
 */
@Repository
public class ApplicationClocks implements DueDatesOnCalendar {

    private static final Logger log = LoggerFactory.getLogger(ApplicationClocks.class);
    static final int MAX_EXPLANATION = 2000;
    static final int MAX_REASON = 500;

    /** One row of the due-date history. */
    public record DueChange(LocalDate dueOn, ReplyDeadline.State clockState, LocalDate supplementRequestDeadline,
                            String unknownReason, String explanation, LocalDate provisionalDueOn,
                            String provisionalExplanation, Instant recordedAt, String causedByEventId, String cause) {

        /** Whether this row's due date is provisional (暂定): no official one, a provisional one beside it. */
        @JsonProperty("dueProvisional")
        public boolean dueProvisional() {
            return dueOn == null && provisionalDueOn != null;
        }
    }

    private record Stored(String applicationId, List<ClockEvent> entries, ReplyDeadline deadline, ApplicationFacts facts,
                          Answer answer, ProvisionalDue provisional) {
    }

    /** The stored clock of a row of {@code application_case} read with {@code select *}; null if never counted. */
    public static final RowMapper<ReplyDeadline> DEADLINE = (rs, i) -> deadline(rs);

    private final JdbcTemplate jdbc;
    private final KnownCalendar calendar;
    private final ClockLock lock;
    private final TimelinessTally timeliness;

    public ApplicationClocks(JdbcTemplate jdbc, KnownCalendar calendar, ClockLock lock, TimelinessTally timeliness) {
        this.jdbc = jdbc;
        this.timeliness = timeliness;
        this.calendar = calendar;
        this.lock = lock;
    }

    /** The provisional due date of a row of {@code application_case} read with {@code select *}; null if none. */
    public static final RowMapper<ProvisionalDue> PROVISIONAL = (rs, i) -> storedProvisional(rs);

    /** A move of a due date, to be written with the batch that made it. */
    record HistoryRow(String applicationId, ReplyDeadline deadline, ProvisionalDue provisional, Instant recordedAt,
                      String eventId, String cause) {
    }

    /** Writes the moves of due dates a batch of application events made. */
    void writeHistory(List<HistoryRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (BulkRows.underWay()) {
            BulkRows.copyAside(jdbc, "application_due_history", "application_id, due_on, clock_state, "
                                                                + "supplement_request_deadline, unknown_reason, explanation, "
                                                                + "recorded_at, caused_by_event_id, cause, provisional_due_on, "
                                                                + "provisional_explanation", rows, r -> {
                ReplyDeadline d = r.deadline();
                return new Object[]{r.applicationId(), d.dueOn(), d.state(), d.supplementRequestDeadline(),
                                    clip(d.unknownReason(), MAX_REASON), clip(d.explanation(), MAX_EXPLANATION), r.recordedAt(),
                                    r.eventId(), clip(r.cause(), MAX_REASON),
                                    r.provisional() == null ? null : r.provisional().dueOn(),
                                    r.provisional() == null ? null : clip(r.provisional().explanation(), MAX_EXPLANATION)};
            });
            return;
        }
        jdbc.batchUpdate("insert into application_due_history (application_id, due_on, clock_state, supplement_request_deadline, "
                         + "unknown_reason, explanation, recorded_at, caused_by_event_id, cause, provisional_due_on, "
                         + "provisional_explanation) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         rows, rows.size(), (ps, r) -> {
                             ReplyDeadline d = r.deadline();
                             ps.setString(1, r.applicationId());
                             ps.setDate(2, date(d.dueOn()));
                             ps.setString(3, d.state().name());
                             ps.setDate(4, date(d.supplementRequestDeadline()));
                             ps.setString(5, clip(d.unknownReason(), MAX_REASON));
                             ps.setString(6, clip(d.explanation(), MAX_EXPLANATION));
                             ps.setTimestamp(7, Timestamp.from(r.recordedAt()));
                             ps.setString(8, r.eventId());
                             ps.setString(9, clip(r.cause(), MAX_REASON));
                             ps.setDate(10, r.provisional() == null ? null : date(r.provisional().dueOn()));
                             ps.setString(11, r.provisional() == null ? null
                                                                      : clip(r.provisional().explanation(), MAX_EXPLANATION));
                         });
    }

    /**
     * After a publication of the calendar of {@code year}: counts again every application whose period
     * touches that year (received in or before it, and due in or after it, or not due yet, or concluded
     * in or after it), open or concluded. Returns how many due dates (or clock states) moved.
     */
    @Override
    public int recomputeTouching(int year, WorkingDayCalendar calendar, String cause, String eventId, Instant recordedAt) {
        List<Stored> touched = new ArrayList<>();
        Date first = Date.valueOf(LocalDate.of(year, 1, 1));
        Date last = Date.valueOf(LocalDate.of(year, 12, 31));
        jdbc.query("select * from application_case where received_on <= ? and clock_events is not null "
                   + "and (due_on is null or due_on >= ? or concluded_on >= ?)",
                   rs -> {
                       touched.add(stored(rs));
                   }, last, first, first);
        int moved = 0;
        for (Stored s : touched) {
            ReplyDeadline now = count(s.applicationId(), s.entries(), calendar);
            ProvisionalDue provisional = provisional(s.entries(), now, calendar);
            Answer answer = answer(s.facts(), now, calendar);
            if (!now.equals(s.deadline()) || !Objects.equals(answer, s.answer())
                || !sameProvisional(provisional, s.provisional())) {
                timeliness.around(List.of(s.applicationId()),
                                  () -> save(s.applicationId(), s.entries(), now, answer, provisional));
            }
            if (moved(s.deadline(), s.provisional(), now, provisional)) {
                history(s.applicationId(), now, provisional, recordedAt, eventId, cause);
                moved++;
            }
        }
        return moved;
    }

    /** The application's due-date history, oldest first. */
    public List<DueChange> history(String applicationId) {
        return jdbc.query("select due_on, clock_state, supplement_request_deadline, unknown_reason, explanation, "
                          + "provisional_due_on, provisional_explanation, "
                          + "recorded_at, caused_by_event_id, cause from application_due_history "
                          + "where application_id = ? order by id",
                          (rs, i) -> new DueChange(localDate(rs, "due_on"),
                                                   ReplyDeadline.State.valueOf(rs.getString("clock_state")),
                                                   localDate(rs, "supplement_request_deadline"),
                                                   rs.getString("unknown_reason"), rs.getString("explanation"),
                                                   localDate(rs, "provisional_due_on"),
                                                   rs.getString("provisional_explanation"),
                                                   rs.getTimestamp("recorded_at").toInstant(),
                                                   rs.getString("caused_by_event_id"), rs.getString("cause")),
                          applicationId);
    }

    public void deleteHistory() {
        jdbc.update("delete from application_due_history");
    }

    /** The clock counted on {@code calendar}; never throws (see the class comment). */
    static ReplyDeadline count(String applicationId, List<ClockEvent> entries, WorkingDayCalendar calendar) {
        try {
            return new ReplyClock(calendar).compute(ClockEntries.inDateOrder(entries));
        } catch (RuntimeException e) {
            log.warn("The reply clock of application {} cannot be counted: {}", applicationId, e.getMessage());
            boolean concluded = entries.stream().anyMatch(ClockEvent.Concluded.class::isInstance);
            String reason = clip("办理记录的日期无法据以计算答复期限 (the recorded dates cannot be counted: "
                                 + e.getMessage() + ")", MAX_REASON);
            return new ReplyDeadline(concluded ? ReplyDeadline.State.CONCLUDED : ReplyDeadline.State.RUNNING, null,
                                     "答复期限无法计算：" + reason, null, reason, 0, 0, 0);
        }
    }

    /**
     * The application's part in the timeliness figures of the year it was concluded in, counted on
     * {@code calendar} against its reply period; null while it is not concluded.
     */
    static Answer answer(ApplicationFacts f, ReplyDeadline d, WorkingDayCalendar calendar) {
        if (f.concludedOn() == null) {
            return null;
        }
        return TimelinessFigures.answerOf(new TimelinessFigures.Concluded(
                f.receivedOn(), f.concludedOn(), d == null ? null : d.dueOn(), f.withdrawn() && f.outcome() == null,
                f.extensionWorkingDays() == null ? 0 : f.extensionWorkingDays()), calendar);
    }

    /** The three columns of an {@link Answer} (V6_3), from the given index on. */
    static void bind(PreparedStatement ps, int index, Answer answer) throws SQLException {
        ps.setString(index, answer == null ? null : answer.kind().name());
        ps.setObject(index + 1, answer == null ? null : answer.extended(), java.sql.Types.BOOLEAN);
        ps.setObject(index + 2, answer == null ? null : answer.workingDaysToAnswer(), java.sql.Types.INTEGER);
    }

    /**
     * The provisional due date beside a clock that a missing calendar year leaves without an official one
     * ({@link ProvisionalCalendar}); null when the clock has one, or does not run. Never throws.
     */
    static ProvisionalDue provisional(List<ClockEvent> entries, ReplyDeadline deadline, WorkingDayCalendar calendar) {
        if (entries == null || entries.isEmpty() || deadline == null) {
            return null;
        }
        try {
            return ProvisionalCalendar.dueOf(calendar, ClockEntries.inDateOrder(entries), deadline).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@link #moved(ReplyDeadline, ReplyDeadline)}, or the provisional due date beside it moved. */
    static boolean moved(ReplyDeadline before, ProvisionalDue provisionalBefore, ReplyDeadline now,
                         ProvisionalDue provisionalNow) {
        return moved(before, now) || !Objects.equals(provisionalBefore == null ? null : provisionalBefore.dueOn(),
                                                     provisionalNow == null ? null : provisionalNow.dueOn());
    }

    /** Whether the change is one a clerk would want to see in the history. */
    static boolean moved(ReplyDeadline before, ReplyDeadline now) {
        return before == null
               || before.state() != now.state()
               || !Objects.equals(before.dueOn(), now.dueOn())
               || !Objects.equals(before.supplementRequestDeadline(), now.supplementRequestDeadline())
               || !Objects.equals(before.unknownReason(), now.unknownReason());
    }

    private void save(String applicationId, List<ClockEvent> entries, ReplyDeadline d, Answer answer,
                      ProvisionalDue provisional) {
        jdbc.update("update application_case set clock_events = ?, clock_state = ?, due_on = ?, due_explanation = ?, "
                    + "due_unknown_reason = ?, supplement_request_deadline = ?, paused_working_days = ?, "
                    + "counted_working_days = ?, answer_kind = ?, answer_extended = ?, answer_working_days = ?, "
                    + "provisional_due_on = ?, provisional_explanation = ? where application_id = ?",
                    ps -> {
                        ps.setString(1, ClockEntries.encode(entries));
                        ps.setString(2, d.state().name());
                        ps.setDate(3, date(d.dueOn()));
                        ps.setString(4, clip(d.explanation(), MAX_EXPLANATION));
                        ps.setString(5, clip(d.unknownReason(), MAX_REASON));
                        ps.setDate(6, date(d.supplementRequestDeadline()));
                        ps.setInt(7, d.pausedWorkingDays());
                        ps.setInt(8, d.countedWorkingDays());
                        bind(ps, 9, answer);
                        bindProvisional(ps, 12, provisional);
                        ps.setString(14, applicationId);
                    });
    }

    private void history(String applicationId, ReplyDeadline d, ProvisionalDue provisional, Instant recordedAt,
                         String eventId, String cause) {
        writeHistory(List.of(new HistoryRow(applicationId, d, provisional, recordedAt, eventId, cause)));
    }

    /** The same provisional date and explanation (the years it stood in for are not stored). */
    private static boolean sameProvisional(ProvisionalDue a, ProvisionalDue b) {
        return a == null ? b == null : b != null && a.dueOn().equals(b.dueOn())
                                       && Objects.equals(clip(a.explanation(), MAX_EXPLANATION), b.explanation());
    }

    /** The two columns of a {@link ProvisionalDue} (V15_2), from the given index on. */
    static void bindProvisional(PreparedStatement ps, int index, ProvisionalDue provisional) throws SQLException {
        ps.setDate(index, provisional == null ? null : date(provisional.dueOn()));
        ps.setString(index + 1, provisional == null ? null : clip(provisional.explanation(), MAX_EXPLANATION));
    }

    private static ProvisionalDue storedProvisional(ResultSet rs) throws SQLException {
        LocalDate dueOn = localDate(rs, "provisional_due_on");
        return dueOn == null ? null : new ProvisionalDue(dueOn, rs.getString("provisional_explanation"), List.of());
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getString("application_id"), ClockEntries.decode(rs.getString("clock_events")), deadline(rs),
                          ApplicationCases.FACTS.mapRow(rs, 0), storedAnswer(rs), storedProvisional(rs));
    }

    private static Answer storedAnswer(ResultSet rs) throws SQLException {
        String kind = rs.getString("answer_kind");
        return kind == null ? null : new Answer(TimelinessFigures.AnswerKind.valueOf(kind), rs.getBoolean("answer_extended"),
                                                (Integer) rs.getObject("answer_working_days"));
    }

    private static ReplyDeadline deadline(ResultSet rs) throws SQLException {
        String state = rs.getString("clock_state");
        if (state == null) {
            return null;
        }
        Integer extension = (Integer) rs.getObject("extension_working_days");
        return new ReplyDeadline(ReplyDeadline.State.valueOf(state), localDate(rs, "due_on"),
                                 rs.getString("due_explanation"), localDate(rs, "supplement_request_deadline"),
                                 rs.getString("due_unknown_reason"), rs.getInt("paused_working_days"),
                                 extension == null ? 0 : extension, rs.getInt("counted_working_days"));
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
