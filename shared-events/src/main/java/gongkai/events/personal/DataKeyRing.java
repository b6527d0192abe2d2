package gongkai.events.personal;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The data keys as a side uses them: kept in memory for a short while (a replay reads many events
 * of each case), unwrapped with the master key from the table where they are stored. An erased key
 * is remembered as erased (erasure cannot be undone); a key found is kept at most {@code keep}, so
 * that an erasure made by another instance is followed within that time (the instance that erases
 * forgets the key at once, {@link #forget}).
 * <p>
 * At most {@link #AT_MOST} cases are kept: a rebuild of ten million events reads over a million cases, and a side
 * that runs for months meets every case of its agencies. Past that, the keys out of date go, and if that is not
 * enough, every key (each is read again from its table when next needed, an erased one as erased).
 */
public final class DataKeyRing implements DataKeys {

    /** Where the wrapped keys are stored. */
    public interface Store {
        /** The case's wrapped key; {@link Wrapped#ERASED} once erased; null when it never had one. */
        Wrapped find(String caseId);

        /**
         * Stores {@code wrapped} as the case's key unless it has one already, and answers the key stored;
         * {@code remember} is called with the key stored once it may be kept (its transaction committed).
         * A store that may not create keys (the query side's) answers null.
         */
        Wrapped create(String caseId, byte[] wrapped, Consumer<Wrapped> remember);

        /** The wrapped keys of those of the cases that have one (erased ones as {@link Wrapped#ERASED}). */
        default Map<String, Wrapped> findAll(Collection<String> caseIds) {
            Map<String, Wrapped> found = new HashMap<>();
            for (String caseId : caseIds) {
                Wrapped wrapped = find(caseId);
                if (wrapped != null) {
                    found.put(caseId, wrapped);
                }
            }
            return found;
        }
    }

    public record Wrapped(byte[] key) {
        public static final Wrapped ERASED = new Wrapped(null);

        public boolean erased() {
            return key == null;
        }
    }

    private record Entry(SecretKey key, long until) {
    }

    private static final Entry ERASED = new Entry(null, Long.MAX_VALUE);

    /** About 12 MB of keys, their cases' ids and the map's nodes. */
    static final int AT_MOST = 50_000;

    private final Supplier<MasterKey> master;
    private final Store store;
    private final long keepNanos;
    private final ConcurrentHashMap<String, Entry> kept = new ConcurrentHashMap<>();

    public DataKeyRing(Supplier<MasterKey> master, Store store, Duration keep) {
        this.master = master;
        this.store = store;
        this.keepNanos = keep.toNanos();
    }

    @Override
    public SecretKey forReading(String caseId) {
        Entry entry = kept.get(caseId);
        if (entry != null && entry.until() - System.nanoTime() > 0) {
            return entry.key();
        }
        Wrapped wrapped = store.find(caseId);
        if (wrapped == null) {
            return null;
        }
        return remember(caseId, wrapped);
    }

    @Override
    public SecretKey forWriting(String caseId) {
        Entry entry = kept.get(caseId);
        if (entry != null && entry.until() - System.nanoTime() > 0) {
            return entry.key();
        }
        Wrapped wrapped = store.find(caseId);
        if (wrapped != null) {
            return remember(caseId, wrapped);
        }
        SecretKey fresh = PersonalDataCipher.newKey();
        Wrapped stored = store.create(caseId, master.get().wrap(fresh, caseId), kept -> remember(caseId, kept));
        return stored == null || stored.erased() ? null : master.get().unwrap(stored.key(), caseId);
    }

    /**
     * Reads the keys of those of the cases not kept now in one go from the store, and keeps them: a reader of many
     * cases' events in a row (a rebuild) asks for them before it opens their fields, instead of a round trip a case.
     */
    public void readAhead(Collection<String> caseIds) {
        long now = System.nanoTime();
        List<String> missing = caseIds.stream().distinct().filter(caseId -> {
            Entry entry = kept.get(caseId);
            return entry == null || entry.until() - now <= 0;
        }).toList();
        if (!missing.isEmpty()) {
            store.findAll(missing).forEach(this::remember);
        }
    }

    /** Forgets the case's key at once (it was erased here). */
    public void forget(String caseId) {
        keep(caseId, ERASED);
    }

    /** How many cases are kept now. */
    int keptCases() {
        return kept.size();
    }

    private SecretKey remember(String caseId, Wrapped wrapped) {
        if (wrapped.erased()) {
            keep(caseId, ERASED);
            return null;
        }
        SecretKey key = master.get().unwrap(wrapped.key(), caseId);
        keep(caseId, new Entry(key, System.nanoTime() + keepNanos));
        return key;
    }

    /** Keeps the entry; beyond {@link #AT_MOST}, down to half of it at most (so that the next case does not sweep again). */
    private void keep(String caseId, Entry entry) {
        kept.put(caseId, entry);
        if (kept.size() > AT_MOST) {
            long now = System.nanoTime();
            kept.values().removeIf(e -> e != ERASED && e.until() - now <= 0);
            if (kept.size() > AT_MOST / 2) {
                kept.values().removeIf(e -> e != ERASED);
            }
            if (kept.size() > AT_MOST / 2) {
                kept.clear();
            }
        }
    }
}
