package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A third party (or another agency) is consulted in writing (第三十二条); the time is not counted in
 * the reply period (第三十三条). {@code consultedParty} is the one consulted, never the applicant.
 * Revision 2: revision 1 called it {@code party}, which read as a party to the case; stored events of
 * revision 1 are renamed on reading by {@link gongkai.events.store.ConsultedPartyRenamed}.
 */
@Revision("2")
public record ConsultationStarted(String applicationId, LocalDate startedOn, @Personal String consultedParty)
        implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return startedOn;
    }
}
