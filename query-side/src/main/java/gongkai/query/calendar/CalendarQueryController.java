package gongkai.query.calendar;

import gongkai.events.calendar.CalendarYear;
import gongkai.query.calendar.KnownCalendar.KnownYear;
import gongkai.http.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    public CalendarQueryController(KnownCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    public Map<String, Object> years() {
        List<Map<String, Object>> years = calendar.years().stream().map(y -> view(y, false)).toList();
        return Map.of("years", years);
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
