package gongkai.query.projections;

import gongkai.events.store.StoredEventFormat;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;

/**
 * Whether projections have processed every event of the stream up to a global index: what a
 * publication must wait for before it freezes figures computed from the read models, and what tests
 * wait for. Each segment of each processor is judged by its token: the segment's live status where
 * this process holds it (fresher than the stored token, which a pooled processor stores only every
 * few seconds while the events are not its own), else the token stored in {@code token_entry}. A
 * segment is past index G when its token's position is at least G and none of the gaps it still
 * waits for at or below G is an event that has since been stored (a gap left by a rolled-back
 * transaction stays a gap for ever, and is no reason to wait).
 */
@Component
public class ProjectionPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    public ProjectionPositions(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    /** The global index of the last event stored, or −1 for none. */
    public long head() {
        return jdbc.queryForObject("select coalesce(max(global_index), -1) from " + StoredEventFormat.EVENT_TABLE,
                                   Long.class);
    }

    /** Whether every streaming processor of this query side has processed every event up to {@code index}. */
    public boolean allPast(long index) {
        return past(index, processing.eventProcessors().entrySet().stream()
                                     .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                                     .map(Map.Entry::getKey).toList());
    }

    public boolean past(long index, Collection<String> processors) {
        if (index < 0) {
            return true; // no event at all: nothing to wait for
        }
        for (String processor : processors) {
            Map<Integer, EventTrackerStatus> live = processing.eventProcessor(processor, StreamingEventProcessor.class)
                                                              .map(StreamingEventProcessor::processingStatus)
                                                              .orElse(Map.of());
            List<Map<String, Object>> segments = jdbc.queryForList(
                    "select segment, token, token_type from token_entry where processor_name = ?", processor);
            if (segments.isEmpty()) {
                return false;
            }
            for (Map<String, Object> segment : segments) {
                EventTrackerStatus status = live.get(((Number) segment.get("segment")).intValue());
                TrackingToken token = status != null && status.getTrackingToken() != null
                                      ? status.getTrackingToken() : stored(segment);
                if (!past(index, token)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean past(long index, TrackingToken token) {
        if (token == null) {
            return false;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        OptionalLong position = lower.position();
        if (position.isEmpty() || position.getAsLong() < index) {
            return false;
        }
        if (lower instanceof GapAwareTrackingToken gapAware) {
            SortedSet<Long> gaps = gapAware.getGaps().headSet(index + 1);
            if (!gaps.isEmpty()) {
                String in = String.join(",", gaps.stream().map(String::valueOf).toList());
                return !Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists (select 1 from " + StoredEventFormat.EVENT_TABLE + " where global_index in (" + in + "))",
                        Boolean.class));
            }
        }
        return true;
    }

    private TrackingToken stored(Map<String, Object> segment) {
        byte[] bytes = (byte[]) segment.get("token");
        String type = (String) segment.get("token_type");
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
