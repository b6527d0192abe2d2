package gongkai.query.application;

import gongkai.events.access.Actor;
import gongkai.query.access.ReadAccess;
import gongkai.http.Problems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/applications/{id}/due-history}: every move of the application's reply due date (or of
 * where its clock stands), oldest first, each with the due date and explanation it led to, the instant
 * it was recorded, and what caused it: one of the application's own events, or the publication of a
 * working-day calendar year ({@code causedByEventId} names the event either way).
 */
@RestController
public class DueHistoryController {

    private final JdbcTemplate jdbc;
    private final ApplicationClocks clocks;

    public DueHistoryController(JdbcTemplate jdbc, ApplicationClocks clocks) {
        this.jdbc = jdbc;
        this.clocks = clocks;
    }

    @GetMapping("/api/applications/{id}/due-history")
    public Map<String, Object> history(@PathVariable String id, @AuthenticationPrincipal Actor reader) {
        List<String> agency = jdbc.queryForList("select agency_id from application_case where application_id = ?",
                                                String.class, id);
        if (agency.isEmpty() || !ReadAccess.mayRead(reader, agency.get(0))) {
            throw Problems.Refused.notFound("未找到该申请 (no application " + id + " that you may read)");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("applicationId", id);
        answer.put("changes", clocks.history(id));
        return answer;
    }
}
