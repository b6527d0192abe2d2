package gongkai.events.lawsuit;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A lawsuit was filed in court against the agency ({@code agencyId}: the agency whose act is
 * challenged, which counts it once even where the reconsideration body is sued with it).
 * {@code reviewId} names the reconsideration case when {@code route} is AFTER_REVIEW and is null for
 * DIRECT; {@code applicationId} (the application concerned, where it is in the system) and
 * {@code court} are optional.
 */
@Revision("1")
public record LawsuitFiled(String lawsuitId, String agencyId, LocalDate filedOn, Route route, String reviewId,
                           String applicationId, String court) implements LawsuitEvent {

    @Override
    public LocalDate businessDate() {
        return filedOn;
    }
}
