package gongkai.query.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import gongkai.query.counting.Check;
import gongkai.query.report.publication.PublishedReport;
import gongkai.query.timeliness.TimelinessFigures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An agency's annual report for a year, now ({@code asOf} null) or as the system knew it at an instant:
 * what the JSON answer writes (its components in the order of the HTTP contract, see the README) and what
 * the renderings and the digest read. Every part is as of the same instant.
 *
 * @param name               the agency's name
 * @param proactive          table 二: row key → column key → figure (the fees as a decimal string in 万元);
 *                           null where a report is built without it
 * @param applications       table 三: row key → applicant column → count
 * @param reviewsAndLawsuits table 四: group → column → count; null where a report is built without it
 * @param checks             the checks of the three tables
 * @param publishedItems     section 一's counts of items published, by category
 * @param timeliness         how timely the year's answers were (beside the national tables); null as of an instant
 * @param narrative          the text of sections 一, 五 and 六 as the agency wrote it, or null
 * @param overviewDraft      a draft of section 一's sentences generated from the same figures
 * @param published          the report's publication, or null while it is not published
 * @param rollUp             for a roll-up (汇总) of an agency's subtree, its label and the agencies summed; absent
 *                           from an agency's own report (docs/agencies.md)
 */
public record AnnualReport(String agencyId, String name, int year, Instant asOf,
                           Map<String, Map<String, Object>> proactive,
                           Map<String, Map<String, Integer>> applications,
                           Map<String, Map<String, Integer>> reviewsAndLawsuits,
                           List<Check> checks, PublishedItems publishedItems, TimelinessFigures timeliness,
                           Narrative narrative, String overviewDraft, PublishedReport published,
                           @JsonInclude(JsonInclude.Include.NON_NULL) RollUp rollUp) {

    /** An agency's own report (not a roll-up). */
    public AnnualReport(String agencyId, String name, int year, Instant asOf, Map<String, Map<String, Object>> proactive,
                        Map<String, Map<String, Integer>> applications,
                        Map<String, Map<String, Integer>> reviewsAndLawsuits, List<Check> checks,
                        PublishedItems publishedItems, TimelinessFigures timeliness, Narrative narrative,
                        String overviewDraft, PublishedReport published) {
        this(agencyId, name, year, asOf, proactive, applications, reviewsAndLawsuits, checks, publishedItems, timeliness,
             narrative, overviewDraft, published, null);
    }

    /**
     * A roll-up's label (汇总: the statutory report is each organ's own, 条例第五十条, so a sum of several is
     * never one), the tree's day it was summed on, and the agencies summed, each with its own report's address.
     */
    public record RollUp(String label, LocalDate treeOn, List<Member> agencies) {
    }

    /** One agency summed in a roll-up. */
    public record Member(String agencyId, String name, String kind, String parentId, LocalDate closedOn, String href) {
    }

    /** Section 一's counts of items published: in all, and by category. */
    public record PublishedItems(int total, Map<String, Integer> byCategory) {

        public static PublishedItems of(Map<String, Integer> byCategory) {
            return new PublishedItems(byCategory.values().stream().mapToInt(Integer::intValue).sum(), byCategory);
        }
    }

    /** Sections 一 ({@code overview}), 五 ({@code problems}) and 六 ({@code other}), and the event that wrote them. */
    public record Narrative(String overview, String problems, String other, LocalDate writtenOn, Instant recordedAt,
                            String eventId) {
    }
}
