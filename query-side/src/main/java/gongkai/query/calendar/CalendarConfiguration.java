package gongkai.query.calendar;

import gongkai.events.calendar.BusinessClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** The query side's "today", by which DUE_SOON, OVERDUE and the working days left are told. */
@Configuration
public class CalendarConfiguration {

    /** Business dates are Chinese dates: today is today in Asia/Shanghai. */
    public static final ZoneId BUSINESS_ZONE = BusinessClock.ZONE;

    /**
     * Today in Asia/Shanghai; or, with {@code gongkai.business-date=YYYY-MM-DD} (for demonstrations and
     * tests), that day at noon, fixed. It only changes what the query side calls today: nothing recorded.
     */
    @Bean
    public Clock businessClock(@Value("${gongkai.business-date:}") String fixedDate) {
        return BusinessClock.of(fixedDate);
    }
}
