package gongkai.query.timeliness;

import gongkai.events.access.Actor;
import gongkai.query.access.ReadAccess;
import gongkai.http.Problems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agencies/{agencyId}/reports/{year}/timeliness}: the agency's timeliness figures of the
 * year ({@link TimelinessFigures}), beside the report; the report's JSON carries them too, as
 * {@code timeliness}.
 */
@RestController
public class TimelinessController {

    private final Timeliness timeliness;

    public TimelinessController(Timeliness timeliness) {
        this.timeliness = timeliness;
    }

    @GetMapping("/api/agencies/{agencyId}/reports/{year}/timeliness")
    public TimelinessFigures timeliness(@PathVariable String agencyId, @PathVariable int year,
                                        @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        if (year < 2000 || year > 2100) {
            throw Problems.Refused.badInput("year", "年份超出范围 (year must be between 2000 and 2100)");
        }
        return timeliness.of(agencyId, year);
    }
}
