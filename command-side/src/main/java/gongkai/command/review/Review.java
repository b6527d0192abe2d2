package gongkai.command.review;

import gongkai.command.Refusal;
import gongkai.command.review.ReviewCommands.DecideReview;
import gongkai.command.review.ReviewCommands.FileReview;
import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewEvent;
import gongkai.events.review.ReviewFiled;

import java.time.LocalDate;

import static gongkai.command.BusinessDates.notBefore;
import static gongkai.command.BusinessDates.notInFuture;

/**
 * One administrative reconsideration (行政复议) of the agency's disclosure work and its rules
 * (docs/lifecycle.md, "Administrative reconsideration"): filed on a date, decided once, with a result, not before it
 * was filed. Plain Java: each decision returns the event to record or throws a {@link Refusal}; {@link #apply} only
 * changes state. {@link ReviewAggregate} wires it to Axon.
 */
final class Review {

    private final ReviewFiled filing;
    private LocalDate decidedOn;

    private Review(ReviewFiled filing) {
        this.filing = filing;
    }

    static Review from(ReviewFiled filing) {
        return new Review(filing);
    }

    // ---- decisions ---------------------------------------------------------------------------

    static ReviewFiled file(FileReview c, LocalDate today) {
        notInFuture("filedOn", c.filedOn(), today);
        return new ReviewFiled(c.reviewId(), c.agencyId(), c.filedOn(), c.applicationId(), c.body());
    }

    /** A repeat of the filing is harmless only when it says exactly what was recorded. */
    void confirmRepeatedFiling(FileReview c) {
        ReviewFiled repeated = new ReviewFiled(c.reviewId(), c.agencyId(), c.filedOn(), c.applicationId(), c.body());
        if (!repeated.equals(filing)) {
            throw Refusal.conflict("该复议编号已用于另一件复议案件 (this reviewId was already used for a different reconsideration)");
        }
    }

    ReviewDecided decide(DecideReview c, LocalDate today) {
        notInFuture("decidedOn", c.decidedOn(), today);
        if (decidedOn != null) {
            throw Refusal.conflict("复议已于 " + decidedOn + " 作出决定，不能再次决定 (the reconsideration was already decided)");
        }
        notBefore("decidedOn", c.decidedOn(), filing.filedOn(), "复议申请日期 (the filing date)");
        return new ReviewDecided(c.reviewId(), c.decidedOn(), c.result(), c.note());
    }

    // ---- state --------------------------------------------------------------------------------

    void apply(ReviewEvent event) {
        if (event instanceof ReviewDecided e) {
            decidedOn = e.decidedOn();
        }
    }

    String agencyId() {
        return filing.agencyId();
    }
}
