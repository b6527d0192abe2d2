package gongkai.command.eventstore;

import gongkai.events.store.StoredEventFormat;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Objects;

/**
 * The aggregate cache, safe for several command-side instances: a cached case is used only while
 * its version is still the last one stored (one indexed look-up), otherwise it is dropped and the
 * case is loaded from its events. Without this, an instance would decide on a case as it knew it,
 * and refuse (or allow) a command on stale facts after another instance changed the case.
 */
public class StoreCheckedCache implements Cache {

    private final Cache cached = new WeakReferenceCache();
    private final JdbcTemplate jdbc;

    public StoreCheckedCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public <K, V> V get(K key) {
        V value = cached.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !Objects.equals(version(entry), storedVersion(key))) {
            cached.remove(key);
            return null;
        }
        return value;
    }

    private static Long version(AggregateCacheEntry<?> entry) {
        // The weak-reference cache keeps the live aggregate: recreating it returns it as it is.
        return entry.recreateAggregate(null, null, (SnapshotTriggerDefinition) null).version();
    }

    private Long storedVersion(Object aggregateId) {
        return jdbc.queryForObject("select max(sequence_number) from " + StoredEventFormat.EVENT_TABLE
                                   + " where aggregate_identifier = ?", Long.class, aggregateId.toString());
    }

    @Override
    public void put(Object key, Object value) {
        cached.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return cached.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return cached.remove(key);
    }

    @Override
    public void removeAll() {
        cached.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cached.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return cached.registerCacheEntryListener(cacheEntryListener);
    }
}
