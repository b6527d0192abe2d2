package gongkai.query.review;

import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewFiled;
import gongkai.query.cells.Contributions.Source;
import gongkai.query.cells.Contributions.Table;
import gongkai.query.cells.Contributions;
import gongkai.query.counting.ReviewLawsuitCounting;
import gongkai.query.projections.ReadModels;
import gongkai.query.review.ReviewCases.ReviewFacts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Follows every reconsideration: its present facts, and what it counts in table 四's {@code REVIEW}
 * group ({@link ReviewLawsuitCounting}), each change stamped with the event's recorded instant and id.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class ReviewProjection {

    private final ReviewCases cases;
    private final Contributions contributions;

    public ReviewProjection(ReviewCases cases, Contributions contributions) {
        this.cases = cases;
        this.contributions = contributions;
    }

    @EventHandler
    void on(ReviewFiled e, EventMessage<?> message) {
        count(new ReviewFacts(e.reviewId(), e.agencyId(), e.filedOn(), e.applicationId(), null, null), message);
    }

    @EventHandler
    void on(ReviewDecided e, EventMessage<?> message) {
        ReviewFacts before = cases.find(e.reviewId());
        if (before == null) {
            return; // cannot happen for a stream read in order; never fail the whole segment for it
        }
        count(new ReviewFacts(before.reviewId(), before.agencyId(), before.filedOn(), before.applicationId(),
                              e.decidedOn(), e.result()), message);
    }

    @ResetHandler
    void reset() {
        contributions.deleteAll(Table.REVIEWS_AND_LAWSUITS, Contributions.REVIEW);
        cases.deleteAll();
    }

    private void count(ReviewFacts review, EventMessage<?> message) {
        cases.save(review);
        contributions.follow(Table.REVIEWS_AND_LAWSUITS, new Source(Contributions.REVIEW, review.reviewId()),
                             review.agencyId(),
                             ReviewLawsuitCounting.contributionsOf(
                                     ReviewLawsuitCounting.review(review.filedOn(), review.decidedOn(), review.result())),
                             message.getTimestamp(), message.getIdentifier());
    }
}
