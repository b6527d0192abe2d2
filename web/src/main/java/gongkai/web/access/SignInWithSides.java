package gongkai.web.access;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.web.sides.Sides;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a signing-in user's password where the accounts are: the query side's {@code GET /api/me}
 * with the user's own credentials, which answers their name, roles and agency. The pages keep no
 * accounts of their own.
 */
@Component
public class SignInWithSides implements AuthenticationProvider {

    private final Sides sides;

    public SignInWithSides(Sides sides) {
        this.sides = sides;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (username.isBlank() || password.isEmpty() || Sides.PAGES_ACCOUNT.equals(username)) {
            throw new BadCredentialsException("bad credentials");
        }
        JsonNode me = sides.me(username, password).orElseThrow(() -> new BadCredentialsException("bad credentials"));
        List<String> roles = new ArrayList<>();
        me.path("roles").forEach(role -> roles.add(role.asText()));
        SignedIn user = new SignedIn(me.path("username").asText(username), List.copyOf(roles),
                                     me.path("agencyId").isNull() ? null : me.path("agencyId").asText(null));
        return UsernamePasswordAuthenticationToken.authenticated(
                user, null, roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
