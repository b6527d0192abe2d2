package gongkai.query.notices;

import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationSubmitted;
import gongkai.events.application.ApplicationTransferred;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Owes the applicant a notice for each event they are told of ({@link ApplicantNotices}), one message per channel
 * (processing group {@value #PROCESSING_GROUP}, one segment). Nothing is sent here and nothing personal is read:
 * each message is written with its key (the event and the channel) in the batch's transaction, so a batch handled
 * again, or by a second instance, owes nothing more; {@link NoticeDispatch} sends it. A replay sends nothing again
 * ({@link DisallowReplay}), and an event recorded longer than {@code gongkai.notices.max-event-age} before it is
 * handled (a system that starts sending with a history behind it) owes nothing: the applicant was told otherwise then.
 * So a processor that has never read the stream starts near its end ({@link NoticesStart}), and a case received
 * before it started is found held by the agency its own events name ({@link #heldBy}).
 */
@Component
@ProcessingGroup(NoticeProjection.PROCESSING_GROUP)
@DisallowReplay
public class NoticeProjection {

    public static final String PROCESSING_GROUP = "notices";

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final OutgoingMessages messages;
    private final Duration maxEventAge;
    private final Clock clock = Clock.systemUTC();

    public NoticeProjection(JdbcTemplate jdbc, EventStore eventStore, OutgoingMessages messages,
                            @Value("${gongkai.notices.max-event-age:P2D}") Duration maxEventAge) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.messages = messages;
        this.maxEventAge = maxEventAge;
    }

    @EventHandler
    void on(ApplicationEvent event, EventMessage<?> message) {
        heldBy(event).ifPresent(agency -> holds(event.applicationId(), agency));
        ApplicantNotices.kindOf(event).ifPresent(kind -> owe(kind, event.applicationId(), message));
    }

    /** The agency an event of a case puts the case in (its receipt, its online submission, a transfer), if any. */
    static Optional<String> heldBy(Object event) {
        if (event instanceof ApplicationReceived received) {
            return Optional.of(received.agencyId());
        }
        if (event instanceof ApplicationSubmitted submitted) {
            return Optional.of(submitted.agencyId());
        }
        if (event instanceof ApplicationTransferred transferred) {
            return Optional.of(transferred.toAgencyId());
        }
        return Optional.empty();
    }

    private void owe(NoticeKind kind, String caseId, EventMessage<?> message) {
        Instant recorded = message.getTimestamp();
        if (recorded.isBefore(clock.instant().minus(maxEventAge))) {
            return;
        }
        List<String> held = jdbc.queryForList("select agency_id from notice_case where case_id = ?", String.class, caseId);
        Optional<String> agency = held.isEmpty() ? heldBefore(caseId, message) : Optional.of(held.get(0));
        if (agency.isEmpty()) {
            return;
        }
        for (Channel channel : Channel.values()) {
            messages.owe(new OutgoingMessages.Owed(kind + ":" + message.getIdentifier() + ":" + channel, kind, channel,
                                                   agency.get(), caseId, message.getIdentifier(), null, null, recorded));
        }
    }

    /**
     * The agency holding a case received before this processor's history began, as of the event handled: read from
     * the case's own events up to that one, and kept for its next events.
     */
    private Optional<String> heldBefore(String caseId, EventMessage<?> message) {
        long upTo = message instanceof DomainEventMessage<?> event ? event.getSequenceNumber() : Long.MAX_VALUE;
        Optional<String> agency = Optional.empty();
        for (DomainEventMessage<?> event : eventStore.readEvents(caseId, 0).asStream().toList()) {
            if (event.getSequenceNumber() > upTo) {
                break;
            }
            Optional<String> holder = heldBy(event.getPayload());
            if (holder.isPresent()) {
                agency = holder;
            }
        }
        agency.ifPresent(holder -> holds(caseId, holder));
        return agency;
    }

    private void holds(String caseId, String agencyId) {
        jdbc.update("insert into notice_case (case_id, agency_id) values (?, ?) "
                    + "on conflict (case_id) do update set agency_id = excluded.agency_id", caseId, agencyId);
    }
}
