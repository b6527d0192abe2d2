package gongkai.command.application;

import gongkai.command.access.UserAccounts;
import org.springframework.stereotype.Component;

/** {@link Agencies} as the administrators created them. */
@Component
public class KnownAgencies implements Agencies {

    private final UserAccounts accounts;

    public KnownAgencies(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean exists(String agencyId) {
        return accounts.agencyExists(agencyId);
    }
}
