package gongkai.events.personal;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM with the JDK's provider: a 96-bit random nonce per value, a 128-bit tag, and the case
 * id as associated data, so that a value copied into another case's event does not decrypt. A stored
 * value is the text {@code pd1:<case id, base64url>:<nonce ‖ ciphertext, base64>}: it names its case,
 * so that a reader finds the key without knowing the event's shape.
 */
public final class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher object per thread, initialised afresh (key and nonce) for every value: {@code Cipher.getInstance}
     * looks its provider up anew on each call, which costs more than sealing or opening a name or an address.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    });

    private PersonalDataCipher() {
    }

    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available in this JDK", e);
        }
    }

    public static SecretKey key(byte[] bytes) {
        return new SecretKeySpec(bytes, "AES");
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public static String encrypt(SecretKey key, String caseId, byte[] plain) {
        byte[] sealed = seal(key, plain, associated(caseId));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(caseId.getBytes(StandardCharsets.UTF_8))
               + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /** The case an encrypted value belongs to. */
    public static String caseOf(String stored) {
        int end = stored.indexOf(':', PREFIX.length());
        if (!isEncrypted(stored) || end < 0) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        return new String(Base64.getUrlDecoder().decode(stored.substring(PREFIX.length(), end)), StandardCharsets.UTF_8);
    }

    /** The plain bytes; an altered value or the wrong key is an exception that names the case only. */
    public static byte[] decrypt(SecretKey key, String stored) {
        String caseId = caseOf(stored);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(stored.indexOf(':', PREFIX.length()) + 1));
        try {
            return open(key, sealed, associated(caseId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data of case " + caseId
                                            + " does not decrypt: the stored value was altered or the key is not its own");
        }
    }

    static byte[] seal(SecretKey key, byte[] plain, byte[] associated) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            byte[] encrypted = cipher.doFinal(plain);
            byte[] sealed = new byte[NONCE_BYTES + encrypted.length];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
            System.arraycopy(encrypted, 0, sealed, NONCE_BYTES, encrypted.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt", e);
        }
    }

    static byte[] open(SecretKey key, byte[] sealed, byte[] associated) throws GeneralSecurityException {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(associated);
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    private static byte[] associated(String caseId) {
        return ("gongkai personal data of case " + caseId).getBytes(StandardCharsets.UTF_8);
    }
}
