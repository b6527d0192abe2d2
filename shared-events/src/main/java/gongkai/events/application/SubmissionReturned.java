package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A submission made online was returned to the applicant with the reason (退回), before it was confirmed: never
 * received, it is counted nowhere. The applicant reads the reason with their query code.
 *
 * <p>Revision 2: the reason, free text that may name people, is personal data (stored encrypted under the case's
 * key, docs/personal-data.md); revision 1 stored it in clear and reads as it is (the field is unchanged).
 */
@Revision("2")
public record SubmissionReturned(String applicationId, LocalDate returnedOn, @Personal String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return returnedOn;
    }
}
