package gongkai.events.review;

import gongkai.events.CaseEvent;

/** An event in the life of one administrative reconsideration (行政复议) of the agency's disclosure work. */
public sealed interface ReviewEvent extends CaseEvent permits ReviewFiled, ReviewDecided {

    String reviewId();

    @Override
    default String caseId() {
        return reviewId();
    }
}
