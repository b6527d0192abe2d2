package gongkai.query.counting;

import gongkai.events.proactive.DecisionsTallied;
import gongkai.events.proactive.DocumentKind;
import gongkai.events.proactive.FeesCollected;
import gongkai.events.proactive.InformationPublished;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The counting rules of table 二 (主动公开政府信息情况, docs/annual-report.md, "Table 二"), in one place, and of section
 * 一's counts of items published. From the facts of one source it derives what that source adds to
 * which figure in which years; everything else (the live table, the table as of a past instant, the
 * sources behind a figure, the changes since a publication) sums these contributions.
 * <ul>
 * <li>{@code issued}: a document counts 1 in the year of its date of issue; {@code repealed}: 1 in the
 *     year of its repeal.</li>
 * <li>{@code inForce} is a stock: documents issued on or before 31 December of the year and not
 *     repealed by then, over all years. A document counts 1 from the year of its issue to the year
 *     before its repeal (a document issued and repealed in the same year is never in force at a
 *     year's end).</li>
 * <li>The opening balance ({@code OpeningBalanceRecorded}, asOf B) counts its size in every year from
 *     that of B. A document issued on or before B is in the balance: from the year of B it adds
 *     nothing, and if it is repealed after B it takes 1 out from the year of its repeal. In the years
 *     before B's year the system knows only the documents recorded, and counts those (issued and not
 *     repealed by the year's end). A document issued on or before B still counts as {@code issued} and
 *     {@code repealed} in its years: those are flows, and the balance is a stock.</li>
 * <li>{@code decisions}: a tally of N decisions counts N in the year of its period (a period lies in
 *     one calendar year).</li>
 * <li>{@code amountTenThousandYuan}: a fee counts its amount in yuan in the year it was collected; the
 *     year's sum is shown in 万元, yuan / 10000 with 4 decimal places kept, rounded half up
 *     ({@link #tenThousandYuan}).</li>
 * <li>Section 一: an item published counts 1 under its category in the year it was published.</li>
 * </ul>
 * Years are those of the business dates the clerk recorded (Asia/Shanghai), as for table 三.
 */
public final class ProactiveCounting {

    public static final String ISSUED = "issued";
    public static final String REPEALED = "repealed";
    public static final String IN_FORCE = "inForce";
    public static final String DECISIONS = "decisions";
    public static final String AMOUNT = "amountTenThousandYuan";
    public static final String FEES = "FEES";
    /** The row of section 一's counts; its columns are the agency's own categories. */
    public static final String PUBLISHED = "PUBLISHED";

    /** A rule or normative document as the query side knows it now. */
    public record DocumentFacts(String documentId, String agencyId, DocumentKind kind, String title,
                                LocalDate issuedOn, LocalDate repealedOn) {

        public DocumentFacts repealed(LocalDate on) {
            return new DocumentFacts(documentId, agencyId, kind, title, issuedOn, on);
        }
    }

    /** The agency's documents in force on {@code asOf}, the day it started using the system. */
    public record OpeningBalance(LocalDate asOf, int rules, int normativeDocuments) {

        int of(DocumentKind kind) {
            return kind == DocumentKind.RULE ? rules : normativeDocuments;
        }
    }

    private ProactiveCounting() {
    }

    /** @param balance the agency's opening balance, or null when it has none */
    public static Set<Contribution> ofDocument(DocumentFacts d, OpeningBalance balance) {
        Set<Contribution> contributions = new LinkedHashSet<>();
        String row = d.kind().rowKey();
        int issued = d.issuedOn().getYear();
        Integer repealed = d.repealedOn() == null ? null : d.repealedOn().getYear();
        contributions.add(Contribution.count(row, ISSUED, issued, issued, d.issuedOn(), d.title()));
        if (repealed != null) {
            contributions.add(Contribution.count(row, REPEALED, repealed, repealed, d.repealedOn(), d.title()));
        }
        // In force at the end of every year from its issue to the year before its repeal …
        Integer lastInForce = repealed == null ? null : repealed - 1;
        boolean inBalance = balance != null && !d.issuedOn().isAfter(balance.asOf());
        if (inBalance) {
            // … but from the balance's year on, the balance counts it: only the years before are its own,
            int beforeBalance = balance.asOf().getYear() - 1;
            lastInForce = lastInForce == null ? beforeBalance : Math.min(lastInForce, beforeBalance);
            // and a repeal after the balance date takes it out of the balance.
            if (d.repealedOn() != null && d.repealedOn().isAfter(balance.asOf())) {
                contributions.add(new Contribution(row, IN_FORCE, repealed, null, BigDecimal.ONE.negate(),
                                                   d.repealedOn(), d.title()));
            }
        }
        Contribution inForce = Contribution.count(row, IN_FORCE, issued, lastInForce, d.issuedOn(), d.title());
        if (inForce.countsSomewhere()) {
            contributions.add(inForce);
        }
        return contributions;
    }

    public static Set<Contribution> ofOpeningBalance(OpeningBalance b) {
        Set<Contribution> contributions = new LinkedHashSet<>();
        for (DocumentKind kind : DocumentKind.values()) {
            contributions.add(new Contribution(kind.rowKey(), IN_FORCE, b.asOf().getYear(), null,
                                               BigDecimal.valueOf(b.of(kind)), b.asOf(), "期初数 (opening balance)"));
        }
        return contributions;
    }

    public static Set<Contribution> ofTally(DecisionsTallied t) {
        int year = t.to().getYear();
        return Set.of(new Contribution(t.category().rowKey(), DECISIONS, year, year, BigDecimal.valueOf(t.count()),
                                       t.to(), t.from() + "/" + t.to()));
    }

    public static Set<Contribution> ofFee(FeesCollected f) {
        int year = f.collectedOn().getYear();
        return Set.of(new Contribution(FEES, AMOUNT, year, year, f.amountYuan(), f.collectedOn(), null));
    }

    public static Set<Contribution> ofPublication(InformationPublished p) {
        int year = p.publishedOn().getYear();
        return Set.of(Contribution.count(PUBLISHED, p.category(), year, year, p.publishedOn(), p.title()));
    }

    /** A sum of yuan in 万元 as the form shows it: 4 decimal places, rounded half up ("0.0000" for none). */
    public static String tenThousandYuan(BigDecimal yuan) {
        return yuan.movePointLeft(4).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
