package gongkai.http.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.http.ErrorAnswers;
import gongkai.http.Problems;
import org.springframework.dao.DataAccessException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Delegated calls: the pages (a process of their own) sign a user in with a form and then call the
 * JSON APIs with their own account (role {@link Role#PAGES}) and this header naming the user. The
 * request then runs as that user, loaded afresh (they must exist and be enabled; their own roles and
 * agency), so every event records the user, not the pages, as its actor. The header from any other
 * principal is refused 403; the pages account alone is granted nothing else.
 */
public class OnBehalfOf extends OncePerRequestFilter {

    public static final String HEADER = "Gongkai-On-Behalf-Of";

    private static final Logger log = LoggerFactory.getLogger(OnBehalfOf.class);

    private final Accounts accounts;
    private final ObjectMapper json;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public OnBehalfOf(Accounts accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getHeader(HEADER);
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        Authentication caller = contexts.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || !(caller.getPrincipal() instanceof Actor pages)) {
            chain.doFilter(request, response); // not signed in: answered 401 further on
            return;
        }
        if (!pages.is(Role.PAGES)) {
            Problems.write(response, json, HttpStatus.FORBIDDEN,
                           "只有页面服务可以代表他人 (only the pages may call on a user's behalf)", Map.of());
            return;
        }
        Optional<Accounts.Account> user;
        try {
            user = accounts.find(username.trim());
        } catch (DataAccessException e) {
            Problems.write(response, json, HttpStatus.SERVICE_UNAVAILABLE, ErrorAnswers.DATABASE_AWAY,
                           Map.of("Retry-After", ErrorAnswers.RETRY_AFTER_SECONDS));
            return;
        }
        if (user.isEmpty() || !user.get().enabled() || user.get().roles().contains(Role.PAGES)) {
            log.info("The pages account {} asked on behalf of an unknown or disabled user", pages.username());
            Problems.write(response, json, HttpStatus.FORBIDDEN,
                           "没有这个可用的用户 (no enabled user of that name)", Map.of());
            return;
        }
        Actor actor = user.get().actor();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, Accounts.authorities(actor)));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
