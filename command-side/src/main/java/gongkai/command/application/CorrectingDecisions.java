package gongkai.command.application;

import gongkai.command.Refusal;
import gongkai.events.CaseResult;
import gongkai.events.lawsuit.LawsuitFiled;
import gongkai.events.lawsuit.LawsuitJudged;
import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewFiled;
import java.util.List;

/**
 * Checks the decision a reopening names: a reconsideration decided 纠正, or a lawsuit whose final
 * judgment is 纠正, of the clerk's agency, about this application (directly, or through the
 * reconsideration a lawsuit followed). Read from the decision's own events ({@link RecordedDecisions}),
 * by the application itself whenever it is reopened, whatever sent the command.
 */
final class CorrectingDecisions {

    private final RecordedDecisions events;

    CorrectingDecisions(RecordedDecisions events) {
        this.events = events;
    }

    void requireCorrected(String applicationId, String agencyId, String reviewId, String lawsuitId) {
        if ((reviewId == null) == (lawsuitId == null)) {
            throw Refusal.invalid(reviewId == null ? "reviewId" : "lawsuitId",
                                  "须且只须指明一个纠正决定：reviewId 或 lawsuitId (name exactly one decision: reviewId or lawsuitId)");
        }
        boolean corrected = reviewId != null ? reviewCorrected(reviewId, applicationId, agencyId)
                                             : lawsuitCorrected(lawsuitId, applicationId, agencyId);
        if (!corrected) {
            throw Refusal.conflict("所指决定不存在、不涉及本申请或未纠正答复 (the decision named does not exist, is not about this "
                                   + "application, or did not correct the answer)");
        }
    }

    private boolean reviewCorrected(String reviewId, String applicationId, String agencyId) {
        ReviewFiled filed = null;
        CaseResult result = null;
        for (Object event : payloads(reviewId)) {
            if (event instanceof ReviewFiled f) {
                filed = f;
            } else if (event instanceof ReviewDecided d) {
                result = d.result();
            }
        }
        return filed != null && agencyId.equals(filed.agencyId()) && applicationId.equals(filed.applicationId())
               && result == CaseResult.CORRECTED;
    }

    private boolean lawsuitCorrected(String lawsuitId, String applicationId, String agencyId) {
        LawsuitFiled filed = null;
        CaseResult finalResult = null;
        for (Object event : payloads(lawsuitId)) {
            if (event instanceof LawsuitFiled f) {
                filed = f;
            } else if (event instanceof LawsuitJudged j && j.finalJudgment()) {
                finalResult = j.result();
            }
        }
        if (filed == null || !agencyId.equals(filed.agencyId()) || finalResult != CaseResult.CORRECTED) {
            return false;
        }
        return applicationId.equals(filed.applicationId())
               || (filed.reviewId() != null && payloads(filed.reviewId()).stream()
                       .anyMatch(e -> e instanceof ReviewFiled r && applicationId.equals(r.applicationId())));
    }

    private List<Object> payloads(String caseId) {
        return events.eventsOf(caseId);
    }
}
