package gongkai.events.proactive;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * {@code count} administrative decisions of {@code category} made from {@code from} to {@code to}
 * (both included, within one calendar year), as taken from the agency's other systems: counted as
 * {@code decisions} of that year. A tally of one decision is as valid as a tally of many; a tally of
 * zero says that there were none. {@code tallyId} names the entry, so that it can be referred to.
 */
@Revision("1")
public record DecisionsTallied(String agencyId, String tallyId, DecisionCategory category, LocalDate from,
                               LocalDate to, int count) implements RegisterEvent {

    @Override
    public LocalDate businessDate() {
        return to;
    }
}
