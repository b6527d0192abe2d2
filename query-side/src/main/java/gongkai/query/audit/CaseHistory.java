package gongkai.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.events.MetaDataKeys;
import gongkai.events.application.ApplicationTransferred;
import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.events.store.StoredEventFormat;
import gongkai.query.access.ReadAccess;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The full history of one case, of any type (application, reconsideration, lawsuit, or one added
 * later): every event of its aggregate, oldest first, read from the event store (older revisions
 * upcast), each with its business date, recorded instant, actor and content in words.
 *
 * <p>Personal data: the clerks of the case's own agency handle the case and must be able to answer
 * the applicant, so they see it; everyone else (an auditor, an admin) sees it withheld.
 */
@Service
public class CaseHistory {

    public record Event(long sequence, Long globalIndex, String eventId, String type, LocalDate businessDate,
                        Instant recordedAt, String actor, String summary, List<EventDescriptions.Change> changes,
                        JsonNode content) {
    }

    public record View(String caseId, String caseType, String agencyId, String personalData, List<Event> events) {
    }

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public CaseHistory(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** The case's history as {@code reader} may see it; empty when there is no such case they may read. */
    public Optional<View> of(String caseId, Actor reader) {
        if (caseId == null || caseId.length() > 64) {
            return Optional.empty();
        }
        // From the first event on: a snapshot, were there ever one, must not hide the events before it.
        List<? extends DomainEventMessage<?>> messages = eventStore.readEvents(caseId, 0).asStream().toList();
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        List<String> holders = holdersOf(messages);
        // The agency that holds the case now; a case transferred (转办) is in the history of every agency that held it.
        String agencyId = holders.isEmpty() ? null : holders.get(holders.size() - 1);
        if (agencyId == null ? !reader.is(Role.ADMIN) : holders.stream().noneMatch(a -> ReadAccess.mayRead(reader, a))) {
            return Optional.empty();
        }
        boolean showPersonalData = seesPersonalData(reader, agencyId);
        Map<String, Long> globalIndexes = new HashMap<>();
        jdbc.query("select event_identifier, global_index from " + StoredEventFormat.EVENT_TABLE
                   + " where aggregate_identifier = ?",
                   rs -> {
                       globalIndexes.put(rs.getString(1), rs.getLong(2));
                   }, caseId);
        List<Event> events = messages.stream().map(m -> {
            Object payload = m.getPayload();
            String type = EventDescriptions.type(payload);
            Object actor = m.getMetaData().get(MetaDataKeys.ACTOR);
            return new Event(m.getSequenceNumber(), globalIndexes.get(m.getIdentifier()), m.getIdentifier(), type,
                             AuditTrailProjection.businessDate(payload, m), m.getTimestamp(),
                             actor == null ? null : actor.toString(), EventDescriptions.summary(payload, type),
                             EventDescriptions.changes(payload), PersonalDataMasking.content(payload, showPersonalData));
        }).toList();
        return Optional.of(new View(caseId, AuditTrailProjection.caseType(messages.get(0).getType()), agencyId,
                                    showPersonalData ? "shown" : "withheld", events));
    }

    /**
     * Whether {@code reader} sees the personal data of a case of {@code agencyId} (and the files attached to it):
     * only the clerks of the case's own agency, who answer the applicant.
     */
    public static boolean seesPersonalData(Actor reader, String agencyId) {
        return agencyId != null && reader.is(Role.CLERK) && agencyId.equals(reader.agencyId());
    }

    /**
     * The agency that holds a case now, from its events' metadata (or the agency its first event names), followed
     * through every transfer (转办); null for a case of no agency.
     */
    public static String agencyOf(List<? extends DomainEventMessage<?>> messages) {
        List<String> holders = holdersOf(messages);
        return holders.isEmpty() ? null : holders.get(holders.size() - 1);
    }

    /** The agencies that held the case, in the order they took it: the first, then each one it was transferred to. */
    private static List<String> holdersOf(List<? extends DomainEventMessage<?>> messages) {
        List<String> holders = new java.util.ArrayList<>();
        for (DomainEventMessage<?> message : messages) {
            if (holders.isEmpty()) {
                Object agency = message.getMetaData().get(MetaDataKeys.AGENCY);
                JsonNode named = PersonalDataMasking.content(message.getPayload(), false).path("agencyId");
                if (agency != null && !agency.toString().isBlank()) {
                    holders.add(agency.toString());
                } else if (named.isTextual() && !named.asText().isBlank()) {
                    holders.add(named.asText());
                }
            }
            if (message.getPayload() instanceof ApplicationTransferred transferred) {
                holders.add(transferred.toAgencyId());
            }
        }
        return holders;
    }
}
