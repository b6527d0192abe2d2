package gongkai.query.proactive;

import gongkai.events.MetaDataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sequencing policy of the {@code proactive} processing group (query-side.properties): the events of
 * one agency, whatever their stream (documents, register), are handled in one segment in stored order.
 * The agency is the metadata every event carries ({@link MetaDataKeys#AGENCY}); an event without it
 * falls back to its own stream.
 */
@Configuration
public class ProactiveSequencing {

    @Bean
    public SequencingPolicy<EventMessage<?>> sameAgencyInOrder() {
        return event -> {
            Object agency = event.getMetaData().get(MetaDataKeys.AGENCY);
            if (agency instanceof String id && !id.isEmpty()) {
                return "agency:" + id;
            }
            return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        };
    }
}
