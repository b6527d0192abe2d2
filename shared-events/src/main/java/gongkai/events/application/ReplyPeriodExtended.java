package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The reply period was extended, once, by at most 20 working days (第三十三条). */
@Revision("1")
public record ReplyPeriodExtended(String applicationId, LocalDate extendedOn, int workingDays, String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return extendedOn;
    }
}
