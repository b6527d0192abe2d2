package gongkai.query.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The query side's "today", by which DUE_SOON, OVERDUE and the working days left are told. */
@Configuration
public class CalendarConfiguration {

    /** Business dates are Chinese dates: today is today in Asia/Shanghai. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Today in Asia/Shanghai; or, with {@code gongkai.business-date=YYYY-MM-DD} (for demonstrations and
     * tests), that day at noon, fixed. It only changes what the query side calls today: nothing recorded.
     */
    @Bean
    public Clock businessClock(@Value("${gongkai.business-date:}") String fixedDate) {
        if (fixedDate == null || fixedDate.isBlank()) {
            return Clock.system(BUSINESS_ZONE);
        }
        return Clock.fixed(LocalDate.parse(fixedDate.strip()).atTime(12, 0).atZone(BUSINESS_ZONE).toInstant(),
                           BUSINESS_ZONE);
    }
}
