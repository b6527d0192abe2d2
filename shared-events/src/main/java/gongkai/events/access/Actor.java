package gongkai.events.access;

import java.time.LocalDate;
import java.util.Set;

/**
 * The authenticated user behind a request, as both services know them: the name recorded on every
 * event they cause, their roles, their agency ({@code null} for an admin) and, when that agency has been
 * closed, the day it was (its users then record nothing more: docs/agencies.md, "Closing").
 */
public record Actor(String username, Set<Role> roles, String agencyId, LocalDate agencyClosedOn) {

    public Actor(String username, Set<Role> roles, String agencyId) {
        this(username, roles, agencyId, null);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
