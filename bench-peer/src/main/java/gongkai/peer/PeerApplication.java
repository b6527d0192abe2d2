package gongkai.peer;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The peer the benchmark measures gongkai against: Axon 4.13 as its documentation sets it up, on the
 * same PostgreSQL, with none of gongkai's rules, sign-in, hash chain or read models. Two modes
 * ({@code --peer.mode}): {@code commands} takes a trivial aggregate's commands over HTTP (Axon's JDBC
 * storage engine, an aggregate cache); {@code replay} runs a pooled streaming processor from the first
 * event of gongkai's event table into a handler that only counts in memory. Not part of gongkai.
 */
@SpringBootApplication
public class PeerApplication {

    /** The aggregate's cache; in both modes, since Axon registers the aggregate in both. */
    @Bean
    public Cache thingCache() {
        return new WeakReferenceCache();
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(PeerApplication.class).properties("spring.config.name=peer").run(args);
    }
}
