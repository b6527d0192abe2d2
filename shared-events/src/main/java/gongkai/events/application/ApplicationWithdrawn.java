package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The applicant withdrew the application: it is concluded, and counts under OTHER_OTHER (counting rule 4). */
@Revision("1")
public record ApplicationWithdrawn(String applicationId, LocalDate withdrawnOn) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return withdrawnOn;
    }
}
