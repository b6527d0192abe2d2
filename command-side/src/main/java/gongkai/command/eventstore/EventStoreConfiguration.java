package gongkai.command.eventstore;

import gongkai.events.MetaDataKeys;
import gongkai.events.calendar.BusinessClock;
import gongkai.events.personal.DataKeyRing;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The event store: Axon's JDBC storage engine on the tables of the {@code db/command-side} Flyway
 * migrations, events as JSON ({@link StoredEventFormat}) in {@code bytea} columns.
 */
@Configuration
public class EventStoreConfiguration {

    /** Business dates are Chinese dates: "today" is today in Asia/Shanghai (docs/annual-report.md, counting rule 7). */
    public static final ZoneId BUSINESS_ZONE = BusinessClock.ZONE;

    /**
     * Today, by which dates in the future are refused; {@code gongkai.business-date=YYYY-MM-DD} fixes it
     * (for demonstrations and tests), as on the query side.
     */
    @Bean
    public Clock businessClock(@Value("${gongkai.business-date:}") String fixedDate) {
        return BusinessClock.of(fixedDate);
    }

    /**
     * Personal fields are encrypted with the case's data key (docs/personal-data.md);
     * {@code gongkai.personal-data.encrypt=false} only measures what that costs (the benchmark).
     */
    @Bean
    @Primary
    public Serializer serializer(DataKeyRing dataKeys, @Value("${gongkai.personal-data.encrypt:true}") boolean encrypt) {
        return StoredEventFormat.serializer(dataKeys, encrypt);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(DataKeyRing dataKeys, @Value("${gongkai.personal-data.encrypt:true}") boolean encrypt) {
        return StoredEventFormat.serializer(dataKeys, encrypt);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactionManager,
                                                 org.axonframework.config.Configuration configuration,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new WithoutSnapshots(StoredEventFormat.storageEngine(new UnitOfWorkAwareConnectionProviderWrapper(
                                                       new SpringDataSourceConnectionProvider(dataSource)), transactionManager,
                                               configuration.upcasterChain(), eventSerializer)
                                .build());
    }

    /**
     * Stored events of older revisions load as the present event classes: every upcaster of
     * {@link StoredEventFormat#upcasters()} joins the chain the storage engine is built with.
     */
    @Bean
    public ConfigurerModule storedEventUpcasters() {
        return configurer -> StoredEventFormat.upcasters().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
    }

    // Aggregates stay loaded between commands: a case is not rebuilt from its events for every command,
    // which is most of a command's cost (the benchmark in bench/ shows the difference).
    // One cache per kind of case, so that an id reused for another kind can never be served from it.
    // A cached case is trusted as it is (no look-up of its latest sequence number): when another instance
    // changed it meanwhile, the store's optimistic lock refuses the append, or the rules refuse on stale
    // facts, and RetryOnConcurrentChange tries the command again on the case as stored.

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

    /** Commands that lost a race with another instance, or were refused on a stale cached case, are tried again on the stored case. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new RetryOnConcurrentChange(3)).build();
    }

    /** Every command that commits tells the query side, after its commit, that events may be there. */
    @Bean
    public AppendedEventsSignal appendedEventsSignal(DataSource dataSource, CommandBus commandBus) {
        AppendedEventsSignal signal = new AppendedEventsSignal(dataSource);
        commandBus.registerHandlerInterceptor(signal.afterEachCommit());
        return signal;
    }

    /** Every event records who did it: the actor of the command that caused it (and the file, for an import). */
    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ACTOR, MetaDataKeys.IMPORTED_FROM);
    }
}
