package gongkai.command.lawsuit;

import gongkai.command.Refusal;
import gongkai.command.lawsuit.LawsuitCommands.FileLawsuit;
import gongkai.command.lawsuit.LawsuitCommands.JudgeLawsuit;
import gongkai.events.lawsuit.LawsuitEvent;
import gongkai.events.lawsuit.LawsuitFiled;
import gongkai.events.lawsuit.LawsuitJudged;
import gongkai.events.lawsuit.Route;

import java.time.LocalDate;

import static gongkai.command.BusinessDates.notBefore;
import static gongkai.command.BusinessDates.notInFuture;

/**
 * One administrative lawsuit (行政诉讼) about the agency's disclosure work and its rules (docs/lifecycle.md,
 * "Administrative lawsuit"). Filed directly or after a reconsideration, which it then names. An appeal continues the
 * same case: judgments follow one another in date order, none before the filing, until one is final; after the
 * final judgment (the result that counts, see {@link LawsuitJudged}) nothing more can be judged.
 * Plain Java, wired to Axon by {@link LawsuitAggregate}.
 */
final class Lawsuit {

    private final LawsuitFiled filing;
    /** The date of the latest judgment, or null before the first. */
    private LocalDate lastJudgedOn;
    private LocalDate finallyJudgedOn;

    private Lawsuit(LawsuitFiled filing) {
        this.filing = filing;
    }

    static Lawsuit from(LawsuitFiled filing) {
        return new Lawsuit(filing);
    }

    // ---- decisions ---------------------------------------------------------------------------

    static LawsuitFiled file(FileLawsuit c, LocalDate today) {
        notInFuture("filedOn", c.filedOn(), today);
        // docs/annual-report.md, table 四: a lawsuit after a reconsideration names that case; a direct one has none.
        if (c.route() == Route.AFTER_REVIEW && c.reviewId() == null) {
            throw Refusal.invalid("reviewId", "复议后起诉须注明复议案件 (AFTER_REVIEW needs the reviewId of the reconsideration)");
        }
        if (c.route() == Route.DIRECT && c.reviewId() != null) {
            throw Refusal.invalid("reviewId", "未经复议直接起诉不能注明复议案件 (a DIRECT lawsuit has no reviewId)");
        }
        return filed(c);
    }

    /** A repeat of the filing is harmless only when it says exactly what was recorded. */
    void confirmRepeatedFiling(FileLawsuit c) {
        if (!filed(c).equals(filing)) {
            throw Refusal.conflict("该诉讼编号已用于另一件诉讼案件 (this lawsuitId was already used for a different lawsuit)");
        }
    }

    LawsuitJudged judge(JudgeLawsuit c, LocalDate today) {
        notInFuture("decidedOn", c.decidedOn(), today);
        if (finallyJudgedOn != null) {
            throw Refusal.conflict("该诉讼已于 " + finallyJudgedOn + " 终审判决，不能再登记判决 (the lawsuit was finally judged)");
        }
        notBefore("decidedOn", c.decidedOn(), filing.filedOn(), "起诉日期 (the filing date)");
        if (lastJudgedOn != null) {
            notBefore("decidedOn", c.decidedOn(), lastJudgedOn, "上一次判决日期 (the previous judgment)");
        }
        return new LawsuitJudged(c.lawsuitId(), c.decidedOn(), c.result(), c.finalJudgment());
    }

    // ---- state --------------------------------------------------------------------------------

    void apply(LawsuitEvent event) {
        if (event instanceof LawsuitJudged e) {
            lastJudgedOn = e.decidedOn();
            if (e.finalJudgment()) {
                finallyJudgedOn = e.decidedOn();
            }
        }
    }

    String agencyId() {
        return filing.agencyId();
    }

    private static LawsuitFiled filed(FileLawsuit c) {
        return new LawsuitFiled(c.lawsuitId(), c.agencyId(), c.filedOn(), c.route(), c.reviewId(), c.applicationId(),
                                c.court());
    }
}
