package gongkai.command.access;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** The authenticated user behind a request: the name recorded on every event they cause, and their agency. */
public record Actor(String username, Set<Role> roles, String agencyId) {

    public Collection<GrantedAuthority> authorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).collect(Collectors.toList());
    }
}
