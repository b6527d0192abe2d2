package gongkai.query.lawsuit;

import gongkai.events.lawsuit.LawsuitFiled;
import gongkai.events.lawsuit.LawsuitJudged;
import gongkai.query.cells.Contributions.Source;
import gongkai.query.cells.Contributions.Table;
import gongkai.query.cells.Contributions;
import gongkai.query.counting.ReviewLawsuitCounting;
import gongkai.query.lawsuit.LawsuitCases.LawsuitFacts;
import gongkai.query.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Follows every lawsuit: its present facts (judgments, and the final one), and what it counts in table
 * 四's lawsuit groups ({@link ReviewLawsuitCounting}: only the final judgment decides it).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class LawsuitProjection {

    private final LawsuitCases cases;
    private final Contributions contributions;

    public LawsuitProjection(LawsuitCases cases, Contributions contributions) {
        this.cases = cases;
        this.contributions = contributions;
    }

    @EventHandler
    void on(LawsuitFiled e, EventMessage<?> message) {
        count(new LawsuitFacts(e.lawsuitId(), e.agencyId(), e.filedOn(), e.route(), e.reviewId(), e.applicationId(),
                               0, null, null, null), message);
    }

    @EventHandler
    void on(LawsuitJudged e, EventMessage<?> message) {
        LawsuitFacts l = cases.find(e.lawsuitId());
        if (l == null) {
            return; // cannot happen for a stream read in order; never fail the whole segment for it
        }
        boolean decides = e.finalJudgment() && l.finalJudgedOn() == null;
        count(new LawsuitFacts(l.lawsuitId(), l.agencyId(), l.filedOn(), l.route(), l.reviewId(), l.applicationId(),
                               l.judgments() + 1, e.decidedOn(), decides ? e.decidedOn() : l.finalJudgedOn(),
                               decides ? e.result() : l.finalResult()), message);
    }

    @ResetHandler
    void reset() {
        contributions.deleteAll(Table.REVIEWS_AND_LAWSUITS, Contributions.LAWSUIT);
        cases.deleteAll();
    }

    private void count(LawsuitFacts lawsuit, EventMessage<?> message) {
        cases.save(lawsuit);
        contributions.follow(Table.REVIEWS_AND_LAWSUITS, new Source(Contributions.LAWSUIT, lawsuit.lawsuitId()),
                             lawsuit.agencyId(),
                             ReviewLawsuitCounting.contributionsOf(ReviewLawsuitCounting.lawsuit(
                                     lawsuit.route(), lawsuit.filedOn(), lawsuit.finalJudgedOn(), lawsuit.finalResult())),
                             message.getTimestamp(), message.getIdentifier());
    }
}
