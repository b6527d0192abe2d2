package gongkai.query.notices;

import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationSubmitted;
import gongkai.events.application.ApplicationTransferred;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Owes the applicant a notice for each event they are told of ({@link ApplicantNotices}), one message per channel
 * (processing group {@value #PROCESSING_GROUP}, one segment). Nothing is sent here and nothing personal is read:
 * each message is written with its key (the event and the channel) in the batch's transaction, so a batch handled
 * again, or by a second instance, owes nothing more; {@link NoticeDispatch} sends it. A replay sends nothing again
 * ({@link DisallowReplay}), and an event recorded longer than {@code gongkai.notices.max-event-age} before it is
 * handled (a system that starts sending with a history behind it) owes nothing: the applicant was told otherwise then.
 */
@Component
@ProcessingGroup(NoticeProjection.PROCESSING_GROUP)
@DisallowReplay
public class NoticeProjection {

    public static final String PROCESSING_GROUP = "notices";

    private final JdbcTemplate jdbc;
    private final OutgoingMessages messages;
    private final Duration maxEventAge;
    private final Clock clock = Clock.systemUTC();

    public NoticeProjection(JdbcTemplate jdbc, OutgoingMessages messages,
                            @Value("${gongkai.notices.max-event-age:P2D}") Duration maxEventAge) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.maxEventAge = maxEventAge;
    }

    @EventHandler
    void on(ApplicationSubmitted event) {
        holds(event.applicationId(), event.agencyId());
    }

    @EventHandler
    void on(ApplicationTransferred event) {
        holds(event.applicationId(), event.toAgencyId());
    }

    @EventHandler
    void on(ApplicationEvent event, EventMessage<?> message) {
        if (event instanceof ApplicationReceived received) {
            holds(received.applicationId(), received.agencyId());
        }
        ApplicantNotices.kindOf(event).ifPresent(kind -> owe(kind, event.applicationId(), message));
    }

    private void owe(NoticeKind kind, String caseId, EventMessage<?> message) {
        Instant recorded = message.getTimestamp();
        if (recorded.isBefore(clock.instant().minus(maxEventAge))) {
            return;
        }
        List<String> agency = jdbc.queryForList("select agency_id from notice_case where case_id = ?", String.class, caseId);
        if (agency.isEmpty()) {
            return; // received before this processor's history began: see the class comment
        }
        for (Channel channel : Channel.values()) {
            messages.owe(new OutgoingMessages.Owed(kind + ":" + message.getIdentifier() + ":" + channel, kind, channel,
                                                   agency.get(0), caseId, message.getIdentifier(), null, null, recorded));
        }
    }

    private void holds(String caseId, String agencyId) {
        jdbc.update("insert into notice_case (case_id, agency_id) values (?, ?) "
                    + "on conflict (case_id) do update set agency_id = excluded.agency_id", caseId, agencyId);
    }
}
