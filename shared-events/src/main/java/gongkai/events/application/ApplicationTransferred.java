package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The application was passed to the agency competent to answer it (转办), with the reason. From then on it
 * belongs to {@code toAgencyId}, whose clerks sign for it ({@link ApplicationSignedFor}); the date of receipt
 * and the reply period stay as they were (docs/lifecycle.md, "Sign-in and transfer").
 */
@Revision("1")
public record ApplicationTransferred(String applicationId, String fromAgencyId, String toAgencyId,
                                     LocalDate transferredOn, String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return transferredOn;
    }
}
