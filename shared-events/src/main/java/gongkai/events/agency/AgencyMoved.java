package gongkai.events.agency;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The agency stands under {@code parentId} (null: a root) from {@code movedOn}. The years before stay in
 * the roll-ups of the parent it had then (docs/agencies.md).
 */
@Revision("1")
public record AgencyMoved(String agencyId, String parentId, LocalDate movedOn) implements AgencyEvent {

    @Override
    public LocalDate businessDate() {
        return movedOn;
    }
}
