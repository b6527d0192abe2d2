package gongkai.events.access;

import java.util.Set;

/**
 * The authenticated user behind a request, as both services know them: the name recorded on every
 * event they cause, their roles, and their agency ({@code null} for an admin).
 */
public record Actor(String username, Set<Role> roles, String agencyId) {

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
