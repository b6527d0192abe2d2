package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The consultation ended; the reply clock runs again. */
@Revision("1")
public record ConsultationEnded(String applicationId, LocalDate endedOn) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return endedOn;
    }
}
