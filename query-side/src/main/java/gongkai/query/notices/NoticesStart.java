package gongkai.query.notices;

import gongkai.events.store.StoredEventFormat;
import gongkai.query.eventstream.FirstStart;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the notices processor starts on a stream it has never read (a new query side over a history, a restore
 * without its tables). An event recorded more than {@code gongkai.notices.max-event-age} before it is handled owes
 * nothing ({@link NoticeProjection}), so reading the history up to the last event that old would owe nothing
 * either: millions of events read one by one, beside the read models' rebuild, for no notice. It starts instead
 * just after that event, or, if that is later, as late as {@link FirstStart} lets it. What the processor would
 * have learnt from the history it skips, the agency holding each case, it reads from a case's own events when it
 * first needs it.
 *
 * <p>"The last event that old", not "just before the first event younger": in a store written as it happened the
 * two are the same place, but a store that holds a young event before a long old history (a history appended
 * after today's first records) would otherwise be read whole. A young event before the last old one then owes no
 * notice: a processor that has never read the stream starts after the history, whatever order it was stored in.
 */
@Configuration
public class NoticesStart {

    @Bean
    public ConfigurerModule noticesStartWhereEventsCanOweANotice(
            JdbcTemplate jdbc, @Value("${gongkai.notices.max-event-age:P2D}") Duration maxEventAge,
            @Value(FirstStart.BEHIND) long behind) {
        Clock clock = Clock.systemUTC();
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                NoticeProjection.PROCESSING_GROUP,
                (config, builder) -> builder.initialToken(source -> start(source, jdbc, clock.instant().minus(maxEventAge),
                                                                          behind)));
    }

    private static TrackingToken start(StreamableMessageSource<?> source, JdbcTemplate jdbc, Instant oldestOwing,
                                       long behind) {
        return FirstStart.after(source, startPosition(lastRecordedBefore(jdbc, oldestOwing),
                                                      FirstStart.latest(source, behind)));
    }

    /**
     * The position of the last event recorded before {@code instant}; -1 when there is none. Read backwards from
     * the head by the event table's primary key, so a store written as it happened is read only over its young end.
     */
    static long lastRecordedBefore(JdbcTemplate jdbc, Instant instant) {
        Long position = jdbc.queryForObject("select max(global_index) from " + StoredEventFormat.EVENT_TABLE
                                            + " where time_stamp < ?", Long.class, DateTimeUtils.formatInstant(instant));
        return position == null ? -1 : position;
    }

    /** The position to start after: the last event too old to owe a notice, at the latest {@code latest}. */
    static long startPosition(long lastTooOld, long latest) {
        return Math.min(lastTooOld, latest);
    }
}
