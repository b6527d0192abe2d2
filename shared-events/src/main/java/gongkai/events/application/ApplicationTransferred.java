package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The application was passed to the agency competent to answer it (转办), with the reason. From then on it
 * belongs to {@code toAgencyId}, whose clerks sign for it ({@link ApplicationSignedFor}); the date of receipt
 * and the reply period stay as they were (docs/lifecycle.md, "Sign-in and transfer").
 *
 * <p>Revision 2: the reason, free text that may name people, is personal data (stored encrypted under the case's
 * key, docs/personal-data.md); revision 1 stored it in clear and reads as it is (the field is unchanged).
 */
@Revision("2")
public record ApplicationTransferred(String applicationId, String fromAgencyId, String toAgencyId,
                                     LocalDate transferredOn, @Personal String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return transferredOn;
    }
}
