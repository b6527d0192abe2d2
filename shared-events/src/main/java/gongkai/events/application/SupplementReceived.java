package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The applicant's supplement arrived; the reply period starts again from zero on this day (第三十条). */
@Revision("1")
public record SupplementReceived(String applicationId, LocalDate receivedOn) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return receivedOn;
    }
}
