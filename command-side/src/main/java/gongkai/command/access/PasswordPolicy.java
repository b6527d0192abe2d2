package gongkai.command.access;

import java.util.Locale;
import java.util.Optional;

/**
 * The least a new user's password must be: 10 characters or more, and not the username (in any case,
 * with or without the rest of it). Plain Java; the admin API refuses 400 naming {@code password}.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> refusal(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("密码至少 " + MIN_LENGTH + " 个字符 (the password needs at least " + MIN_LENGTH + " characters)");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))
            && password.length() - username.length() < 4) {
            return Optional.of("密码不能是用户名 (the password must not be the username)");
        }
        return Optional.empty();
    }
}
