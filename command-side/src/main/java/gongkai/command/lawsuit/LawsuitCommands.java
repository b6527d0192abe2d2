package gongkai.command.lawsuit;

import gongkai.events.CaseResult;
import gongkai.events.lawsuit.Route;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What a clerk can ask of a lawsuit case; each is answered by {@link LawsuitAggregate}. */
public final class LawsuitCommands {

    private LawsuitCommands() {
    }

    public record FileLawsuit(@TargetAggregateIdentifier String lawsuitId, String agencyId, LocalDate filedOn,
                              Route route, String reviewId, String applicationId, String court) {
    }

    /** {@code finalJudgment}: docs/http-api.md's {@code "final"} (a Java keyword). */
    public record JudgeLawsuit(@TargetAggregateIdentifier String lawsuitId, LocalDate decidedOn, CaseResult result,
                               boolean finalJudgment) {
    }

    /** The answer to {@link FileLawsuit}: {@code created} is false for a repeat that wrote nothing. */
    public record Filing(String lawsuitId, boolean created) {
    }
}
