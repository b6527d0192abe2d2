package gongkai.events.application;

import java.time.LocalDate;

/** The consultation ended; the reply clock runs again. */
public record ConsultationEnded(String applicationId, LocalDate endedOn) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return endedOn;
    }
}
