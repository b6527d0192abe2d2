package gongkai.query.chain;

import java.time.Instant;

/**
 * The last link of the hash chain: the event at {@code globalIndex} and the SHA-256 {@code hash}
 * (hex) that covers it and every event before it. Recorded with a publication, it lets anyone
 * check later that nothing up to that event was changed. {@code globalIndex} 0 is the empty chain.
 */
public record ChainHead(long globalIndex, String eventIdentifier, String hash, Instant chainedAt) {

    static ChainHead genesis() {
        return new ChainHead(0, null, ChainHashing.hex(ChainHashing.GENESIS), null);
    }
}
