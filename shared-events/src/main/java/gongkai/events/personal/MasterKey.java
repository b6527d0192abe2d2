package gongkai.events.personal;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * The master key that wraps every data key (AES-256-GCM, the case id as associated data). It never
 * lives in the database: it comes from the environment or a key file (docs/personal-data.md), so that a
 * copy of the database alone reveals no personal data. {@link #toString()} names where it came from,
 * never the key.
 */
public final class MasterKey {

    private static final byte[] CHECK = "gongkai master key check".getBytes(StandardCharsets.UTF_8);
    private static final String CHECK_SUBJECT = "(master key check)";

    private final SecretKey key;
    private final String source;

    private MasterKey(byte[] bytes, String source) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("the master key from " + source + " must be 32 bytes in base64 (44 characters), "
                                               + "e.g. from `head -c 32 /dev/urandom | base64`; it has " + bytes.length + " bytes");
        }
        this.key = PersonalDataCipher.key(bytes);
        this.source = source;
    }

    /** A key given as base64 text (an environment variable or a property). */
    public static MasterKey of(String base64, String source) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.strip()), source);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the master key")) {
                throw e;
            }
            throw new IllegalArgumentException("the master key from " + source + " is not base64 text");
        }
    }

    public static MasterKey read(Path file) {
        try {
            return of(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the master key file " + file.toAbsolutePath(), e);
        }
    }

    /** A new random key written to {@code file}, readable by its owner only. */
    public static MasterKey generate(Path file) {
        String text = Base64.getEncoder().encodeToString(PersonalDataCipher.newKey().getEncoded());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its own defaults
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a new master key to " + file.toAbsolutePath(), e);
        }
        return of(text, "the key file " + file.toAbsolutePath());
    }

    public byte[] wrap(SecretKey dataKey, String caseId) {
        return PersonalDataCipher.seal(key, dataKey.getEncoded(), associated(caseId));
    }

    /** The data key; a wrong master key (or an altered wrapped key) is {@link WrongMasterKey}. */
    public SecretKey unwrap(byte[] wrapped, String caseId) {
        try {
            return PersonalDataCipher.key(PersonalDataCipher.open(key, wrapped, associated(caseId)));
        } catch (GeneralSecurityException e) {
            throw new WrongMasterKey("the master key from " + source + " does not open the data key of case " + caseId);
        }
    }

    /** A value stored beside the data keys by which a start finds out whether it was given the right master key. */
    public byte[] check() {
        return PersonalDataCipher.seal(key, CHECK, associated(CHECK_SUBJECT));
    }

    public boolean opens(byte[] check) {
        try {
            return MessageDigest.isEqual(CHECK, PersonalDataCipher.open(key, check, associated(CHECK_SUBJECT)));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public boolean sameAs(MasterKey other) {
        return Arrays.equals(key.getEncoded(), other.key.getEncoded());
    }

    private static byte[] associated(String caseId) {
        return ("gongkai data key of case " + caseId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "master key from " + source;
    }

    /** The master key given does not open what was wrapped with another. */
    public static final class WrongMasterKey extends RuntimeException {
        public WrongMasterKey(String message) {
            super(message);
        }
    }
}
