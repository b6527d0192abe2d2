package gongkai.events.application;

import java.time.LocalDate;

/** The fee was paid; the reply clock runs again. */
public record FeePaid(String applicationId, LocalDate paidOn) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return paidOn;
    }
}
