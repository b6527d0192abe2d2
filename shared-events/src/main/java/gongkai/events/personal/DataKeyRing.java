package gongkai.events.personal;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The data keys as a side uses them: kept in memory for a short while (a replay reads many events
 * of each case), unwrapped with the master key from the table where they are stored. An erased key
 * is remembered for good (erasure cannot be undone); a key found is kept at most {@code keep}, so
 * that an erasure made by another instance is followed within that time (the instance that erases
 * forgets the key at once, {@link #forget}).
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

    /** Forgets the case's key at once (it was erased here). */
    public void forget(String caseId) {
        kept.put(caseId, ERASED);
    }

    private SecretKey remember(String caseId, Wrapped wrapped) {
        if (wrapped.erased()) {
            kept.put(caseId, ERASED);
            return null;
        }
        SecretKey key = master.get().unwrap(wrapped.key(), caseId);
        kept.put(caseId, new Entry(key, System.nanoTime() + keepNanos));
        return key;
    }
}
