package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A clerk of the agency that holds the application signed for it (签收) after it was passed on to that agency. */
@Revision("1")
public record ApplicationSignedFor(String applicationId, String agencyId, LocalDate signedOn)
        implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
