package gongkai.peer;

import gongkai.events.personal.DataKeyRing;
import gongkai.events.personal.MasterKey;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replay mode: Axon's JDBC storage engine on gongkai's event table (its stored format, to read its
 * events), a pooled streaming processor (4 segments, as gongkai's) with its tokens in memory, so that it
 * starts from the first event, into a handler that counts. {@code GET /replay} tells how many it handled.
 */
@Configuration
@ConditionalOnProperty(name = "peer.mode", havingValue = "replay")
public class Replay {

    @Bean
    @Primary
    public Serializer serializer(DataKeyRing keys) {
        return StoredEventFormat.serializer(keys);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(DataKeyRing keys) {
        return StoredEventFormat.serializer(keys);
    }

    /**
     * The applicants' personal fields are stored encrypted with each case's data key (docs/personal-data.md): any
     * application reading these events opens them with the keys gongkai keeps, wrapped with the master key the
     * benchmark gives every service.
     */
    @Bean
    public DataKeyRing dataKeys(JdbcTemplate jdbc, @Value("${GONGKAI_PERSONAL_DATA_MASTER_KEY:}") String master) {
        return new DataKeyRing(() -> MasterKey.of(master, "GONGKAI_PERSONAL_DATA_MASTER_KEY"), new DataKeyRing.Store() {
            @Override
            public DataKeyRing.Wrapped find(String caseId) {
                List<byte[]> found = jdbc.queryForList("select wrapped_key from " + StoredEventFormat.SCHEMA
                                                       + ".data_key where case_id = ?", byte[].class, caseId);
                return found.isEmpty() ? null : new DataKeyRing.Wrapped(found.get(0));
            }

            @Override
            public DataKeyRing.Wrapped create(String caseId, byte[] wrapped, Consumer<DataKeyRing.Wrapped> remember) {
                return null; // it only reads
            }
        }, Duration.ofSeconds(30));
    }

    @Bean
    public EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactions,
                                                 org.axonframework.config.Configuration configuration,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer) {
        return StoredEventFormat.storageEngine(new UnitOfWorkAwareConnectionProviderWrapper(
                new SpringDataSourceConnectionProvider(dataSource)), transactions, configuration.upcasterChain(),
                                               eventSerializer).build();
    }

    @Bean
    public ConfigurerModule storedEventUpcasters() {
        return configurer -> StoredEventFormat.upcasters().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
    }

    @Bean
    public TokenStore tokenStore() {
        return new InMemoryTokenStore();
    }

    @Component
    @ConditionalOnProperty(name = "peer.mode", havingValue = "replay") // nested classes are scanned on their own
    @ProcessingGroup("peer-replay")
    public static class Counting {

        private final AtomicLong handled = new AtomicLong();

        @EventHandler
        void on(Object event) {
            handled.incrementAndGet();
        }
    }

    @RestController
    @ConditionalOnProperty(name = "peer.mode", havingValue = "replay") // nested classes are scanned on their own
    static class ReplayController {

        private final Counting counting;

        ReplayController(Counting counting) {
            this.counting = counting;
        }

        @GetMapping("/replay")
        Map<String, Long> replay() {
            return Map.of("handled", counting.handled.get());
        }
    }
}
