package gongkai.command.access;

import gongkai.events.access.Role;
import gongkai.http.access.Accounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

import java.util.EnumSet;
import java.util.Set;

/**
 * Agencies and users, in the command side's tables {@code agency} and {@code user_account}; both sides
 * sign users in through {@link Accounts}.
 */
@Repository
public class UserAccounts {

    public static class AlreadyExists extends RuntimeException {
        public AlreadyExists(String message) {
            super(message, null, false, false);
        }
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    public UserAccounts(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public boolean anyUser() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from user_account where roles <> 'PAGES')", Boolean.class));
    }

    public boolean agencyExists(String agencyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from agency where agency_id = ?)", Boolean.class, agencyId));
    }

    public void createAgency(String agencyId, String name, String parentId) {
        try {
            jdbc.update("insert into agency (agency_id, name, parent_id) values (?, ?, ?)", agencyId, name, parentId);
        } catch (DuplicateKeyException e) {
            throw new AlreadyExists("机关已存在 (agency " + agencyId + " already exists)");
        }
    }

    public void createUser(String username, String password, Set<Role> roles, String agencyId) {
        try {
            jdbc.update("insert into user_account (username, password_hash, roles, agency_id) values (?, ?, ?, ?)",
                        username, passwordEncoder.encode(password),
                        Accounts.formatRoles(roles), agencyId);
        } catch (DuplicateKeyException e) {
            throw new AlreadyExists("用户已存在 (user " + username + " already exists)");
        }
    }

    /**
     * The built-in account of the pages: created with this password, or given it again, and enabled;
     * with no password, disabled (the pages then cannot call on anyone's behalf).
     */
    public void keepPagesAccount(String username, String password) {
        if (password == null) {
            jdbc.update("update user_account set enabled = false where username = ?", username);
            return;
        }
        String hash = jdbc.query("select password_hash from user_account where username = ?",
                                 rs -> rs.next() ? rs.getString(1) : null, username);
        if (hash == null) {
            try {
                createUser(username, password, EnumSet.of(Role.PAGES), null);
            } catch (AlreadyExists raced) {
                keepPagesAccount(username, password); // another instance created it first
            }
            return;
        }
        if (!passwordEncoder.matches(password, hash)) {
            hash = passwordEncoder.encode(password);
        }
        jdbc.update("update user_account set password_hash = ?, roles = ?, agency_id = null, enabled = true where username = ?",
                    hash, Role.PAGES.name(), username);
    }
}
