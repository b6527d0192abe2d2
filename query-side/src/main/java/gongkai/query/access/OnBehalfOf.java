package gongkai.query.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The web pages call with the built-in account of role PAGES and name the signed-in user in the header
 * {@value #HEADER}: the request then runs as that user (their roles and agency, their name on the events),
 * exactly as if they had called with their own password, which the pages never keep. Only a caller of
 * role PAGES may name another user; an unknown user is refused.
 */
public final class OnBehalfOf extends OncePerRequestFilter {

    public static final String HEADER = "Gongkai-On-Behalf-Of";

    private final Function<String, Optional<Actor>> users;

    public OnBehalfOf(Function<String, Optional<Actor>> users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getHeader(HEADER);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (username != null && caller != null && caller.getPrincipal() instanceof Actor pages && pages.is(Role.PAGES)) {
            Optional<Actor> user = users.apply(username).filter(actor -> !actor.is(Role.PAGES));
            if (user.isEmpty()) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    user.get(), null, user.get().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
