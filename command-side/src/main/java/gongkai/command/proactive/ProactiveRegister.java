package gongkai.command.proactive;

import gongkai.command.Refusal;
import gongkai.command.proactive.RegisterCommands.RecordFees;
import gongkai.command.proactive.RegisterCommands.RecordOpeningBalance;
import gongkai.command.proactive.RegisterCommands.RecordPublication;
import gongkai.command.proactive.RegisterCommands.TallyDecisions;
import gongkai.events.proactive.DecisionsTallied;
import gongkai.events.proactive.FeesCollected;
import gongkai.events.proactive.InformationPublished;
import gongkai.events.proactive.OpeningBalanceRecorded;
import gongkai.events.proactive.RegisterEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

import static gongkai.command.BusinessDates.notInFuture;

/**
 * One agency's proactive disclosure register (section 二 and the counts of section 一), apart from its
 * documents: the opening balance of documents in force, tallies of administrative decisions, fees
 * collected and items published. The register exists from its first entry. Its one rule that depends
 * on what was recorded before is that the opening balance is recorded once; the others check their
 * input. Plain Java, wired to Axon by {@link ProactiveRegisterAggregate}.
 */
final class ProactiveRegister {

    /** Fees are amounts of money in yuan: at most two decimals (fen). */
    static final int YUAN_SCALE = 2;

    private OpeningBalanceRecorded openingBalance;

    /** The register of an agency before its first entry. */
    static ProactiveRegister empty() {
        return new ProactiveRegister();
    }

    // ---- decisions ---------------------------------------------------------------------------

    OpeningBalanceRecorded recordOpeningBalance(RecordOpeningBalance c, LocalDate today) {
        notInFuture("asOf", c.asOf(), today);
        notNegative("rules", c.rules());
        notNegative("normativeDocuments", c.normativeDocuments());
        if (openingBalance != null) {
            throw Refusal.conflict("期初数已于 " + openingBalance.asOf() + " 登记，只能登记一次 (the opening balance was already recorded)");
        }
        return new OpeningBalanceRecorded(c.agencyId(), c.asOf(), c.rules(), c.normativeDocuments());
    }

    /**
     * A tally lies within one calendar year: section 二 counts decisions by the year they were made in,
     * and a period across 31 December could not be split between two reports.
     */
    DecisionsTallied tallyDecisions(TallyDecisions c, LocalDate today) {
        notNegative("count", c.count());
        if (c.to().isBefore(c.from())) {
            throw Refusal.invalid("to", "统计期间的结束日期早于开始日期 (to " + c.to() + " is before from " + c.from() + ")");
        }
        if (c.to().getYear() != c.from().getYear()) {
            throw Refusal.invalid("to", "统计期间不能跨年度 (a tally lies within one calendar year: "
                                        + c.from() + " to " + c.to() + ")");
        }
        notInFuture("to", c.to(), today);
        return new DecisionsTallied(c.agencyId(), c.tallyId(), c.category(), c.from(), c.to(), c.count());
    }

    FeesCollected recordFees(RecordFees c, LocalDate today) {
        notInFuture("collectedOn", c.collectedOn(), today);
        if (c.amountYuan().signum() <= 0) {
            throw Refusal.invalid("amountYuan", "收费金额必须大于零 (amountYuan must be positive)");
        }
        BigDecimal amount = c.amountYuan().stripTrailingZeros();
        if (amount.scale() > YUAN_SCALE) {
            throw Refusal.invalid("amountYuan", "金额以元为单位，最多两位小数 (amountYuan is in yuan, at most two decimals)");
        }
        return new FeesCollected(c.agencyId(), c.feeId(), c.collectedOn(), amount.setScale(YUAN_SCALE));
    }

    InformationPublished recordPublication(RecordPublication c, LocalDate today) {
        notInFuture("publishedOn", c.publishedOn(), today);
        return new InformationPublished(c.agencyId(), c.publicationId(), c.category(), c.title(), c.publishedOn());
    }

    // ---- state --------------------------------------------------------------------------------

    void apply(RegisterEvent event) {
        if (event instanceof OpeningBalanceRecorded e) {
            openingBalance = e;
        }
    }

    private static void notNegative(String field, int value) {
        if (value < 0) {
            throw Refusal.invalid(field, "数量不能为负数 (" + field + " cannot be negative)");
        }
    }
}
