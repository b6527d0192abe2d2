package gongkai.http.access;

import gongkai.http.PostgresNotifications;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What a request's sign-in reads from PostgreSQL, kept in memory while every change to it is heard:
 * the user's account (password hash, roles, agency, enabled) and the throttle's "no recent failures for
 * this user and address". A trigger on {@code user_account} and {@code sign_in_failure} (command side,
 * V21_1) sends a notification on {@link #CHANNEL} when a change commits; this listener then drops
 * everything kept. So a signed-in request makes no round trip for its sign-in, and an admin's change
 * holds on every instance as soon as PostgreSQL has delivered the notification.
 *
 * <p>Kept only while heard: until {@code LISTEN} is in place, and from the moment the listening
 * connection fails (PostgreSQL away, the connection killed) until it listens again, nothing is kept and
 * every request reads as before. A value read while a change was announced is not kept (a generation
 * counter, checked again after the value is stored), so a read that raced a change never outlives it.
 */
public class SignInChanges extends PostgresNotifications {

    public static final String CHANNEL = "gongkai_sign_in_changed";
    /** Users kept at most: more distinct names than an office has staff are not kept (a guessing loop's). */
    private static final int MAX_KEPT = 10_000;

    private final AtomicLong generation = new AtomicLong();
    private volatile boolean heard;

    private final Map<String, Optional<Accounts.Account>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> throttleClear = new ConcurrentHashMap<>();

    public SignInChanges(DataSource dataSource) {
        super(dataSource, CHANNEL, "changes of users and failed sign-ins (read on every request meanwhile)");
    }

    @Override
    protected void listening() {
        forgetAll(); // whatever changed while nobody listened
        heard = true;
    }

    @Override
    protected void waited(boolean anything) {
        if (anything) {
            forgetAll();
        }
    }

    @Override
    protected void deaf() {
        heard = false;
        forgetAll();
    }

    /** A change that PostgreSQL does not announce (none in production: tests that disable the trigger); also this instance's own failed sign-ins. */
    public void forgetAll() {
        generation.incrementAndGet();
        accounts.clear();
        throttleClear.clear();
    }

    /** How many times this instance has dropped what it kept (an announced change heard, or {@link #forgetAll}). */
    public long changesHeard() {
        return generation.get();
    }

    /** The account as kept, else as {@code read} gives it (kept if no change was announced meanwhile). Unknown users are not kept. */
    Optional<Accounts.Account> account(String username, Supplier<Optional<Accounts.Account>> read) {
        Optional<Accounts.Account> kept = heard ? accounts.get(username) : null;
        if (kept != null) {
            return kept;
        }
        long before = generation.get();
        Optional<Accounts.Account> found = read.get();
        if (found.isPresent()) {
            keep(accounts, username, found, before);
        }
        return found;
    }

    /** The throttle's seconds to wait for this user from this address: null (let through) as kept, else as {@code read} says (only "let through" is kept). */
    Long secondsToWait(String username, String address, Supplier<Long> read) {
        String key = username + '\u0000' + address;
        if (heard && throttleClear.containsKey(key)) {
            return null;
        }
        long before = generation.get();
        Long wait = read.get();
        if (wait == null) {
            keep(throttleClear, key, Boolean.TRUE, before);
        }
        return wait;
    }

    private <V> void keep(Map<String, V> kept, String key, V value, long generationBeforeRead) {
        if (!heard || generation.get() != generationBeforeRead || kept.size() >= MAX_KEPT) {
            return;
        }
        kept.put(key, value);
        if (!heard || generation.get() != generationBeforeRead) {
            kept.remove(key); // a change was announced (or hearing stopped) while it was stored
        }
    }
}
