package gongkai.command.review;

import gongkai.events.CaseResult;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What a clerk can ask of a reconsideration case; each is answered by {@link ReviewAggregate}. */
public final class ReviewCommands {

    private ReviewCommands() {
    }

    public record FileReview(@TargetAggregateIdentifier String reviewId, String agencyId, LocalDate filedOn,
                             String applicationId, String body) {
    }

    public record DecideReview(@TargetAggregateIdentifier String reviewId, LocalDate decidedOn, CaseResult result,
                               String note) {
    }

    /** The answer to {@link FileReview}: {@code created} is false for a repeat that wrote nothing. */
    public record Filing(String reviewId, boolean created) {
    }
}
