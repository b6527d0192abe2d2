package gongkai.query.projections;

import gongkai.events.MetaDataKeys;
import gongkai.query.eventstream.DeadLetteredSequences;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The one processing group of the read models ({@value #PROCESSING_GROUP}): applications (table 三,
 * reply clocks), proactive disclosure (table 二), reconsiderations and lawsuits (table 四), the
 * report's text and publications, and the audit trail. One group reads and deserializes the event
 * stream once for all of them (a group per projection read it five times over). The calendars keep a
 * group of their own: one publication at a time, never dead-lettered.
 * <p>
 * Its dead letters are Axon's JDBC queue behind {@link DeadLetteredSequences}, which answers "is this
 * sequence dead-lettered?" from memory instead of a query per event.
 */
@Configuration
public class ReadModels {

    public static final String PROCESSING_GROUP = "read-models";

    /**
     * The group's sequencing policy. Each case's events are one sequence (its aggregate), in stored order:
     * what the applications, reviews, lawsuits, reports and the audit trail need. The events of proactive
     * disclosure (package {@code gongkai.events.proactive}: documents and the register) are sequenced by
     * their agency (metadata {@link MetaDataKeys#AGENCY}) instead, so that all of an agency's table 二
     * sources are in order across streams (an opening balance recorded after the documents re-counts them).
     * Only those go by agency: another case's event may lack the agency (an older or a hand-made one), and
     * must still stay in its case's sequence. A proactive event without an agency falls back to its stream.
     */
    @Bean
    public SequencingPolicy<EventMessage<?>> readModelSequencing() {
        return event -> {
            if (PROACTIVE_EVENTS.equals(event.getPayloadType().getPackageName())) {
                Object agency = event.getMetaData().get(MetaDataKeys.AGENCY);
                if (agency instanceof String id && !id.isEmpty()) {
                    return "agency:" + id;
                }
            }
            return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        };
    }

    private static final String PROACTIVE_EVENTS = "gongkai.events.proactive";

    /** The group's dead letters: Axon's JDBC queue, its "already dead-lettered?" answered from memory. */
    @Bean
    public ConfigurerModule readModelDeadLetters(DataSource dataSource, TransactionManager transactionManager,
                                                 DeadLetterSchema schema, Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 JdbcTemplate jdbc) {
        return configurer -> configurer.eventProcessing().registerDeadLetterQueue(
                PROCESSING_GROUP,
                config -> new DeadLetteredSequences(
                        JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                                    .processingGroup(PROCESSING_GROUP)
                                                    .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                                                            new SpringDataSourceConnectionProvider(dataSource)))
                                                    .transactionManager(transactionManager)
                                                    .schema(schema)
                                                    .genericSerializer(serializer)
                                                    .eventSerializer(eventSerializer)
                                                    .build(),
                        PROCESSING_GROUP, jdbc));
    }
}
