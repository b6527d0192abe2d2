package gongkai.query.application;

import gongkai.events.application.ApplicantType;
import gongkai.events.application.Channel;
import gongkai.events.application.Outcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The table {@code application_case}: each application's present facts. */
@Repository
public class ApplicationCases {

    private static final String COLUMNS = "application_id, agency_id, applicant_type, channel, received_on, "
                                          + "supplement_requested_on, supplement_received_on, consultation_started_on, "
                                          + "extension_working_days, unpaid_fee_notice_on, withdrawn, concluded_on, "
                                          + "outcome, withheld_reasons";

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

    public void save(ApplicationFacts f, Instant recordedAt) {
        Timestamp at = Timestamp.from(recordedAt);
        jdbc.update("insert into application_case (" + COLUMNS + ", state, recorded_at, last_recorded_at, event_count) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                    + "on conflict (application_id) do update set applicant_type = excluded.applicant_type, "
                    + "channel = excluded.channel, received_on = excluded.received_on, "
                    + "supplement_requested_on = excluded.supplement_requested_on, "
                    + "supplement_received_on = excluded.supplement_received_on, "
                    + "consultation_started_on = excluded.consultation_started_on, "
                    + "extension_working_days = excluded.extension_working_days, "
                    + "unpaid_fee_notice_on = excluded.unpaid_fee_notice_on, withdrawn = excluded.withdrawn, "
                    + "concluded_on = excluded.concluded_on, outcome = excluded.outcome, "
                    + "withheld_reasons = excluded.withheld_reasons, state = excluded.state, "
                    + "last_recorded_at = excluded.last_recorded_at, "
                    + "event_count = application_case.event_count + 1",
                    f.applicationId(), f.agencyId(), f.applicantType().name(), f.channel().name(), date(f.receivedOn()),
                    date(f.supplementRequestedOn()), date(f.supplementReceivedOn()), date(f.consultationStartedOn()),
                    f.extensionWorkingDays(), date(f.unpaidFeeNoticeOn()), f.withdrawn(), date(f.concludedOn()),
                    f.outcome() == null ? null : f.outcome().name(),
                    f.withheldReasons().stream().map(Enum::name).collect(Collectors.joining(",")),
                    f.state().name(), at, at);
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
                                            : Arrays.stream(reasons.split(",")).map(Outcome::valueOf).toList());
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
