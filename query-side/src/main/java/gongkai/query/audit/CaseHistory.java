package gongkai.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.events.MetaDataKeys;
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
        String agencyId = agencyOf(messages);
        if (agencyId == null ? !reader.is(Role.ADMIN) : !ReadAccess.mayRead(reader, agencyId)) {
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

    /** The agency of a case, from its events' metadata (or the agency its first event names). */
    public static String agencyOf(List<? extends DomainEventMessage<?>> messages) {
        for (DomainEventMessage<?> message : messages) {
            Object agency = message.getMetaData().get(MetaDataKeys.AGENCY);
            if (agency != null && !agency.toString().isBlank()) {
                return agency.toString();
            }
            JsonNode named = PersonalDataMasking.content(message.getPayload(), false).path("agencyId");
            if (named.isTextual() && !named.asText().isBlank()) {
                return named.asText();
            }
        }
        return null;
    }
}
