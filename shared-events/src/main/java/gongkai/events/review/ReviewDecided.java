package gongkai.events.review;

import gongkai.events.Personal;
import gongkai.events.CaseResult;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The reconsideration was decided, once, on {@code decidedOn}: the case counts under {@code result} in
 * the year of that date and as 尚未审结 (PENDING) in the years before it.
 */
@Revision("1")
public record ReviewDecided(String reviewId, LocalDate decidedOn, CaseResult result, @Personal String note)
        implements ReviewEvent {

    @Override
    public LocalDate businessDate() {
        return decidedOn;
    }
}
