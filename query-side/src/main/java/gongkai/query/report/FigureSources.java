package gongkai.query.report;

import gongkai.query.cells.ApplicationCells;
import gongkai.query.cells.Contributions.Change;
import gongkai.query.cells.Contributions.Item;
import gongkai.query.cells.Contributions.Table;
import gongkai.query.cells.Contributions;
import gongkai.query.counting.ApplicantColumn;
import gongkai.query.counting.ApplicationRow;
import gongkai.query.counting.ProactiveCounting;
import gongkai.query.counting.ReportTable;
import gongkai.query.counting.TableThree;
import gongkai.query.lawsuit.LawsuitCases;
import gongkai.query.review.ReviewCases;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is behind a figure of any table: the sources counted in it (drill-down) and the events that
 * changed it between two instants (a publication's flagged changes). Table 三's are its counted cells
 * ({@link ApplicationCells}); tables 二 and 四's their contributions ({@link Contributions}). Derived
 * figures gather their parts: table 三's TOTAL column every applicant column, its RESULT_TOTAL row every
 * outcome row; table 四's TOTAL is stored on its own.
 */
@Service
public class FigureSources {

    private final ApplicationCells cells;
    private final Contributions contributions;
    private final ReviewCases reviews;
    private final LawsuitCases lawsuits;

    public FigureSources(ApplicationCells cells, Contributions contributions, ReviewCases reviews, LawsuitCases lawsuits) {
        this.cells = cells;
        this.contributions = contributions;
        this.reviews = reviews;
        this.lawsuits = lawsuits;
    }

    /** The events that opened or closed a row counted in the figure after {@code since}, up to {@code until} (null: now). */
    public List<Change> changes(ReportTable table, String agencyId, int year, String rowKey, String columnKey,
                                Instant since, Instant until) {
        return switch (table) {
            case APPLICATIONS -> cells.changes(agencyId, year, applicationRows(rowKey), applicationColumn(columnKey),
                                               since, until);
            case PROACTIVE -> contributions.changes(agencyId, Table.PROACTIVE, year, List.of(rowKey), columnKey, since, until);
            case REVIEWS_AND_LAWSUITS -> contributions.changes(agencyId, Table.REVIEWS_AND_LAWSUITS, year, List.of(rowKey),
                                                               columnKey, since, until);
        };
    }

    /** Table 三's rows behind a row key: RESULT_TOTAL is every outcome row. */
    public static List<String> applicationRows(String rowKey) {
        return rowKey.equals(ApplicationRow.RESULT_TOTAL)
               ? ApplicationRow.ALL.stream().map(ApplicationRow::key).filter(TableThree::isOutcome).toList()
               : List.of(rowKey);
    }

    /** Table 三's column behind a column key: TOTAL is every column (null). */
    public static String applicationColumn(String columnKey) {
        return columnKey.equals(ApplicantColumn.TOTAL) ? null : columnKey;
    }

    /** Table 二's sources of a figure: documents, the opening balance, tallies or fees, with their values. */
    public Map<String, Object> proactiveCell(String agencyId, int year, String rowKey, String columnKey, Instant asOf) {
        List<Item> items = contributions.items(agencyId, Table.PROACTIVE, year, List.of(rowKey), columnKey, asOf);
        boolean amount = columnKey.equals(ProactiveCounting.AMOUNT);
        BigDecimal sum = items.stream().map(Item::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("kind", item.source().kind());
            source.put("id", item.source().id());
            source.put(amount ? "amountYuan" : "value", amount ? item.value().toPlainString() : item.value().intValueExact());
            source.put("datedOn", item.datedOn());
            source.put("label", item.label());
            source.put("countedSince", item.validFrom());
            source.put("recordedBy", item.openedBy());
            sources.add(source);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("value", amount ? ProactiveCounting.tenThousandYuan(sum) : sum.intValueExact());
        answer.put("count", items.size());
        answer.put("sources", sources);
        return answer;
    }

    /** Table 四's cases of a figure, with what the query side knows of each now. */
    public Map<String, Object> reviewsAndLawsuitsCell(String agencyId, int year, String rowKey, String columnKey,
                                                      Instant asOf) {
        List<Item> items = contributions.items(agencyId, Table.REVIEWS_AND_LAWSUITS, year, List.of(rowKey), columnKey, asOf);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> c = new LinkedHashMap<>();
            if (item.source().kind().equals(Contributions.REVIEW)) {
                ReviewCases.ReviewFacts r = reviews.find(item.source().id());
                c.put("reviewId", item.source().id());
                if (r != null) {
                    c.put("filedOn", r.filedOn());
                    c.put("decidedOn", r.decidedOn());
                    c.put("result", r.result());
                    c.put("applicationId", r.applicationId());
                }
                c.put("href", "/api/reviews/" + item.source().id() + "/history");
            } else {
                LawsuitCases.LawsuitFacts l = lawsuits.find(item.source().id());
                c.put("lawsuitId", item.source().id());
                if (l != null) {
                    c.put("route", l.route());
                    c.put("reviewId", l.reviewId());
                    c.put("filedOn", l.filedOn());
                    c.put("judgments", l.judgments());
                    c.put("finalJudgmentOn", l.finalJudgedOn());
                    c.put("result", l.finalResult());
                    c.put("applicationId", l.applicationId());
                }
                c.put("href", "/api/lawsuits/" + item.source().id() + "/history");
            }
            c.put("countedSince", item.validFrom());
            c.put("recordedBy", item.openedBy());
            cases.add(c);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("value", items.size());
        answer.put("count", items.size());
        answer.put("cases", cases);
        return answer;
    }
}
