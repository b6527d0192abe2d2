package gongkai.query.eventstream;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.Set;

/**
 * Where a processor that has never read the stream starts when it need not read the whole history one event at a
 * time (the notices, the calendars): a position it is given, but never later than
 * {@code gongkai.processors.first-start-behind} events (10,000) before the head. That is the storage engine's gap
 * window (Axon's {@code maxGapOffset}): an event still being committed when the processor starts has a position
 * within it, so the processor, reading on from there, meets the gap and reads the event when it comes, as it would
 * have from the first event.
 */
public final class FirstStart {

    /** The setting of how many events before the head a processor starting late reads one by one. */
    public static final String BEHIND = "${gongkai.processors.first-start-behind:10000}";

    private FirstStart() {
    }

    /** The last position a late start may leave unread: {@code behind} before the head (negative: none). */
    public static long latest(StreamableMessageSource<?> source, long behind) {
        return position(source.createHeadToken()) - behind;
    }

    /** The token after {@code position}, or the tail's when that is before the first event. */
    public static TrackingToken after(StreamableMessageSource<?> source, long position) {
        return position < 0 ? source.createTailToken() : GapAwareTrackingToken.newInstance(position, Set.of());
    }

    /** A token's position; -1 for none (an empty stream). */
    public static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
