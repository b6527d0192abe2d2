package gongkai.query.report;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The names of agencies, as the command side keeps them ({@code command_side.agency}). */
@Repository
public class AgencyNames {

    private final JdbcTemplate jdbc;

    public AgencyNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The agency's name, or null when it is unknown; remembered a minute (names change rarely, reports are asked often). */
    public String name(String agencyId) {
        Known known = remembered.get(agencyId);
        if (known != null && known.until().isAfter(Instant.now())) {
            return known.name();
        }
        List<String> names = jdbc.queryForList("select name from command_side.agency where agency_id = ?", String.class,
                                               agencyId);
        String name = names.isEmpty() ? null : names.get(0);
        remembered.put(agencyId, new Known(name, Instant.now().plusSeconds(60)));
        return name;
    }

    private record Known(String name, Instant until) {
    }

    private final Map<String, Known> remembered = new ConcurrentHashMap<>();
}
