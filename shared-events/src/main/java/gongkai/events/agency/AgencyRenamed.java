package gongkai.events.agency;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The agency is called {@code name} from {@code renamedOn}. */
@Revision("1")
public record AgencyRenamed(String agencyId, String name, LocalDate renamedOn) implements AgencyEvent {

    @Override
    public LocalDate businessDate() {
        return renamedOn;
    }
}
