package gongkai.http.access;

import gongkai.events.access.Actor;
import gongkai.events.access.RememberedPasswords;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;

/**
 * HTTP Basic against the users in PostgreSQL, BCrypt-hashed; {@link RememberedPasswords} spares a
 * busy client BCrypt's cost on every request. A disabled account signs in no more. A database that
 * cannot be asked is not a wrong password: it is an {@link AuthenticationServiceException}, which
 * {@link SignedInChain} answers 503, so that a client retries instead of asking its user to sign in again.
 */
public class PasswordAuthentication implements AuthenticationProvider {

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final RememberedPasswords remembered = new RememberedPasswords(Duration.ofMinutes(5), Clock.systemUTC());

    public PasswordAuthentication(Accounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Accounts.Account account;
        try {
            account = accounts.find(username).orElseThrow(() -> new BadCredentialsException("bad credentials"));
        } catch (DataAccessException e) {
            throw new AuthenticationServiceException("the users cannot be read now", e);
        }
        if (!remembered.remembers(username, account.passwordHash(), password)) {
            if (!encoder.matches(password, account.passwordHash())) {
                throw new BadCredentialsException("bad credentials");
            }
            remembered.remember(username, account.passwordHash(), password);
        }
        if (!account.enabled()) {
            throw new BadCredentialsException("bad credentials");
        }
        Actor actor = account.actor();
        return UsernamePasswordAuthenticationToken.authenticated(actor, null, Accounts.authorities(actor));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
