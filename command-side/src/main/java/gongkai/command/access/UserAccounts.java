package gongkai.command.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

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

    public Optional<Account> find(String username) {
        List<Account> found = jdbc.query(
                "select username, password_hash, roles, agency_id from user_account where username = ?",
                (rs, i) -> new Account(rs.getString(1), rs.getString(2), parseRoles(rs.getString(3)), rs.getString(4)),
                username);
        return found.stream().findFirst();
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
