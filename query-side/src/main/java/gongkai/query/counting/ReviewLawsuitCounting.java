package gongkai.query.counting;

import gongkai.events.CaseResult;
import gongkai.events.lawsuit.Route;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The counting rules of table 四 (政府信息公开行政复议、行政诉讼情况, docs/annual-report.md, "Table 四"), in one place.
 * <ul>
 * <li>A case counts in year Y when it was filed in Y, or filed earlier and still undecided on 1
 *     January of Y: every year from the year of filing to the year of the decision (or every later
 *     year while undecided). That is its {@code TOTAL}, derived on its own from the filing and the
 *     decision, so that the check TOTAL = UPHELD + CORRECTED + OTHER + PENDING compares two
 *     countings, not a sum with itself.</li>
 * <li>It counts under its result in the year the result is dated, and under {@code PENDING} in the
 *     other years it counts in.</li>
 * <li>A reconsideration is decided by its decision. A lawsuit is decided only by its final judgment
 *     (生效/终审): a judgment that is not final (appealed, or open to appeal) leaves it pending; an
 *     appeal continues the same case, so the case counts once, in the group of its route.</li>
 * <li>The group: {@code REVIEW}; a lawsuit's route decides {@code LAWSUIT_DIRECT} or
 *     {@code LAWSUIT_AFTER_REVIEW}. The case counts for the agency whose act is challenged (the
 *     agency it was filed against), once, even where the reconsideration body is sued with it.</li>
 * </ul>
 */
public final class ReviewLawsuitCounting {

    public static final String REVIEW = "REVIEW";
    public static final List<String> GROUPS = List.of(REVIEW, Route.DIRECT.groupKey(), Route.AFTER_REVIEW.groupKey());
    public static final String PENDING = "PENDING";
    public static final String TOTAL = "TOTAL";
    public static final List<String> FIGURES = List.of(CaseResult.UPHELD.name(), CaseResult.CORRECTED.name(),
                                                       CaseResult.OTHER.name(), PENDING, TOTAL);

    /** A case as table 四 sees it: its group, when it was filed, and the result that decides it, if any. */
    public record CaseFacts(String group, LocalDate filedOn, LocalDate decidedOn, CaseResult result) {
    }

    private ReviewLawsuitCounting() {
    }

    public static CaseFacts review(LocalDate filedOn, LocalDate decidedOn, CaseResult result) {
        return new CaseFacts(REVIEW, filedOn, decidedOn, result);
    }

    /** Only the final judgment decides a lawsuit: pass its date and result, or nulls while there is none. */
    public static CaseFacts lawsuit(Route route, LocalDate filedOn, LocalDate finalJudgmentOn, CaseResult finalResult) {
        return new CaseFacts(route.groupKey(), filedOn, finalJudgmentOn, finalResult);
    }

    public static Set<Contribution> contributionsOf(CaseFacts c) {
        Set<Contribution> contributions = new LinkedHashSet<>();
        int filed = c.filedOn().getYear();
        Integer decided = c.decidedOn() == null ? null : c.decidedOn().getYear();
        // Counts from the year it was filed to the year it was decided (undecided: every later year).
        contributions.add(Contribution.count(c.group(), TOTAL, filed, decided, c.filedOn(), null));
        // Pending in each of those years but the year of its result.
        Contribution pending = Contribution.count(c.group(), PENDING, filed, decided == null ? null : decided - 1,
                                                  c.filedOn(), null);
        if (pending.countsSomewhere()) {
            contributions.add(pending);
        }
        if (decided != null) {
            contributions.add(Contribution.count(c.group(), c.result().name(), decided, decided, c.decidedOn(), null));
        }
        return contributions;
    }
}
