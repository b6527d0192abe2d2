package gongkai.events.application;

import java.time.LocalDate;

/** The applicant's supplement arrived; the reply period starts again from zero on this day (第三十条). */
public record SupplementReceived(String applicationId, LocalDate receivedOn) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return receivedOn;
    }
}
