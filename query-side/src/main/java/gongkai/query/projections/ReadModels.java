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
     * The group's sequencing policy. Every case event carries its agency (metadata {@link MetaDataKeys#AGENCY}),
     * the same for every event of a case, as a case never changes agency: sequencing by agency therefore keeps
     * each case's events in stored order in one segment (what the applications, reviews, lawsuits, reports
     * and the audit trail need: per aggregate), and also keeps all of an agency's events in order across its
     * streams (what table 二 needs: an opening balance recorded after the documents re-counts them; and what
     * a lawsuit after a reconsideration, or a reopening after a decision, can only gain). An event without an
     * agency (a calendar publication) falls back to its own stream. The segments are balanced by agency,
     * which is plenty of sequences for a handful of segments.
     */
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
