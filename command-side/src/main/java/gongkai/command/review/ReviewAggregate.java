package gongkai.command.review;

import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.review.ReviewCommands.DecideReview;
import gongkai.command.review.ReviewCommands.FileReview;
import gongkai.command.review.ReviewCommands.Filing;
import gongkai.events.review.ReviewEvent;
import gongkai.events.review.ReviewFiled;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

/** Axon's wiring of a {@link Review}; its id is the reviewId (a UUID). */
@Aggregate(cache = "reviewCache")
public class ReviewAggregate {

    @AggregateIdentifier
    private String reviewId;
    private Review review;

    protected ReviewAggregate() {
        // for Axon: rebuilt from its events
    }

    /** Idempotent: a repeat of the same filing writes nothing; the same id with other content is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Filing handle(FileReview command, Clock clock) {
        if (review != null) {
            review.confirmRepeatedFiling(command);
            return new Filing(command.reviewId(), false);
        }
        CaseRecorder.record(Review.file(command, today(clock)), command.agencyId());
        return new Filing(command.reviewId(), true);
    }

    @CommandHandler
    public void handle(DecideReview command, Clock clock) {
        CaseRecorder.record(review.decide(command, today(clock)), review.agencyId());
    }

    /** A clerk acts only on the cases of their own agency; others' cases are not even revealed. */
    @CommandHandlerInterceptor
    public Object onlyOwnAgency(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        CaseRecorder.requireOwnAgency(command, review == null ? null : review.agencyId(), "reconsideration", reviewId);
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(ReviewEvent event) {
        if (event instanceof ReviewFiled filed) {
            reviewId = filed.reviewId();
            review = Review.from(filed);
        } else {
            review.apply(event);
        }
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }
}
