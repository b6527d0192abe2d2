package gongkai.http.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The users both sides sign in, read from the command side's table {@code command_side.user_account}
 * (the command side creates them; the query side only reads them): the same users and roles on both
 * services. Kept in memory while their changes are heard ({@link SignInChanges}).
 */
public class Accounts {

    /** {@code agencyClosedOn}: the day the user's agency was closed, null while it is open (or for no agency). */
    public record Account(String username, String passwordHash, Set<Role> roles, String agencyId, boolean enabled,
                          LocalDate agencyClosedOn) {

        public Actor actor() {
            return new Actor(username, roles, agencyId, agencyClosedOn);
        }
    }

    private final JdbcTemplate jdbc;
    private final SignInChanges changes;

    /** {@code changes}: the accounts kept in memory while their changes are heard; null reads every time. */
    public Accounts(JdbcTemplate jdbc, SignInChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public Accounts(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    public Optional<Account> find(String username) {
        return changes == null ? read(username) : changes.account(username, () -> read(username));
    }

    /** One statement: the agency's closing is read with the account (and kept with it, see {@link SignInChanges}). */
    private Optional<Account> read(String username) {
        List<Account> found = jdbc.query(
                "select u.username, u.password_hash, u.roles, u.agency_id, u.enabled, a.closed_on"
                + " from command_side.user_account u left join command_side.agency a on a.agency_id = u.agency_id"
                + " where u.username = ?",
                (rs, i) -> new Account(rs.getString(1), rs.getString(2), parseRoles(rs.getString(3)), rs.getString(4),
                                       rs.getBoolean(5), rs.getObject(6, LocalDate.class)),
                username);
        return found.stream().findFirst();
    }

    /** Roles as stored: their names, comma-separated. */
    public static Set<Role> parseRoles(String roles) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).map(Role::valueOf)
              .forEach(parsed::add);
        return parsed;
    }

    public static String formatRoles(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public static List<GrantedAuthority> authorities(Actor actor) {
        return actor.roles().stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
