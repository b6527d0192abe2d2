package gongkai.events.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * What proves that a migration of personal data stored in clear changed nothing but the personal fields
 * (docs/personal-data.md): the SHA-256 of the payload without those fields, computed by the migration from
 * the payload as it was and by the verification from the payload as it is now. Both read the JSON and write
 * it back the same way, so formatting does not count, and every other field, in order, does.
 */
public final class RewrittenPayload {

    /** One event rewritten: its personal {@code fields} (comma-separated), its payload's digests before and after, its skeleton's. */
    public record Rewrite(long globalIndex, String eventIdentifier, String migrationId, String fields,
                          byte[] oldPayloadDigest, byte[] newPayloadDigest, byte[] skeletonDigest) {
    }

    private RewrittenPayload() {
    }

    /** A stored column's digest as the hash chain takes it: SHA-256(0x01 ‖ bytes), 0x00 alone for null. */
    public static byte[] columnDigest(byte[] stored) {
        MessageDigest sha = sha256();
        if (stored == null) {
            sha.update((byte) 0);
        } else {
            sha.update((byte) 1);
            sha.update(stored);
        }
        return sha.digest();
    }

    /** The digest (hex) of a migration's rewrites, in global order, as {@link PersonalDataMigrated#rewritesDigest()}. */
    public static String digestOf(List<Rewrite> rewrites) {
        MessageDigest sha = sha256();
        for (Rewrite r : rewrites) {
            sha.update(ByteBuffer.allocate(8).putLong(r.globalIndex()).array());
            sha.update((r.eventIdentifier() + "\0" + r.fields() + "\0").getBytes(StandardCharsets.UTF_8));
            sha.update(r.oldPayloadDigest());
            sha.update(r.newPayloadDigest());
            sha.update(r.skeletonDigest());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    public static byte[] skeletonDigest(ObjectMapper json, byte[] payload, Collection<String> personalFields) {
        try {
            ObjectNode tree = (ObjectNode) json.readTree(payload);
            tree.remove(personalFields);
            return sha256().digest(json.writeValueAsBytes(tree));
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException(new IOException("a rewritten payload is not a JSON object"));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
