package gongkai.events.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" for both sides. Business dates are Chinese dates (docs/annual-report.md, counting rule 7), so
 * today is today in Asia/Shanghai; or, where {@code gongkai.business-date=YYYY-MM-DD} is set (for
 * demonstrations and for tests whose expectations depend on the day), that day at noon, fixed.
 */
public final class BusinessClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessClock() {
    }

    /** The system clock in Asia/Shanghai, or {@code fixedDate} at noon there when one is given. */
    public static Clock of(String fixedDate) {
        if (fixedDate == null || fixedDate.isBlank()) {
            return Clock.system(ZONE);
        }
        return Clock.fixed(LocalDate.parse(fixedDate.strip()).atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
    }
}
