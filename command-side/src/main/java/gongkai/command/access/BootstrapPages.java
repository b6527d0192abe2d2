package gongkai.command.access;

import gongkai.events.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/**
 * The built-in account {@code pages} of the web pages (role PAGES: acts only on behalf of a signed-in
 * user, see {@link OnBehalfOf}), with the password of {@code gongkai.pages.password}
 * ({@code GONGKAI_PAGES_PASSWORD}), which the web process is given too. Without it, no such account.
 * Created once the service is ready, after {@link BootstrapAdmin} has looked for a first user.
 */
@Component
public class BootstrapPages {

    public static final String USERNAME = "pages";

    private final UserAccounts accounts;
    private final String password;

    public BootstrapPages(UserAccounts accounts, @Value("${gongkai.pages.password:}") String password) {
        this.accounts = accounts;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void putPagesAccount() {
        if (!password.isBlank()) {
            accounts.putBuiltIn(USERNAME, password, EnumSet.of(Role.PAGES));
        }
    }
}
