package gongkai.events.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a few minutes, that a user's password was verified against their stored BCrypt
 * hash, so that a busy client repeating the same credentials does not pay BCrypt's deliberate cost
 * on every request. Only a salted SHA-256 of the password is kept, in memory; a changed stored hash
 * or another password forgets it at once.
 */
public final class RememberedPasswords {

    private record Verified(String storedHash, byte[] fingerprint, Instant until) {
    }

    private final Duration remembered;
    private final Clock clock;
    private final byte[] salt = new SecureRandom().generateSeed(16);
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public RememberedPasswords(Duration remembered, Clock clock) {
        this.remembered = remembered;
        this.clock = clock;
    }

    public boolean remembers(String username, String storedHash, String password) {
        Verified known = verified.get(username);
        return known != null && known.storedHash().equals(storedHash) && clock.instant().isBefore(known.until())
               && MessageDigest.isEqual(known.fingerprint(), fingerprint(password));
    }

    public void remember(String username, String storedHash, String password) {
        verified.put(username, new Verified(storedHash, fingerprint(password), clock.instant().plus(remembered)));
    }

    private byte[] fingerprint(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
