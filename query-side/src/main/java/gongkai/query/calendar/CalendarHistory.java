package gongkai.query.calendar;

import gongkai.events.calendar.WorkingDayCalendarPublished;
import gongkai.events.store.StoredEventFormat;
import gongkai.query.eventstream.FirstStart;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Set;

/**
 * How the calendars processor starts on a stream it has never read (a new query side over a history, a restore
 * without its tables): rather than read a million events one by one for the few publications of calendar years
 * among them, it finds those by their type, up to as late a position as {@link FirstStart} lets it, hands each to
 * {@link CalendarProjection} as the processor would, and starts after them; all in the transaction that stores its
 * first token, so that either both are done or neither. The order of the publications is the stream's, and the read
 * models come out the same whichever of the two processors reads first ({@link CalendarProjection}).
 */
@Configuration
public class CalendarHistory {

    private static final Logger log = LoggerFactory.getLogger(CalendarHistory.class);
    private static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, event_identifier, "
                                          + "time_stamp, payload_type, payload_revision, payload, meta_data";

    @Bean
    public ConfigurerModule calendarsStartAfterThePublicationsTheyFind(ObjectProvider<CalendarProjection> projection,
                                                                       ObjectProvider<JdbcTemplate> jdbc,
                                                                       @Value(FirstStart.BEHIND) long behind) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                CalendarProjection.PROCESSING_GROUP,
                (config, builder) -> builder.initialToken(source -> start(FirstStart.latest(source, behind), source,
                                                                          jdbc.getObject(), projection.getObject(),
                                                                          config.eventSerializer(), config.upcasterChain())));
    }

    private static TrackingToken start(long start, StreamableMessageSource<?> source, JdbcTemplate jdbc,
                                       CalendarProjection projection, Serializer serializer, EventUpcaster upcasters) {
        if (start < 0) {
            return FirstStart.after(source, start);
        }
        // the type as the serializer names it now: a publication stored under another name would need its upcaster's
        List<TrackedEventData<?>> stored = jdbc.query(
                "select " + COLUMNS + " from " + StoredEventFormat.EVENT_TABLE
                + " where payload_type = ? and global_index <= ? order by global_index",
                (rs, i) -> new TrackedDomainEventData<>(
                        GapAwareTrackingToken.newInstance(rs.getLong(1), Set.of()),
                        new GenericDomainEventEntry<>(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                                                      rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9),
                                                      rs.getBytes(10))),
                serializer.typeForClass(WorkingDayCalendarPublished.class).getName(), start);
        List<TrackedEventMessage<?>> publications = EventUtils.upcastAndDeserializeTrackedEvents(stored.stream(), serializer,
                                                                                                 upcasters).toList();
        for (TrackedEventMessage<?> publication : publications) {
            projection.on((WorkingDayCalendarPublished) publication.getPayload(), publication);
        }
        log.info("The calendars start after position {}, with the {} publications of calendar years before it", start,
                 publications.size());
        return FirstStart.after(source, start);
    }
}
