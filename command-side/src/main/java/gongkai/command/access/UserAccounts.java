package gongkai.command.access;

import gongkai.events.access.Role;
import gongkai.http.access.Accounts;
import gongkai.http.access.SignInChanges;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
    private final SignInChanges changes;

    public UserAccounts(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, SignInChanges changes) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.changes = changes;
    }

    /**
     * An admin's change holds on this instance from the moment it commits (the admin's next request may come
     * here at once); other instances drop what they keep when PostgreSQL's notification reaches them.
     */
    private boolean changedHere(int rows) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changes.forgetAll();
                }
            });
        } else {
            changes.forgetAll();
        }
        return rows == 1;
    }

    /** An account as an administrator sees it: never its password hash. */
    public record Listed(String username, Set<Role> roles, String agencyId, boolean disabled, Instant createdAt,
                         String email, String phone) {
    }

    /** An agency as an administrator sees it. */
    public record Agency(String agencyId, String name, String parentId, String kind, LocalDate closedOn, String successorId,
                         Instant createdAt) {
    }

    /** Every user, disabled ones too, by name. */
    public List<Listed> users() {
        return jdbc.query("select username, roles, agency_id, enabled, created_at, email, phone from user_account order by username",
                          (rs, i) -> listed(rs));
    }

    /** One user, disabled or not. */
    public Optional<Listed> user(String username) {
        return jdbc.query("select username, roles, agency_id, enabled, created_at, email, phone from user_account where username = ?",
                          (rs, i) -> listed(rs), username).stream().findFirst();
    }

    public List<Agency> agencies() {
        return jdbc.query("select agency_id, name, parent_id, kind, closed_on, successor_id, created_at from agency "
                          + "order by agency_id",
                          (rs, i) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6),
                                                rs.getTimestamp(7).toInstant()));
    }

    /** Gives a user these roles and this agency (null for none); false when there is no such user. */
    public boolean changeRoles(String username, Set<Role> roles, String agencyId) {
        return changedHere(jdbc.update("update user_account set roles = ?, agency_id = ? where username = ?",
                           Accounts.formatRoles(roles), agencyId, username));
    }

    /** Sets a new password (hashed); false when there is no such user. */
    public boolean resetPassword(String username, String password) {
        return changedHere(jdbc.update("update user_account set password_hash = ? where username = ?",
                           passwordEncoder.encode(password), username));
    }

    /**
     * Where the user receives the reminders of their agency's cases (docs/notices.md); null for none. False when
     * there is no such user.
     */
    public boolean setContact(String username, String email, String phone) {
        return jdbc.update("update user_account set email = ?, phone = ? where username = ?", email, phone, username) == 1;
    }

    /** Disables a user (they sign in nowhere, and the pages cannot call on their behalf) or enables them again. */
    public boolean setDisabled(String username, boolean disabled) {
        return changedHere(jdbc.update("update user_account set enabled = ? where username = ?", !disabled, username));
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        return new Listed(rs.getString("username"), Accounts.parseRoles(rs.getString("roles")), rs.getString("agency_id"),
                          !rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                          rs.getString("email"), rs.getString("phone"));
    }

    public boolean anyUser() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from user_account where roles <> 'PAGES')", Boolean.class));
    }

    /** An agency that exists and is not closed (docs/agencies.md, "Closing"): the public form offers only these. */
    public boolean agencyOpen(String agencyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from agency where agency_id = ? and closed_on is null)", Boolean.class, agencyId));
    }

    public boolean agencyExists(String agencyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from agency where agency_id = ?)", Boolean.class, agencyId));
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
            changedHere(jdbc.update("update user_account set enabled = false where username = ?", username));
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
        changedHere(jdbc.update("update user_account set password_hash = ?, roles = ?, agency_id = null, enabled = true where username = ?",
                                hash, Role.PAGES.name(), username));
    }
}
