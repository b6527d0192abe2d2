package gongkai.command.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Agencies and users, in the command side's tables {@code agency} and {@code user_account}. */
@Repository
public class UserAccounts {

    public record Account(String username, String passwordHash, Set<Role> roles, String agencyId) {

        public Actor actor() {
            return new Actor(username, roles, agencyId);
        }
    }

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

    /** An account as an administrator sees it: never its password hash. */
    public record Listed(String username, Set<Role> roles, String agencyId, boolean disabled, Instant createdAt) {
    }

    /** An agency as an administrator sees it. */
    public record Agency(String agencyId, String name, String parentId, Instant createdAt) {
    }

    /** A user who may sign in: a disabled user is not found (by the sign-in, nor by a call on their behalf). */
    public Optional<Account> find(String username) {
        List<Account> found = jdbc.query(
                "select username, password_hash, roles, agency_id from user_account where username = ? "
                + "and disabled_at is null",
                (rs, i) -> new Account(rs.getString(1), rs.getString(2), parseRoles(rs.getString(3)), rs.getString(4)),
                username);
        return found.stream().findFirst();
    }

    /** Every user, disabled ones too, by name. */
    public List<Listed> users() {
        return jdbc.query("select username, roles, agency_id, disabled_at, created_at from user_account order by username",
                          (rs, i) -> listed(rs));
    }

    /** One user, disabled or not. */
    public Optional<Listed> user(String username) {
        return jdbc.query("select username, roles, agency_id, disabled_at, created_at from user_account where username = ?",
                          (rs, i) -> listed(rs), username).stream().findFirst();
    }

    public List<Agency> agencies() {
        return jdbc.query("select agency_id, name, parent_id, created_at from agency order by agency_id",
                          (rs, i) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3),
                                                rs.getTimestamp(4).toInstant()));
    }

    /** Renames an agency; false when there is no such agency. */
    public boolean renameAgency(String agencyId, String name) {
        return jdbc.update("update agency set name = ? where agency_id = ?", name, agencyId) == 1;
    }

    /** Gives a user these roles and this agency (null for none); false when there is no such user. */
    public boolean changeRoles(String username, Set<Role> roles, String agencyId) {
        return jdbc.update("update user_account set roles = ?, agency_id = ? where username = ?",
                           roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), agencyId,
                           username) == 1;
    }

    /** Sets a new password (hashed); false when there is no such user. */
    public boolean resetPassword(String username, String password) {
        return jdbc.update("update user_account set password_hash = ? where username = ?",
                           passwordEncoder.encode(password), username) == 1;
    }

    /** Disables a user (from now) or enables them again; false when there is no such user. */
    public boolean setDisabled(String username, boolean disabled) {
        return jdbc.update("update user_account set disabled_at = case when ? then coalesce(disabled_at, now()) end "
                           + "where username = ?", disabled, username) == 1;
    }

    private static Listed listed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Listed(rs.getString("username"), parseRoles(rs.getString("roles")), rs.getString("agency_id"),
                          rs.getTimestamp("disabled_at") != null, rs.getTimestamp("created_at").toInstant());
    }

    public boolean anyUser() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from user_account)", Boolean.class));
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
                        roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), agencyId);
        } catch (DuplicateKeyException e) {
            throw new AlreadyExists("用户已存在 (user " + username + " already exists)");
        }
    }

    /**
     * Creates or updates a built-in account (no agency) with this password and these roles: the
     * password of such an account is given to every process at start, so the latest start sets it.
     */
    public void putBuiltIn(String username, String password, Set<Role> roles) {
        Optional<Account> existing = find(username);
        if (existing.isPresent() && existing.get().roles().equals(roles)
            && passwordEncoder.matches(password, existing.get().passwordHash())) {
            return;
        }
        jdbc.update("insert into user_account (username, password_hash, roles, agency_id) values (?, ?, ?, null) "
                    + "on conflict (username) do update set password_hash = excluded.password_hash, roles = excluded.roles",
                    username, passwordEncoder.encode(password),
                    roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }

    private static Set<Role> parseRoles(String roles) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).map(Role::valueOf)
              .forEach(parsed::add);
        return parsed;
    }
}
