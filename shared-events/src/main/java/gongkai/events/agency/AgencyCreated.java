package gongkai.events.agency;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The agency exists from {@code createdOn}, under {@code parentId} (null: a root of the tree). */
@Revision("1")
public record AgencyCreated(String agencyId, String name, String parentId, AgencyKind kind, LocalDate createdOn)
        implements AgencyEvent {

    @Override
    public LocalDate businessDate() {
        return createdOn;
    }
}
