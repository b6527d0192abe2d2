package gongkai.query.eventstream;

import gongkai.events.personal.DataKeyRing;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The query side reads the command side's event table ({@link StoredEventFormat}) through its own
 * streaming processors; their tokens and dead letters are in its own tables (V1 migration).
 */
@Configuration
@EnableScheduling
public class EventStreamConfiguration {

    /** Personal fields are decrypted with the case's data key, or read 已删除 (docs/personal-data.md). */
    @Bean
    @Primary
    public Serializer serializer(DataKeyRing dataKeys) {
        return StoredEventFormat.serializer(dataKeys);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(DataKeyRing dataKeys) {
        return StoredEventFormat.serializer(dataKeys);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactionManager,
                                                 org.axonframework.config.Configuration configuration,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer) {
        return StoredEventFormat.storageEngine(connections(dataSource), transactionManager,
                                               configuration.upcasterChain(), eventSerializer)
                                .batchSize(2000)
                                .build();
    }

    /**
     * Stored events of older revisions load as the present event classes: every upcaster of
     * {@link StoredEventFormat#upcasters()} joins the chain the storage engine is built with.
     */
    @Bean
    public ConfigurerModule storedEventUpcasters() {
        return configurer -> StoredEventFormat.upcasters().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
    }

    /** Each stream reads the table itself, at once, when asked (no shared producer thread to wait for). */
    @Bean
    public EventStore eventStore(EventStorageEngine storageEngine) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(storageEngine)
                                 .optimizeEventConsumption(false)
                                 .build();
    }

    /** Axon's transactions, each starting on a live connection (see {@link FreshTransactions}). */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions, DataSource dataSource) {
        return new FreshTransactions(transactions, dataSource);
    }

    @Bean
    public AppendedEvents appendedEvents(DataSource dataSource) {
        return new AppendedEvents(dataSource);
    }

    @Bean
    public SignalledEventSource signalledEventSource(EventStore eventStore, AppendedEvents appendedEvents) {
        return new SignalledEventSource(eventStore, appendedEvents);
    }

    @Bean(destroyMethod = "leave")
    public SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        return new SegmentBalancer(processing, jdbc);
    }

    @Bean
    public TokenStore tokenStore(DataSource dataSource, Serializer serializer) {
        return JdbcTokenStore.builder()
                             .connectionProvider(connections(dataSource))
                             .schema(TokenSchema.builder()
                                                .setTokenTable("token_entry")
                                                .setProcessorNameColumn("processor_name")
                                                .setSegmentColumn("segment")
                                                .setTokenColumn("token")
                                                .setTokenTypeColumn("token_type")
                                                .setTimestampColumn("timestamp")
                                                .setOwnerColumn("owner")
                                                .build())
                             .serializer(serializer)
                             .contentType(byte[].class)
                             .claimTimeout(Duration.ofSeconds(10))
                             .build();
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                               .deadLetterTable("dead_letter_entry")
                               .deadLetterIdentifierColumn("dead_letter_id")
                               .processingGroupColumn("processing_group")
                               .sequenceIdentifierColumn("sequence_identifier")
                               .sequenceIndexColumn("sequence_index")
                               .messageTypeColumn("message_type")
                               .eventIdentifierColumn("event_identifier")
                               .timestampColumn("time_stamp")
                               .payloadTypeColumn("payload_type")
                               .payloadRevisionColumn("payload_revision")
                               .payloadColumn("payload")
                               .metaDataColumn("meta_data")
                               .aggregateTypeColumn("aggregate_type")
                               .aggregateIdentifierColumn("aggregate_identifier")
                               .sequenceNumberColumn("sequence_number")
                               .tokenTypeColumn("token_type")
                               .tokenColumn("token")
                               .enqueuedAtColumn("enqueued_at")
                               .lastTouchedColumn("last_touched")
                               .processingStartedColumn("processing_started")
                               .causeTypeColumn("cause_type")
                               .causeMessageColumn("cause_message")
                               .diagnosticsColumn("diagnostics")
                               .build();
    }

    private static UnitOfWorkAwareConnectionProviderWrapper connections(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }
}
