package gongkai.command.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.http.access.OnBehalfOf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;

/**
 * On first start with no users, creates {@code admin} with the password of
 * {@code GONGKAI_ADMIN_PASSWORD}, or a random one printed once in the log (docs/http-api.md, "Conventions").
 * At every start, keeps the built-in account {@code pages} (role PAGES), through which the pages call
 * both sides on a signed-in user's behalf ({@link OnBehalfOf}): its password is
 * {@code gongkai.pages.password} (environment {@code GONGKAI_PAGES_PASSWORD}), set again each time;
 * without one the account is disabled.
 */
@Component
public class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserAccounts accounts;
    private final Environment environment;

    public BootstrapAdmin(UserAccounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    public static final String PAGES = "pages";

    @Override
    public void run(ApplicationArguments args) {
        createAdmin();
        String pagesPassword = environment.getProperty("gongkai.pages.password");
        boolean pagesEnabled = pagesPassword != null && !pagesPassword.isBlank();
        accounts.keepPagesAccount(PAGES, pagesEnabled ? pagesPassword : null);
        log.info("The pages account '{}' is {}.", PAGES, pagesEnabled ? "enabled (gongkai.pages.password)"
                                                                     : "disabled (no gongkai.pages.password)");
    }

    private void createAdmin() {
        if (accounts.anyUser()) {
            return;
        }
        String password = environment.getProperty("GONGKAI_ADMIN_PASSWORD");
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            password = HexFormat.of().formatHex(random);
        }
        try {
            accounts.createUser("admin", password, EnumSet.of(Role.ADMIN), null);
        } catch (UserAccounts.AlreadyExists raced) {
            return; // another instance created it first
        }
        if (generated) {
            log.warn("Created the first user 'admin' with the generated password {} "
                     + "(set GONGKAI_ADMIN_PASSWORD to choose it); it is shown only this once.", password);
        } else {
            log.info("Created the first user 'admin' with the password of GONGKAI_ADMIN_PASSWORD.");
        }
    }
}
