package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The fee was paid; the reply clock runs again. */
@Revision("1")
public record FeePaid(String applicationId, LocalDate paidOn) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return paidOn;
    }
}
