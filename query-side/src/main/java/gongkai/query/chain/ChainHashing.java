package gongkai.query.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical form of the hash chain over the event stream, in one place (the follower that
 * extends the chain and the verification that recomputes it use nothing else):
 * <pre>
 *   payload digest   = SHA-256(0x01 ‖ payload bytes as stored)       (0x00 alone for a null column)
 *   metadata digest  = SHA-256(0x01 ‖ meta_data bytes as stored)     (idem)
 *   header           = "gongkai-event-chain-v1" ‖ global_index (8 bytes, big-endian)
 *                      ‖ event_identifier ‖ aggregate_identifier ‖ sequence_number (8 bytes)
 *                      ‖ type ‖ time_stamp ‖ payload_type ‖ payload_revision
 *                      (each text as a 4-byte big-endian length then its UTF-8 bytes; length -1 for null)
 *   link             = SHA-256(previous link ‖ header ‖ payload digest ‖ metadata digest)
 *   link before the first event (genesis) = 32 zero bytes
 * </pre>
 * So a link covers the event's identity, its position in the global order, its recorded instant,
 * payload, metadata, and every event before it.
 */
public final class ChainHashing {

    public static final int LENGTH = 32;
    public static final byte[] GENESIS = new byte[LENGTH];
    private static final byte[] TAG = "gongkai-event-chain-v1".getBytes(StandardCharsets.UTF_8);

    private ChainHashing() {
    }

    /**
     * The digest of a stored column (payload or metadata), distinguishing null from empty. The migration of
     * personal data records digests in this form ({@code RewrittenPayload.columnDigest}); it is written out
     * here again so that the verification's command-line tool runs on this module and the JDBC driver alone.
     */
    public static byte[] digest(byte[] stored) {
        MessageDigest sha = sha256();
        if (stored == null) {
            sha.update((byte) 0);
        } else {
            sha.update((byte) 1);
            sha.update(stored);
        }
        return sha.digest();
    }

    public static byte[] link(byte[] previous, StoredEvent event, byte[] payloadDigest, byte[] metaDataDigest) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(header(event));
        sha.update(payloadDigest);
        sha.update(metaDataDigest);
        return sha.digest();
    }

    public static byte[] link(byte[] previous, StoredEvent event) {
        return link(previous, event, digest(event.payload()), digest(event.metaData()));
    }

    static byte[] header(StoredEvent e) {
        byte[][] texts = {bytes(e.eventIdentifier()), bytes(e.aggregateIdentifier()), bytes(e.type()),
                          bytes(e.timeStamp()), bytes(e.payloadType()), bytes(e.payloadRevision())};
        int size = TAG.length + 16;
        for (byte[] text : texts) {
            size += 4 + (text == null ? 0 : text.length);
        }
        ByteBuffer header = ByteBuffer.allocate(size);
        header.put(TAG).putLong(e.globalIndex());
        putText(header, texts[0]);
        putText(header, texts[1]);
        header.putLong(e.sequenceNumber());
        for (int i = 2; i < texts.length; i++) {
            putText(header, texts[i]);
        }
        return header.array();
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static void putText(ByteBuffer buffer, byte[] text) {
        if (text == null) {
            buffer.putInt(-1);
        } else {
            buffer.putInt(text.length).put(text);
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One digest per thread, reset before each use: looking one up per digest (three an event) was an eighth of the
     * time of a chain built afresh. Each use finishes with {@code digest()} before the next begins.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ChainHashing::newSha256);

    private static MessageDigest sha256() {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        return sha;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
