package gongkai.events.agency;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The agency is closed on {@code closedOn} and its work goes to {@code successorId} (as when townships are
 * merged): its open cases are handled by the successor from then; its own reports stay its own
 * (docs/agencies.md).
 */
@Revision("1")
public record AgencyClosed(String agencyId, String successorId, LocalDate closedOn) implements AgencyEvent {

    @Override
    public LocalDate businessDate() {
        return closedOn;
    }
}
