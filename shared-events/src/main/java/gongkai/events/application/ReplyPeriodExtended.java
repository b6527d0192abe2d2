package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The reply period was extended, once, by at most 20 working days (第三十三条). */
@Revision("1")
public record ReplyPeriodExtended(String applicationId, LocalDate extendedOn, int workingDays, @Personal String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return extendedOn;
    }
}
