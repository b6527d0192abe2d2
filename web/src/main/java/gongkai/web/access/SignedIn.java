package gongkai.web.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.Serializable;
import java.util.List;

/**
 * The signed-in user as the session keeps them: name, roles and agency, never the password (the
 * sides are called on the user's behalf with the pages' own account).
 */
public record SignedIn(String username, List<String> roles, String agencyId) implements Serializable {

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The user of the current request; every page but sign-in requires one. */
    public static SignedIn current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn user)) {
            throw new IllegalStateException("no signed-in user");
        }
        return user;
    }
}
