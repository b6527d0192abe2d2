package gongkai.query.notices;

import gongkai.query.eventstream.FirstStart;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the notices processor starts on a stream it has never read (a new query side over a history, a restore
 * without its tables). An event recorded more than {@code gongkai.notices.max-event-age} before it is handled owes
 * nothing ({@link NoticeProjection}), so reading the history before the first younger event would owe nothing
 * either: a million events read one by one, beside the read models' rebuild, for no notice. It starts instead just
 * before that event, or, if that is later, as late as {@link FirstStart} lets it. What the processor
 * would have learnt from the history it skips, the agency holding each case, it reads from a case's own events when
 * it first needs it.
 */
@Configuration
public class NoticesStart {

    @Bean
    public ConfigurerModule noticesStartWhereEventsCanOweANotice(
            @Value("${gongkai.notices.max-event-age:P2D}") Duration maxEventAge, @Value(FirstStart.BEHIND) long behind) {
        Clock clock = Clock.systemUTC();
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                NoticeProjection.PROCESSING_GROUP,
                (config, builder) -> builder.initialToken(source -> start(source, clock.instant().minus(maxEventAge), behind)));
    }

    private static TrackingToken start(StreamableMessageSource<?> source, Instant oldestOwing, long behind) {
        TrackingToken young = source.createTokenAt(oldestOwing); // none when every event is older
        long latest = FirstStart.latest(source, behind);
        return FirstStart.after(source, young == null ? latest : startPosition(FirstStart.position(young), latest));
    }

    /** The position to start after: just before the first event young enough, at the latest {@code latest}. */
    static long startPosition(long beforeFirstYoung, long latest) {
        return Math.min(beforeFirstYoung, latest);
    }
}
