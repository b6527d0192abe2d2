package gongkai.events.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The query code an applicant gets for an application submitted online, and the digest by which it is found again:
 * SHA-256 of the code and the last four digits of the applicant's phone, so that neither the code nor the digits are
 * stored, and a code without the right digits (or the digits without the code) finds nothing. The code is not
 * personal data; 12 characters from 31 unambiguous ones (about 59 bits) are not guessed within any rate limit.
 */
public final class QueryCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXY";
    private static final int LENGTH = 12;

    private QueryCodes() {
    }

    /** A new code, shown as three groups of four (e.g. {@code 7KQ2-MWX9-3HTA}). */
    public static String newCode(SecureRandom random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The last four digits of a phone number as typed (spaces and dashes ignored); empty if it has fewer. */
    public static String lastFourDigits(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        return digits.length() < 4 ? "" : digits.substring(digits.length() - 4);
    }

    /** The digest stored with the application; the code is read case-insensitively, with or without its dashes. */
    public static String digest(String code, String lastFourDigits) {
        String normal = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                                       .digest((normal + ":" + lastFourDigits).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
