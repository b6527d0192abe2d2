package gongkai.query.calendar;

import gongkai.events.calendar.CalendarYear;
import gongkai.query.calendar.KnownCalendar.KnownYear;
import gongkai.http.Problems;
import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/calendars}: the years of the working-day calendar known, each with the notice it
 * copies and where it comes from ({@code OFFICIAL}: shipped with gongkai; {@code PUBLISHED}: published by
 * an administrator, which replaces shipped data of the same year). {@code GET /api/calendars/{year}}: one
 * year with its days off and worked weekend days. Any signed-in user may read them: nothing here is
 * an agency's.
 */
@RestController
@RequestMapping("/api/calendars")
public class CalendarQueryController {

    private final KnownCalendar calendar;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CalendarQueryController(KnownCalendar calendar, JdbcTemplate jdbc, Clock clock) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * {@code GET /api/calendars/warnings}: each calendar year that is missing as of today
     * ({@link MissingCalendarYears}), with the open applications whose provisional due date lies in it
     * or later (their period reaches into it), per agency the caller may read: an admin every agency,
     * a clerk or auditor their own.
     */
    @GetMapping("/warnings")
    public Map<String, Object> warnings(@AuthenticationPrincipal Actor reader) {
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (int year : MissingCalendarYears.asOf(calendar.current(), today)) {
            String scope = reader.is(Role.ADMIN) ? "" : " and agency_id = ?";
            List<Object> args = new ArrayList<>(List.of(Date.valueOf(LocalDate.of(year, 1, 1))));
            if (!reader.is(Role.ADMIN)) {
                args.add(String.valueOf(reader.agencyId()));
            }
            List<Map<String, Object>> byAgency = jdbc.query(
                    "select agency_id, count(*) from application_case where provisional_due_on >= ? "
                    + "and concluded_on is null" + scope + " group by agency_id order by agency_id",
                    (rs, i) -> {
                        Map<String, Object> agency = new LinkedHashMap<>();
                        agency.put("agencyId", rs.getString(1));
                        agency.put("openCases", rs.getLong(2));
                        return agency;
                    }, args.toArray());
            long open = byAgency.stream().mapToLong(a -> (Long) a.get("openCases")).sum();
            Map<String, Object> warning = new LinkedHashMap<>();
            warning.put("missingYear", year);
            warning.put("openCases", open);
            warning.put("byAgency", byAgency);
            warning.put("message", year + " 年工作日历尚未录入：" + open + " 件未结申请的答复期限延伸至该年，目前仅为暂定日期"
                                   + "（仅计周末及元旦、劳动节、国庆节）；请管理员录入国务院办公厅公布的 " + year
                                   + " 年节假日安排 (no working-day calendar for " + year + "; " + open
                                   + " open application(s) run into it and have provisional due dates only)");
            warnings.add(warning);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("today", today);
        answer.put("warnings", warnings);
        return answer;
    }

    @GetMapping
    public Map<String, Object> years() {
        List<Map<String, Object>> years = calendar.years().stream().map(y -> view(y, false)).toList();
        return Map.of("years", years);
    }

    /**
     * {@code GET /api/calendars/{year}/moved-due-dates}: the due dates the latest publication of the year
     * moved, each with the date before it (or the provisional one), of the applications the caller may
     * read; {@code eventId} names the publication (null while the year has none).
     */
    @GetMapping("/{year}/moved-due-dates")
    public Map<String, Object> movedDueDates(@PathVariable int year, @AuthenticationPrincipal Actor reader) {
        KnownYear known = calendar.years().stream().filter(y -> y.calendar().year() == year).findFirst()
                                  .orElseThrow(() -> Problems.Refused.notFound(
                                          year + " 年工作日历尚未录入 (no working-day calendar for " + year + ")"));
        List<Map<String, Object>> moves = new ArrayList<>();
        if (known.eventId() != null) {
            String scope = reader.is(Role.ADMIN) ? "" : " and c.agency_id = ?";
            List<Object> args = new ArrayList<>(List.of(known.eventId()));
            if (!reader.is(Role.ADMIN)) {
                args.add(String.valueOf(reader.agencyId()));
            }
            moves = jdbc.query("select h.application_id, c.agency_id, h.due_on, before.due_on, before.provisional_due_on "
                               + "from application_due_history h join application_case c on c.application_id = h.application_id "
                               + "left join lateral (select p.due_on, p.provisional_due_on from application_due_history p "
                               + "where p.application_id = h.application_id and p.id < h.id order by p.id desc limit 1) before "
                               + "on true where h.caused_by_event_id = ?" + scope + " order by c.agency_id, h.application_id",
                               (rs, i) -> {
                                   Map<String, Object> move = new LinkedHashMap<>();
                                   move.put("applicationId", rs.getString(1));
                                   move.put("agencyId", rs.getString(2));
                                   move.put("dueOn", rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate());
                                   move.put("dueBefore", rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate());
                                   move.put("provisionalBefore", rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate());
                                   return move;
                               }, args.toArray());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", year);
        answer.put("eventId", known.eventId());
        answer.put("publishedAt", known.publishedAt());
        answer.put("moves", moves);
        return answer;
    }

    @GetMapping("/{year}")
    public Map<String, Object> year(@PathVariable int year) {
        return calendar.years().stream().filter(y -> y.calendar().year() == year).findFirst()
                       .map(y -> view(y, true))
                       .orElseThrow(() -> Problems.Refused.notFound(
                               year + " 年工作日历尚未录入 (no working-day calendar for " + year + ")"));
    }

    private static Map<String, Object> view(KnownYear y, boolean days) {
        CalendarYear c = y.calendar();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("year", c.year());
        view.put("notice", c.notice());
        view.put("source", y.published() ? "PUBLISHED" : "OFFICIAL");
        view.put("publishedOn", y.publishedOn());
        view.put("publishedAt", y.publishedAt());
        int workingDays = 0;
        for (var d = java.time.LocalDate.of(c.year(), 1, 1); d.getYear() == c.year(); d = d.plusDays(1)) {
            if (c.isWorkingDay(d)) {
                workingDays++;
            }
        }
        view.put("workingDays", workingDays);
        if (days) {
            view.put("daysOff", c.daysOff());
            view.put("workedWeekendDays", c.workedWeekendDays());
        }
        return view;
    }
}
