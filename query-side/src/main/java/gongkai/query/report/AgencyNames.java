package gongkai.query.report;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The names of agencies, as the command side keeps them ({@code command_side.agency}). */
@Repository
public class AgencyNames {

    private final JdbcTemplate jdbc;

    public AgencyNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The agency's name, or null when it is unknown. */
    public String name(String agencyId) {
        List<String> names = jdbc.queryForList("select name from command_side.agency where agency_id = ?", String.class,
                                               agencyId);
        return names.isEmpty() ? null : names.get(0);
    }
}
