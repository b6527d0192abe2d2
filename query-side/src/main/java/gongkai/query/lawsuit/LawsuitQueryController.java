package gongkai.query.lawsuit;

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

/**
 * An agency's lawsuits, newest filed first, each linked to its application and reconsideration: its
 * judgments so far, and the final one (the result that counts) once given.
 */
@RestController
public class LawsuitQueryController {

    private static final int LIMIT = 500;

    private final JdbcTemplate jdbc;

    public LawsuitQueryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/lawsuits")
    public Map<String, Object> list(@RequestParam(required = false) String agencyId, @AuthenticationPrincipal Actor reader) {
        String agency = ReadAccess.listedAgency(reader, agencyId);
        List<Map<String, Object>> items = jdbc.query(
                "select lawsuit_id, filed_on, route, review_id, application_id, judgments, last_judged_on, final_judged_on, "
                + "final_result from lawsuit_case where agency_id = ? order by filed_on desc, lawsuit_id limit " + LIMIT,
                (rs, i) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("lawsuitId", rs.getString(1));
                    item.put("filedOn", rs.getDate(2).toLocalDate());
                    item.put("route", rs.getString(3));
                    item.put("reviewId", rs.getString(4));
                    item.put("applicationId", rs.getString(5));
                    item.put("judgments", rs.getInt(6));
                    item.put("lastJudgedOn", rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate());
                    item.put("finalJudgedOn", rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate());
                    item.put("finalResult", rs.getString(9));
                    return item;
                }, agency);
        return Map.of("agencyId", agency, "items", items);
    }
}
