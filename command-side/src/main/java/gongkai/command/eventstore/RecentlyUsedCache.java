package gongkai.command.eventstore;

import org.axonframework.common.caching.WeakReferenceCache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's cache of weak references, with the cases used most recently also held strongly. A weak reference alone is
 * cleared by the first collection after the command that loaded the case, so on a busy command side a case's next
 * command, seconds later, read its whole history from the store again; the cases being worked on now stay, the
 * rest go when memory is needed, as before.
 */
final class RecentlyUsedCache extends WeakReferenceCache {

    private final Map<Object, Object> recent;

    RecentlyUsedCache(int held) {
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > held;
            }
        });
    }

    @Override
    public <K, V> V get(K key) {
        V value = super.get(key);
        hold(key, value);
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        super.put(key, value);
        hold(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean put = super.putIfAbsent(key, value);
        if (put) {
            hold(key, value);
        }
        return put;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = super.computeIfAbsent(key, valueSupplier);
        hold(key, value);
        return value;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        super.computeIfPresent(key, update);
        Object value = super.get(key);
        if (value == null) {
            recent.remove(key);
        } else {
            hold(key, value);
        }
    }

    @Override
    public boolean remove(Object key) {
        recent.remove(key);
        return super.remove(key);
    }

    @Override
    public void removeAll() {
        recent.clear();
        super.removeAll();
    }

    private void hold(Object key, Object value) {
        if (value != null) {
            recent.put(key, value);
        }
    }
}
