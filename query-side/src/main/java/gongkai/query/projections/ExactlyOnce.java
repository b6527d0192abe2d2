package gongkai.query.projections;

import gongkai.query.calendar.CalendarProjection;
import gongkai.query.notices.NoticeProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every processing group of the query side applies each event once ({@link AppliedEvents}): its interceptor
 * in front of the group's handlers, and its marks forgotten by the group's reset, in the reset's transaction.
 */
@Configuration
public class ExactlyOnce {

    /** Every processing group of the query side; the start fails if a processor is missing here. */
    public static final List<String> PROCESSING_GROUPS = List.of(ReadModels.PROCESSING_GROUP,
                                                                 CalendarProjection.PROCESSING_GROUP,
                                                                 NoticeProjection.PROCESSING_GROUP);

    @Bean
    public ConfigurerModule appliedEventsOfEveryGroup(AppliedEvents applied) {
        return configurer -> {
            for (String group : PROCESSING_GROUPS) {
                configurer.eventProcessing()
                          .registerHandlerInterceptor(group, config -> applied.interceptor(group, event -> deadLettered(
                                  config.eventProcessingConfiguration(), group, event)))
                          .registerEventHandler(config -> new ForgetOnReset(group, applied))
                          .assignHandlerInstancesMatching(group, handler -> handler instanceof ForgetOnReset reset
                                                                            && reset.group.equals(group));
            }
        };
    }

    /** Whether the event's sequence is in the group's dead-letter queue (a group without one never sets aside). */
    private static boolean deadLettered(EventProcessingConfiguration processing, String group, EventMessage<?> event) {
        return processing.deadLetterQueue(group).map(queue -> {
            @SuppressWarnings("unchecked")
            SequencingPolicy<EventMessage<?>> policy = (SequencingPolicy<EventMessage<?>>) processing.sequencingPolicy(group);
            Object sequence = policy.getSequenceIdentifierFor(event);
            return queue.contains(sequence == null ? event.getIdentifier() : sequence);
        }).orElse(false);
    }

    @EventListener
    public void everyProcessorIsCovered(ApplicationStartedEvent started) {
        Set<String> processors = new TreeSet<>(started.getApplicationContext().getBean(EventProcessingConfiguration.class)
                                                      .eventProcessors().keySet());
        processors.removeAll(PROCESSING_GROUPS);
        if (!processors.isEmpty()) {
            throw new IllegalStateException("processors " + processors + " are not exactly-once: add them to "
                                            + "ExactlyOnce.PROCESSING_GROUPS");
        }
    }

    /** Part of a group's handlers only to forget its marks when the group is reset. */
    static final class ForgetOnReset {

        private final String group;
        private final AppliedEvents applied;

        ForgetOnReset(String group, AppliedEvents applied) {
            this.group = group;
            this.applied = applied;
        }

        @ResetHandler
        void reset() {
            applied.forget(group);
        }
    }
}
