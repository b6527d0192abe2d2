package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A clerk unsealed the case's personal data for a stated legal reason (a lawsuit, a request of the
 * applicant, …); the retention job leaves an unsealed case alone. {@code reason} states the legal
 * ground, not the person.
 */
@Revision("1")
public record PersonalDataUnsealed(String applicationId, LocalDate unsealedOn, String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return unsealedOn;
    }
}
