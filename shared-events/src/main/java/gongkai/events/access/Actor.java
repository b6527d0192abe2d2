package gongkai.events.access;

import java.time.LocalDate;
import java.util.Set;

/**
 * The authenticated user behind a request, as both services know them: the name recorded on every
 * event they cause, their roles, their agency ({@code null} for an admin) and, when that agency has been
 * closed, the day it was (its users then record nothing more: docs/agencies.md, "Closing").
 */
public record Actor(String username, Set<Role> roles, String agencyId, LocalDate agencyClosedOn) {

    /**
     * The name recorded as actor of what an applicant does on the public page (a submission, the files attached to
     * it): the applicant has no account, their own data is in the events.
     */
    public static final String ONLINE_APPLICANT = "online-applicant";

    public Actor(String username, Set<Role> roles, String agencyId) {
        this(username, roles, agencyId, null);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
