package gongkai.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.events.MetaDataKeys;
import gongkai.events.application.ApplicationTransferred;
import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.events.application.PersonalDataErased;
import gongkai.events.application.PersonalDataSealed;
import gongkai.events.application.PersonalDataUnsealed;
import gongkai.events.personal.DataKeyRing;
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
 * the applicant, so they see it (ID number and phone masked unless asked for in full); everyone else
 * (an auditor, an admin) sees it withheld, and so does everyone while the case is sealed.
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
    private final DataKeyRing dataKeys;

    public CaseHistory(EventStore eventStore, JdbcTemplate jdbc, DataKeyRing dataKeys) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.dataKeys = dataKeys;
    }

    /** The case's history as {@code reader} may see it; empty when there is no such case they may read. */
    public Optional<View> of(String caseId, Actor reader) {
        return of(caseId, reader, false);
    }

    /**
     * As above; with {@code inFull} the clerk of the agency asked to see the ID number and phone unmasked
     * (the caller logs it, docs/personal-data.md). A sealed case's personal data is withheld from everyone
     * (个人信息保护法 第四十七条第二款); an erased one reads 已删除.
     */
    public Optional<View> of(String caseId, Actor reader, boolean inFull) {
        if (caseId == null || caseId.length() > 64) {
            return Optional.empty();
        }
        // From the first event on: a snapshot, were there ever one, must not hide the events before it.
        List<? extends DomainEventMessage<?>> messages = eventStore.readEvents(caseId, 0).asStream().toList();
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        boolean erased = false;
        boolean sealed = false;
        for (DomainEventMessage<?> message : messages) {
            Class<?> type = message.getPayloadType();
            erased |= type == PersonalDataErased.class;
            sealed = type == PersonalDataSealed.class || (sealed && type != PersonalDataUnsealed.class);
        }
        if (erased) {
            // another instance erased it: its key is gone, whatever this one kept in memory. Forgotten before any
            // payload is read (following the case's transfers reads them), since a payload is decrypted when read.
            dataKeys.forget(caseId);
        }
        List<String> holders = holdersOf(messages);
        // The agency that holds the case now; a case transferred (转办) is in the history of every agency that held it.
        String agencyId = holders.isEmpty() ? null : holders.get(holders.size() - 1);
        if (agencyId == null ? !reader.is(Role.ADMIN) : holders.stream().noneMatch(a -> ReadAccess.mayRead(reader, a))) {
            return Optional.empty();
        }
        boolean clerkOfAgency = seesPersonalData(reader, agencyId);
        PersonalDataMasking.Visibility visibility = !clerkOfAgency || (sealed && !erased) ? PersonalDataMasking.Visibility.WITHHELD
                                                    : inFull ? PersonalDataMasking.Visibility.FULL
                                                    : PersonalDataMasking.Visibility.MASKED;
        String personalData = erased ? "erased" : sealed ? "sealed" : !clerkOfAgency ? "withheld" : inFull ? "full" : "shown";
        Map<String, Long> globalIndexes = new HashMap<>();
        jdbc.query("select event_identifier, global_index from " + StoredEventFormat.EVENT_TABLE
                   + " where aggregate_identifier = ?",
                   rs -> {
                       globalIndexes.put(rs.getString(1), rs.getLong(2));
                   }, caseId);
        List<Event> events = messages.stream().map(m -> {
            Object payload = m.getPayload();
            Object described = visibility == PersonalDataMasking.Visibility.WITHHELD ? PersonalDataMasking.withheld(payload) : payload;
            String type = EventDescriptions.type(payload);
            Object actor = m.getMetaData().get(MetaDataKeys.ACTOR);
            return new Event(m.getSequenceNumber(), globalIndexes.get(m.getIdentifier()), m.getIdentifier(), type,
                             AuditTrailProjection.businessDate(payload, m), m.getTimestamp(),
                             actor == null ? null : actor.toString(), EventDescriptions.summary(described, type),
                             EventDescriptions.changes(described), PersonalDataMasking.content(payload, visibility));
        }).toList();
        return Optional.of(new View(caseId, AuditTrailProjection.caseType(messages.get(0).getType()), agencyId,
                                    personalData, events));
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
