package gongkai.events.application;

import java.time.LocalDate;

/** A third party (or another agency) is consulted in writing (第三十二条); the time is not counted in the reply period (第三十三条). */
public record ConsultationStarted(String applicationId, LocalDate startedOn, String party) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return startedOn;
    }
}
