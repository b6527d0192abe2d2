package gongkai.query.application;

import gongkai.events.application.ApplicantType;
import gongkai.events.application.Channel;
import gongkai.events.application.Outcome;
import gongkai.events.calendar.ProvisionalCalendar.ProvisionalDue;
import gongkai.events.calendar.ReplyDeadline;
import gongkai.query.cells.ApplicationCells;
import gongkai.query.counting.ApplicationFacts;
import gongkai.query.projections.BulkRows;
import gongkai.query.timeliness.TimelinessFigures;
import gongkai.query.timeliness.TimelinessTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The table {@code application_case}: each application's present facts. */
@Repository
public class ApplicationCases {

    private static final String COLUMNS = "application_id, agency_id, applicant_type, channel, received_on, "
                                          + "supplement_requested_on, supplement_received_on, consultation_started_on, "
                                          + "extension_working_days, unpaid_fee_notice_on, withdrawn, concluded_on, "
                                          + "outcome, withheld_reasons, reopened_on, reanswered_on, reanswer_outcome, "
                                          + "extension_requested_on, awaiting_sign_in_since";

    static final RowMapper<ApplicationFacts> FACTS = ApplicationCases::facts;

    private final JdbcTemplate jdbc;

    public ApplicationCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ApplicationFacts facts(String applicationId) {
        List<ApplicationFacts> found = jdbc.query("select " + COLUMNS + " from application_case where application_id = ?",
                                                  FACTS, applicationId);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The application as stored, with its clock and its open cells, for a batch to follow; null if unknown. */
    ApplicationBatch.Working working(String applicationId, ApplicationCells cells) {
        List<ApplicationBatch.Working> found = jdbc.query(
                "select * from application_case where application_id = ?",
                (rs, i) -> new ApplicationBatch.Working(facts(rs, i), true, ClockEntries.decode(rs.getString("clock_events")),
                                                        ApplicationClocks.DEADLINE.mapRow(rs, i),
                                                        ApplicationClocks.PROVISIONAL.mapRow(rs, i), cells.openCells(applicationId),
                                                        TimelinessTally.Share.of(rs.getString("agency_id"), localDate(rs, "concluded_on"),
                                                                                 rs.getString("answer_kind"),
                                                                                 (Boolean) rs.getObject("answer_extended"),
                                                                                 (Integer) rs.getObject("answer_working_days"),
                                                                                 (Integer) rs.getObject("paused_working_days"))),
                applicationId);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every column of a row, in the order {@link #row} gives them, each bound as its SQL type in {@link #TYPES}. */
    private static final String ALL_COLUMNS = COLUMNS + ", state, recorded_at, last_recorded_at, event_count, "
                                              + "clock_events, clock_state, due_on, due_explanation, due_unknown_reason, "
                                              + "supplement_request_deadline, paused_working_days, counted_working_days, "
                                              + "answer_kind, answer_extended, answer_working_days, provisional_due_on, "
                                              + "provisional_explanation";
    private static final int[] TYPES = {
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.DATE, Types.DATE, Types.DATE,
            Types.INTEGER, Types.DATE, Types.BOOLEAN, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.DATE,
            Types.VARCHAR, Types.DATE, Types.DATE,
            Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP, Types.INTEGER,
            Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR,
            Types.DATE, Types.INTEGER, Types.INTEGER,
            Types.VARCHAR, Types.BOOLEAN, Types.INTEGER, Types.DATE, Types.VARCHAR};

    /**
     * Writes the applications a batch followed: their facts, their clocks, their part in the timeliness
     * figures (their {@code answer}) and how many events they had. In a chunk of a bulk rebuild, those received in
     * the chunk are copied: the staging copy cannot hold them yet (a receipt is the first event of its application).
     */
    void saveAll(Collection<ApplicationBatch.Working> applications) {
        Collection<ApplicationBatch.Working> upserted = applications;
        if (BulkRows.underWay()) {
            BulkRows.copy(jdbc, "application_case", ALL_COLUMNS, applications.stream().filter(w -> !w.stored).toList(),
                          ApplicationCases::row);
            upserted = applications.stream().filter(w -> w.stored).toList();
        }
        if (upserted.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into application_case (" + ALL_COLUMNS + ") "
                         + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                         + "on conflict (application_id) do update set agency_id = excluded.agency_id, "
                         + "applicant_type = excluded.applicant_type, "
                         + "channel = excluded.channel, received_on = excluded.received_on, "
                         + "supplement_requested_on = excluded.supplement_requested_on, "
                         + "supplement_received_on = excluded.supplement_received_on, "
                         + "consultation_started_on = excluded.consultation_started_on, "
                         + "extension_working_days = excluded.extension_working_days, "
                         + "unpaid_fee_notice_on = excluded.unpaid_fee_notice_on, withdrawn = excluded.withdrawn, "
                         + "concluded_on = excluded.concluded_on, outcome = excluded.outcome, "
                         + "withheld_reasons = excluded.withheld_reasons, state = excluded.state, "
                         + "reopened_on = excluded.reopened_on, reanswered_on = excluded.reanswered_on, "
                         + "reanswer_outcome = excluded.reanswer_outcome, "
                         + "extension_requested_on = excluded.extension_requested_on, "
                         + "awaiting_sign_in_since = excluded.awaiting_sign_in_since, "
                         + "last_recorded_at = excluded.last_recorded_at, "
                         + "event_count = application_case.event_count + excluded.event_count, "
                         + "clock_events = excluded.clock_events, clock_state = excluded.clock_state, "
                         + "due_on = excluded.due_on, due_explanation = excluded.due_explanation, "
                         + "due_unknown_reason = excluded.due_unknown_reason, "
                         + "supplement_request_deadline = excluded.supplement_request_deadline, "
                         + "paused_working_days = excluded.paused_working_days, "
                         + "counted_working_days = excluded.counted_working_days, answer_kind = excluded.answer_kind, "
                         + "answer_extended = excluded.answer_extended, answer_working_days = excluded.answer_working_days, "
                         + "provisional_due_on = excluded.provisional_due_on, "
                         + "provisional_explanation = excluded.provisional_explanation",
                         upserted, 500, (ps, w) -> bind(ps, row(w)));
    }

    /** An application's row as the batch writes it, in the order of {@link #ALL_COLUMNS}. */
    private static Object[] row(ApplicationBatch.Working w) {
        ApplicationFacts f = w.facts;
        ReplyDeadline d = w.deadline;
        TimelinessFigures.Answer answer = w.answer;
        ProvisionalDue provisional = w.provisional;
        return new Object[]{
                f.applicationId(), f.agencyId(), f.applicantType().name(), f.channel().name(), f.receivedOn(),
                f.supplementRequestedOn(), f.supplementReceivedOn(), f.consultationStartedOn(), f.extensionWorkingDays(),
                f.unpaidFeeNoticeOn(), f.withdrawn(), f.concludedOn(), f.outcome() == null ? null : f.outcome().name(),
                f.withheldReasons().stream().map(Enum::name).collect(Collectors.joining(",")), f.reopenedOn(),
                f.reansweredOn(), f.reanswerOutcome() == null ? null : f.reanswerOutcome().name(),
                f.extensionRequestedOn(), f.awaitingSignInSince(),
                f.state().name(), w.firstRecordedAt != null ? w.firstRecordedAt : w.lastRecordedAt, w.lastRecordedAt,
                w.events,
                w.clock.isEmpty() ? null : ClockEntries.encode(w.clock), d == null ? null : d.state().name(),
                d == null ? null : d.dueOn(),
                d == null ? null : ApplicationClocks.clip(d.explanation(), ApplicationClocks.MAX_EXPLANATION),
                d == null ? null : ApplicationClocks.clip(d.unknownReason(), ApplicationClocks.MAX_REASON),
                d == null ? null : d.supplementRequestDeadline(), d == null ? null : d.pausedWorkingDays(),
                d == null ? null : d.countedWorkingDays(),
                answer == null ? null : answer.kind().name(), answer == null ? null : answer.extended(),
                answer == null ? null : answer.workingDaysToAnswer(),
                provisional == null ? null : provisional.dueOn(),
                provisional == null ? null : ApplicationClocks.clip(provisional.explanation(), ApplicationClocks.MAX_EXPLANATION)};
    }

    /** Binds a {@link #row}: each value as its column's type, so that every row of a batch binds the same types. */
    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                ps.setNull(i + 1, TYPES[i]);
            } else if (value instanceof LocalDate date) {
                ps.setDate(i + 1, Date.valueOf(date));
            } else if (value instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                ps.setObject(i + 1, value, TYPES[i]);
            }
        }
    }

