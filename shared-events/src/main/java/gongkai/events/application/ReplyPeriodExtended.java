package gongkai.events.application;

import java.time.LocalDate;

/** The reply period was extended, once, by at most 20 working days (第三十三条). */
public record ReplyPeriodExtended(String applicationId, LocalDate extendedOn, int workingDays, String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return extendedOn;
    }
}
