package gongkai.query.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.events.personal.PersonalDataMigrated;
import gongkai.events.personal.RewrittenPayload;
import gongkai.events.store.StoredEventFormat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events a migration of personal data stored in clear rewrote (docs/personal-data.md), as the
 * verification accepts them: a rewrite listed in {@code command_side.event_rewrite}, of a migration whose
 * event ({@link PersonalDataMigrated}, itself in the chain) seals exactly that list, whose payload had the
 * digest the chain took, now has the digest listed, and differs in nothing but the fields listed. Such an
 * event is checked against its link with the digest of its payload as it was, so the chain and every head
 * published before stay valid; anything else is an alteration as before.
 */
final class MigrationRewrites implements ChainVerification.Rewrites {

    static final String TABLE = StoredEventFormat.SCHEMA + ".event_rewrite";
    private static final ObjectMapper JSON = StoredEventFormat.objectMapper();

    private final Map<Long, RewrittenPayload.Rewrite> accepted = new HashMap<>();
    private final List<StoredEvent> unmatched = new ArrayList<>();

    private MigrationRewrites() {
    }

    static MigrationRewrites load(Connection connection) throws SQLException {
        MigrationRewrites rewrites = new MigrationRewrites();
        Map<String, List<RewrittenPayload.Rewrite>> byMigration = new LinkedHashMap<>();
        try (PreparedStatement rows = connection.prepareStatement(
                "select global_index, event_identifier, migration_id, fields, old_payload_digest, new_payload_digest,"
                + " skeleton_digest from " + TABLE + " order by global_index")) {
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    RewrittenPayload.Rewrite r = new RewrittenPayload.Rewrite(rs.getLong(1), rs.getString(2), rs.getString(3),
                                                                              rs.getString(4), rs.getBytes(5), rs.getBytes(6),
                                                                              rs.getBytes(7));
                    byMigration.computeIfAbsent(r.migrationId(), id -> new ArrayList<>()).add(r);
                }
            }
        }
        try (PreparedStatement events = connection.prepareStatement(
                "select " + StoredEvent.COLUMNS + " from " + StoredEvent.TABLE + " where payload_type = ? order by global_index")) {
            events.setString(1, PersonalDataMigrated.class.getName());
            try (ResultSet rs = events.executeQuery()) {
                while (rs.next()) {
                    StoredEvent event = StoredEvent.read(rs, "");
                    JsonNode migrated = parse(event.payload());
                    List<RewrittenPayload.Rewrite> listed = byMigration.getOrDefault(migrated.path("migrationId").asText(), List.of());
                    if (RewrittenPayload.digestOf(listed).equals(migrated.path("rewritesDigest").asText())) {
                        listed.forEach(r -> rewrites.accepted.put(r.globalIndex(), r));
                    } else {
                        rewrites.unmatched.add(event);
                    }
                }
            }
        }
        return rewrites;
    }

    /**
     * The payload digest the chain took for {@code event}, when a verified migration rewrote it and nothing
     * but its personal fields changed; null otherwise.
     */
    @Override
    public byte[] digestAsChained(StoredEvent event, byte[] payloadDigest, byte[] chainedPayloadDigest) {
        RewrittenPayload.Rewrite r = accepted.get(event.globalIndex());
        if (r == null || !r.eventIdentifier().equals(event.eventIdentifier())
            || !Arrays.equals(r.oldPayloadDigest(), chainedPayloadDigest) || !Arrays.equals(r.newPayloadDigest(), payloadDigest)) {
            return null;
        }
        try {
            byte[] skeleton = RewrittenPayload.skeletonDigest(JSON, event.payload(), List.of(r.fields().split(",")));
            return Arrays.equals(skeleton, r.skeletonDigest()) ? chainedPayloadDigest : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The migrations whose event does not seal the list of rewrites stored for them. */
    @Override
    public List<StoredEvent> unmatched() {
        return unmatched;
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }
}
