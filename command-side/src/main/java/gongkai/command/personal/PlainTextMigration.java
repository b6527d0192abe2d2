package gongkai.command.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.events.MetaDataKeys;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.personal.PersonalDataCipher;
import gongkai.events.personal.PersonalDataMigrated;
import gongkai.events.personal.PersonalFields;
import gongkai.events.personal.RewrittenPayload;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Encrypts the personal fields of events stored before gongkai encrypted them (docs/personal-data.md): an
 * admin's operation, in one transaction. Each such event's payload is rewritten in place with only its
 * personal fields changed (encrypted under the case's key, or 已删除 where the case was erased meanwhile);
 * {@code command_side.event_rewrite} records which events, which fields and the digests that let the
 * verification accept exactly these rewrites, and {@link PersonalDataMigrated} records when, why, by whom,
 * and seals that record. A second run finds nothing left to do.
 */
@Component
public class PlainTextMigration {

    /** Personal fields under the names of older revisions (read under their new names by the upcasters). */
    private static final Map<Class<?>, Set<String>> OLD_NAMES = Map.of(ConsultationStarted.class, Set.of("party"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final gongkai.events.personal.DataKeyRing ring;
    private final EventStore eventStore;
    private final Clock clock;
    private final ObjectMapper json = StoredEventFormat.objectMapper();

    public PlainTextMigration(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                              gongkai.events.personal.DataKeyRing ring, EventStore eventStore, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.ring = ring;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    private record Stored(long globalIndex, String eventIdentifier, String caseId, String payloadType, byte[] payload) {
    }

    public PersonalDataMigrated migrate(String reason, String admin) {
        return transaction.execute(status -> {
            // Nobody appends while the store is rewritten: the rewrite and its record are one step in the global order.
            jdbc.execute("lock table " + StoredEventFormat.EVENT_TABLE + " in share row exclusive mode");
            List<String> types = jdbc.queryForList("select distinct payload_type from " + StoredEventFormat.EVENT_TABLE,
                                                   String.class).stream().filter(type -> !personal(type).isEmpty()).toList();
            String migrationId = UUID.randomUUID().toString();
            List<RewrittenPayload.Rewrite> rewrites = new ArrayList<>();
            List<Stored> candidates = jdbc.query(
                    "select global_index, event_identifier, aggregate_identifier, payload_type, payload from "
                    + StoredEventFormat.EVENT_TABLE + " where payload_type = any(?) order by global_index",
                    (rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)),
                    (Object) types.toArray(String[]::new));
            for (Stored event : candidates) {
                RewrittenPayload.Rewrite rewrite = rewrite(event, migrationId);
                if (rewrite != null) {
                    rewrites.add(rewrite);
                }
            }
            PersonalDataMigrated migrated = new PersonalDataMigrated(
                    migrationId, LocalDate.now(clock), reason, rewrites.size(),
                    rewrites.isEmpty() ? null : rewrites.get(0).globalIndex(),
                    rewrites.isEmpty() ? null : rewrites.get(rewrites.size() - 1).globalIndex(),
                    RewrittenPayload.digestOf(rewrites));
            eventStore.publish(GenericEventMessage.asEventMessage(migrated)
                                                  .andMetaData(MetaData.with(MetaDataKeys.ACTOR, admin)
                                                                       .and(MetaDataKeys.BUSINESS_DATE, migrated.migratedOn().toString())));
            return migrated;
        });
    }

    private RewrittenPayload.Rewrite rewrite(Stored event, String migrationId) {
        ObjectNode tree;
        try {
            tree = (ObjectNode) json.readTree(event.payload());
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException(new IOException("event at global index " + event.globalIndex() + " is not a JSON object"));
        }
        Set<String> fields = new LinkedHashSet<>();
        SecretKey key = null;
        boolean keyLooked = false;
        for (Map.Entry<String, Class<?>> field : personal(event.payloadType()).entrySet()) {
            JsonNode value = tree.get(field.getKey());
            if (value == null || value.isNull() || (value.isTextual() && PersonalDataCipher.isEncrypted(value.textValue()))) {
                continue;
            }
            if (!keyLooked) {
                key = ring.forWriting(event.caseId());
                keyLooked = true;
            }
            fields.add(field.getKey());
            tree.set(field.getKey(), key == null ? PersonalFields.erasedValue(field.getValue())
                                                 : json.getNodeFactory().textNode(PersonalDataCipher.encrypt(key, event.caseId(), bytes(value))));
        }
        if (fields.isEmpty()) {
            return null;
        }
        byte[] rewritten = bytes(tree);
        RewrittenPayload.Rewrite rewrite = new RewrittenPayload.Rewrite(
                event.globalIndex(), event.eventIdentifier(), migrationId, String.join(",", fields),
                RewrittenPayload.columnDigest(event.payload()), RewrittenPayload.columnDigest(rewritten),
                RewrittenPayload.skeletonDigest(json, event.payload(), fields));
        jdbc.update("update " + StoredEventFormat.EVENT_TABLE + " set payload = ? where global_index = ?", rewritten,
                    event.globalIndex());
        jdbc.update("insert into event_rewrite (global_index, event_identifier, migration_id, fields, old_payload_digest,"
                    + " new_payload_digest, skeleton_digest) values (?, ?, ?, ?, ?, ?, ?)",
                    rewrite.globalIndex(), rewrite.eventIdentifier(), migrationId, rewrite.fields(),
                    rewrite.oldPayloadDigest(), rewrite.newPayloadDigest(), rewrite.skeletonDigest());
        return rewrite;
    }

    /** The personal fields of an event type by their stored names, with their types; none for a type unknown here. */
    private static Map<String, Class<?>> personal(String payloadType) {
        Class<?> type;
        try {
            type = Class.forName(payloadType);
        } catch (ClassNotFoundException | LinkageError unknown) {
            return Map.of();
        }
        Map<String, Class<?>> fields = new java.util.LinkedHashMap<>();
        for (RecordComponent component : PersonalFields.of(type)) {
            fields.put(component.getName(), component.getType());
        }
        if (!fields.isEmpty()) {
            OLD_NAMES.getOrDefault(type, Set.of()).forEach(name -> fields.put(name, String.class));
        }
        return fields;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
