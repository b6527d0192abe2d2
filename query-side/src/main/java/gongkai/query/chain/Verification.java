package gongkai.query.chain;

import java.time.Instant;
import java.util.List;

/**
 * The answer of a verification of the event store against its hash chain: intact, or what was
 * done to which events. {@code firstProblem} is the earliest in the global order. {@code intact} is the
 * chain's verdict; {@code files} is the check of the attached files against the hashes their events carry
 * ({@link AttachedFiles}): a damaged file leaves the chain intact and is named there.
 */
public record Verification(boolean intact, Instant verifiedAt, long eventsInStore, long eventsChained,
                           long eventsNotYetChained, ChainHead chainHead, String recomputedHead,
                           Anchor anchor, Problem firstProblem, long problemCount, List<Problem> problems,
                           AttachedFiles.Check files) {

    /** Whether every file attached to a case still has the content its event recorded (erased files aside). */
    @com.fasterxml.jackson.annotation.JsonProperty("filesIntact")
    public boolean filesIntact() {
        return files == null || files.damaged().isEmpty();
    }

    /** What was done to an event since it was chained. */
    public enum Kind {
        /** Its payload, metadata, or identity (aggregate, sequence, type, recorded instant) changed. */
        ALTERED,
        /** It is no longer in the event table. */
        DELETED,
        /** It is still there, at another global index. */
        REORDERED,
        /** It is in the event table at a position the chain had already passed, and was never chained. */
        INSERTED,
        /** A published chain head no longer matches the events up to it. */
        ANCHOR_MISMATCH
    }

    /** One finding, naming the event by its global index and identifier. */
    public record Problem(Kind kind, long globalIndex, String eventIdentifier, String aggregateIdentifier,
                          String detail) {
    }

    /**
     * A chain head recorded elsewhere (e.g. with a publication), checked against the chain as
     * recomputed from the events now: {@code matches} is false when anything up to it changed,
     * even if the chain table itself was rewritten to fit.
     */
    public record Anchor(long globalIndex, String publishedHash, String recomputedHash, boolean matches) {
    }
}
