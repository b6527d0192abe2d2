package gongkai.query.notices;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalTime;
import java.time.ZoneId;

/** The settings of reminders and notices (docs/notices.md; README, "Configuration"). */
@Component
public class NoticeSettings {

    private final DueWindow window;
    private final LocalTime digestAt;
    private final QuietPeriod quiet;
    private final String from;

    public NoticeSettings(@Value("${gongkai.notices.due-window-working-days:3}") int windowWorkingDays,
                          @Value("${gongkai.notices.digest-at:08:00}") LocalTime digestAt,
                          @Value("${gongkai.notices.quiet-from:22:00}") LocalTime quietFrom,
                          @Value("${gongkai.notices.quiet-until:07:00}") LocalTime quietUntil,
                          @Value("${gongkai.notices.zone:Asia/Shanghai}") ZoneId zone,
                          @Value("${gongkai.notices.from:gongkai@localhost}") String from) {
        this.window = new DueWindow(windowWorkingDays);
        this.digestAt = digestAt;
        this.quiet = new QuietPeriod(quietFrom, quietUntil, zone);
        this.from = from;
    }

    public DueWindow window() {
        return window;
    }

    /** The time of day (in the quiet period's zone) from which each day's digest is owed. */
    public LocalTime digestAt() {
        return digestAt;
    }

    public QuietPeriod quiet() {
        return quiet;
    }

    public ZoneId zone() {
        return quiet.zone();
    }

    /** The sender address of the e-mails. */
    public String from() {
        return from;
    }
}
