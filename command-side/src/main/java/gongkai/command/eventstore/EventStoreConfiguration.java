package gongkai.command.eventstore;

import gongkai.events.MetaDataKeys;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The event store: Axon's JDBC storage engine on the tables of the {@code db/command-side} Flyway
 * migrations, events as JSON ({@link StoredEventFormat}) in {@code bytea} columns.
 */
@Configuration
public class EventStoreConfiguration {

    /** Business dates are Chinese dates: "today" is today in Asia/Shanghai (annual-report.md rule 7). */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    public Clock businessClock() {
        return Clock.system(BUSINESS_ZONE);
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return StoredEventFormat.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return StoredEventFormat.serializer();
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactionManager,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver exceptionResolver,
                                                 org.axonframework.config.Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                                     .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                                             new SpringDataSourceConnectionProvider(dataSource)))
                                     .transactionManager(transactionManager)
                                     .schema(StoredEventFormat.eventSchema())
                                     .dataType(byte[].class)
                                     .eventSerializer(eventSerializer)
                                     .snapshotSerializer(eventSerializer)
                                     .upcasterChain(configuration.upcasterChain())
                                     .persistenceExceptionResolver(exceptionResolver)
                                     .build();
    }

    // The single biggest command-side win measured here (stack-notes.md): aggregates stay loaded.
    // One cache per kind of case, so that an id reused for another kind can never be served from it.

    @Bean
    public Cache applicationCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public Cache reviewCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public Cache lawsuitCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public Cache documentCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public Cache registerCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public Cache reportTextCache() {
        return new WeakReferenceCache();
    }

    /** Every event records who did it: the actor of the command that caused it. */
    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ACTOR);
    }
}