    public void deleteAll() {
        jdbc.update("delete from application_case");
    }

    private static ApplicationFacts facts(ResultSet rs, int row) throws SQLException {
        String reasons = rs.getString("withheld_reasons");
        String outcome = rs.getString("outcome");
        return new ApplicationFacts(rs.getString("application_id"), rs.getString("agency_id"),
                                    ApplicantType.valueOf(rs.getString("applicant_type")),
                                    Channel.valueOf(rs.getString("channel")), localDate(rs, "received_on"),
                                    localDate(rs, "supplement_requested_on"), localDate(rs, "supplement_received_on"),
                                    localDate(rs, "consultation_started_on"),
                                    (Integer) rs.getObject("extension_working_days"),
                                    localDate(rs, "unpaid_fee_notice_on"), rs.getBoolean("withdrawn"),
                                    localDate(rs, "concluded_on"), outcome == null ? null : Outcome.valueOf(outcome),
                                    reasons == null || reasons.isEmpty() ? List.of()
                                            : Arrays.stream(reasons.split(",")).map(Outcome::valueOf).toList(),
                                    localDate(rs, "reopened_on"), localDate(rs, "reanswered_on"),
                                    rs.getString("reanswer_outcome") == null ? null : Outcome.valueOf(rs.getString("reanswer_outcome")),
                                    localDate(rs, "extension_requested_on"), localDate(rs, "awaiting_sign_in_since"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
