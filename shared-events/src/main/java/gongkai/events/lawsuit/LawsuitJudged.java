package gongkai.events.lawsuit;

import gongkai.events.CaseResult;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A court judged the lawsuit on {@code decidedOn}. An appeal to a higher court continues the same case,
 * so a case may have several judgments, in date order, of which only the last can be final.
 * <p>
 * <b>The result that counts</b> (table 四) is the result of the judgment with {@code finalJudgment}
 * true (生效/终审), in the year of its {@code decidedOn}. A judgment that is not final (appealed, or
 * still open to appeal) is kept for the record and leaves the case 尚未审结 (PENDING). A first-instance
 * judgment that nobody appeals is recorded final, or, if it was recorded non-final while the appeal
 * period ran, recorded again as final on the day it took effect.
 */
@Revision("1")
public record LawsuitJudged(String lawsuitId, LocalDate decidedOn, CaseResult result, boolean finalJudgment)
        implements LawsuitEvent {

    @Override
    public LocalDate businessDate() {
        return decidedOn;
    }
}
