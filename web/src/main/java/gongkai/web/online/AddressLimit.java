package gongkai.web.online;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * At most {@code gongkai.public.max-attempts-per-minute} (default 10) uses of the public form, and as many of the
 * status look-up, per address within a minute, counted in PostgreSQL so that every instance of the pages refuses alike.
 * Every attempt counts, refused or not: a robot gains nothing by failing fast. Behind a proxy, set
 * {@code server.forward-headers-strategy} so that the address is the client's.
 */
@Component
public class AddressLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final int maxAttempts;

    public AddressLimit(JdbcTemplate jdbc, @Value("${gongkai.public.max-attempts-per-minute:10}") int maxAttempts) {
        this.jdbc = jdbc;
        this.maxAttempts = maxAttempts;
    }

    /** Counts this attempt ({@code kind}: the form or the look-up); false when the address has used up the minute's. */
    public boolean allow(String kind, String address) {
        String window = WINDOW.toSeconds() + " seconds";
        jdbc.update("delete from public_attempt where attempted_at < now() - cast(? as interval)", window);
        Integer recent = jdbc.queryForObject(
                "select count(*) from public_attempt where kind = ? and address = ? and attempted_at >= now() - cast(? as interval)",
                Integer.class, kind, address, window);
        jdbc.update("insert into public_attempt (kind, address) values (?, ?)", kind, address);
        return recent == null || recent < maxAttempts;
    }
}
