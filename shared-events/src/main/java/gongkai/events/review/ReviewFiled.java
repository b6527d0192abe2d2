package gongkai.events.review;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A reconsideration was filed against the agency's handling of a disclosure application. It counts in
 * table 四's {@code REVIEW} group of the agency whose act is challenged ({@code agencyId}).
 * {@code applicationId} names the application concerned where it is in the system, else null;
 * {@code body} is the reconsideration body (复议机关), free text, or null.
 */
@Revision("1")
public record ReviewFiled(String reviewId, String agencyId, LocalDate filedOn, String applicationId, String body)
        implements ReviewEvent {

    @Override
    public LocalDate businessDate() {
        return filedOn;
    }
}
