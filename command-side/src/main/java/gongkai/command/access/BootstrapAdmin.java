package gongkai.command.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
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

    @Override
    public void run(ApplicationArguments args) {
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
