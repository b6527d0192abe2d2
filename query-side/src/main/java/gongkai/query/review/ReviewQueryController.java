package gongkai.query.review;

import gongkai.events.access.Actor;
import gongkai.query.access.ReadAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An agency's reconsiderations, newest filed first, each linked to its application (no personal data). */
@RestController
public class ReviewQueryController {

    private static final int LIMIT = 500;

    private final JdbcTemplate jdbc;

    public ReviewQueryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/reviews")
    public Map<String, Object> list(@RequestParam(required = false) String agencyId, @AuthenticationPrincipal Actor reader) {
        String agency = ReadAccess.listedAgency(reader, agencyId);
        List<Map<String, Object>> items = jdbc.query(
                "select review_id, filed_on, application_id, decided_on, result from review_case where agency_id = ? "
                + "order by filed_on desc, review_id limit " + LIMIT,
                (rs, i) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("reviewId", rs.getString(1));
                    item.put("filedOn", rs.getDate(2).toLocalDate());
                    item.put("applicationId", rs.getString(3));
                    item.put("decidedOn", rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate());
                    item.put("result", rs.getString(5));
                    return item;
                }, agency);
        return Map.of("agencyId", agency, "items", items);
    }
}
