package gongkai.query.online;

import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationSubmitted;
import gongkai.events.application.SubmissionReturned;
import gongkai.query.projections.BatchWrites;
import gongkai.query.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the applications submitted online ({@code online_submission}): submitted, then confirmed (received) or
 * returned. Every write sets the row to what the event says, so a batch delivered again changes nothing
 * (docs/architecture.md, "Exactly once").
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class OnlineSubmissionProjection {

    private static final String CONFIRMED = OnlineSubmissionProjection.class.getName() + ".confirmed";

    private final JdbcTemplate jdbc;

    public OnlineSubmissionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApplicationSubmitted e) {
        jdbc.update("insert into online_submission (application_id, agency_id, submitted_at, applicant_type, access_digest) "
                    + "values (?, ?, ?, ?, ?) on conflict (application_id) do nothing",
                    e.applicationId(), e.agencyId(), Timestamp.from(e.submittedAt()), e.applicantType().name(),
                    e.accessDigest());
    }

    /**
     * Every application received confirms its submission, if it was submitted online: most were not, so the batch's
     * receipts are confirmed in one statement when it commits rather than one each.
     */
    @EventHandler
    void on(ApplicationReceived e) {
        BatchWrites.current(CONFIRMED, ArrayList<String>::new, this::confirm)
                   .ifPresentOrElse(ids -> ids.add(e.applicationId()), () -> confirm(List.of(e.applicationId())));
    }

    private void confirm(List<String> applicationIds) {
        jdbc.update("update online_submission set confirmed = true where application_id = any(?)",
                    (Object) applicationIds.toArray(String[]::new));
    }

    @EventHandler
    void on(SubmissionReturned e) {
        // the reason is personal data (free text that may name people): no read model keeps it; the applicant's
        // status reads it from the event, decrypted (docs/personal-data.md)
        jdbc.update("update online_submission set returned_on = ? where application_id = ?",
                    Date.valueOf(e.returnedOn()), e.applicationId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from online_submission");
    }
}
