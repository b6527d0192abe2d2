package gongkai.query.charts;

import gongkai.events.access.Actor;
import gongkai.query.reads.InList;
import gongkai.events.access.Role;
import gongkai.query.access.ReadAccess;
import gongkai.http.Problems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts' numbers: {@code GET /api/agencies/{agencyId}/reports/{year}/charts} for one agency's year
 * ({@link ReportCharts}), and {@code GET /api/reports/{year}/charts/agencies} for the same year's totals
 * side by side for every agency the caller may read (an admin: every agency; others: their own).
 */
@RestController
public class ChartsController {

    private final ReportCharts charts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ChartsController(ReportCharts charts, JdbcTemplate jdbc, Clock clock) {
        this.charts = charts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/agencies/{agencyId}/reports/{year}/charts")
    public ReportCharts.Charts charts(@PathVariable String agencyId, @PathVariable int year,
                                      @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        requireYear(year);
        return charts.of(agencyId, year, LocalDate.now(clock));
    }

    /** Each agency's received, concluded and still open (at the end of the year), as in its table 三. */
    @GetMapping("/api/reports/{year}/charts/agencies")
    public Map<String, Object> byAgency(@PathVariable int year, @AuthenticationPrincipal Actor reader) {
        requireYear(year);
        Date first = Date.valueOf(LocalDate.of(year, 1, 1));
        Date last = Date.valueOf(LocalDate.of(year, 12, 31));
        List<Object> args = new ArrayList<>(List.of(first, last, first, last, last, last));
        String scope = "";
        if (!reader.is(Role.ADMIN)) {
            List<String> readable = ReadAccess.readable(reader);
            if (readable.isEmpty()) {
                readable = List.of(String.valueOf(reader.agencyId()));
            }
            scope = " where " + InList.of("a.agency_id", readable);
            args.addAll(readable);
        }
        List<Map<String, Object>> agencies = jdbc.query(
                "select a.agency_id, a.name, "
                + "count(c.application_id) filter (where c.received_on between ? and ?), "
                + "count(c.application_id) filter (where c.concluded_on between ? and ?), "
                + "count(c.application_id) filter (where c.received_on <= ? and (c.concluded_on is null or c.concluded_on > ?)) "
                + "from command_side.agency a left join application_case c on c.agency_id = a.agency_id" + scope
                + " group by a.agency_id, a.name order by a.agency_id",
                (rs, i) -> {
                    Map<String, Object> agency = new LinkedHashMap<>();
                    agency.put("agencyId", rs.getString(1));
                    agency.put("name", rs.getString(2));
                    agency.put("received", rs.getLong(3));
                    agency.put("concluded", rs.getLong(4));
                    agency.put("openAtYearEnd", rs.getLong(5));
                    return agency;
                }, args.toArray());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", year);
        answer.put("agencies", agencies);
        return answer;
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            throw Problems.Refused.badInput("year", "年份超出范围 (year must be between 2000 and 2100)");
        }
    }
}
