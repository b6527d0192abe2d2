package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A submission made online was returned to the applicant with the reason (退回), before it was confirmed: never
 * received, it is counted nowhere. The applicant reads the reason with their query code.
 */
@Revision("1")
public record SubmissionReturned(String applicationId, LocalDate returnedOn, String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return returnedOn;
    }
}
