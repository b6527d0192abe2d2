package gongkai.query.report;

import gongkai.events.application.Outcome;
import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DocumentKind;
import gongkai.query.counting.ApplicantColumn;
import gongkai.query.counting.ApplicationRow;
import gongkai.query.counting.ProactiveCounting;
import gongkai.query.counting.ReviewLawsuitCounting;
import gongkai.query.counting.TableFour;
import gongkai.query.counting.TableThree;
import gongkai.query.counting.TableTwo;
import gongkai.query.report.ReportFigures.Figures;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static gongkai.query.counting.ProactiveCounting.DECISIONS;
import static gongkai.query.counting.ProactiveCounting.IN_FORCE;
import static gongkai.query.counting.ProactiveCounting.ISSUED;
import static gongkai.query.counting.ProactiveCounting.REPEALED;

/**
 * A draft of section 一's sentences (总体情况) generated from the same figures as the tables: items
 * published by category, the documents, decisions and fees of table 二, the applications of table 三,
 * the reconsiderations and lawsuits of table 四. An agency that starts its text from this draft cannot
 * publish a text that contradicts its tables (the seed's text says no application was received, which
 * is true, but its table 四 contradicts itself). One paragraph per subject, separated by a newline.
 */
public final class OverviewDraft {

    private OverviewDraft() {
    }

    public static String of(int year, Map<String, Integer> publishedByCategory, Figures figures) {
        return String.join("\n", proactive(year, publishedByCategory, figures.proactive()),
                           applications(year, figures.applications()), reviewsAndLawsuits(year, figures.reviewsAndLawsuits()));
    }

    static String proactive(int year, Map<String, Integer> byCategory, TableTwo t) {
        StringBuilder s = new StringBuilder();
        int items = byCategory.values().stream().mapToInt(Integer::intValue).sum();
        if (items == 0) {
            s.append(year).append("年，本机关未登记主动公开的政府信息。");
        } else {
            s.append(year).append("年，本机关主动公开政府信息").append(items).append("条。主动公开政府信息主要类别有：")
             .append(byCategory.entrySet().stream().map(e -> e.getKey() + e.getValue() + "条")
                               .collect(Collectors.joining("；")))
             .append("。");
        }
        String rules = DocumentKind.RULE.rowKey();
        String documents = DocumentKind.NORMATIVE_DOCUMENT.rowKey();
        s.append("本年制发规章").append(t.count(rules, ISSUED)).append("件、行政规范性文件").append(t.count(documents, ISSUED))
         .append("件，废止规章").append(t.count(rules, REPEALED)).append("件、行政规范性文件").append(t.count(documents, REPEALED))
         .append("件，现行有效规章").append(t.count(rules, IN_FORCE)).append("件、行政规范性文件")
         .append(t.count(documents, IN_FORCE)).append("件；");
        s.append("作出行政许可决定").append(t.count(DecisionCategory.LICENSING.rowKey(), DECISIONS))
         .append("件、行政处罚决定").append(t.count(DecisionCategory.PENALTY.rowKey(), DECISIONS))
         .append("件、行政强制决定").append(t.count(DecisionCategory.COERCION.rowKey(), DECISIONS)).append("件；");
        s.append("收取行政事业性收费").append(ProactiveCounting.tenThousandYuan(t.feesYuan())).append("万元。");
        return s.toString();
    }

    static String applications(int year, TableThree a) {
        String total = ApplicantColumn.TOTAL;
        int received = a.get(ApplicationRow.NEW, total);
        int carriedOver = a.get(ApplicationRow.CARRIED_OVER, total);
        if (received == 0 && carriedOver == 0) {
            return year + "年度本机关未收到政府信息公开申请，无上年结转申请。";
        }
        int answered = a.get(ApplicationRow.RESULT_TOTAL, total);
        StringBuilder s = new StringBuilder();
        s.append(year).append("年度本机关新收政府信息公开申请").append(received).append("件，上年结转").append(carriedOver)
         .append("件；本年办结").append(answered).append("件");
        if (answered > 0) {
            s.append("，其中予以公开").append(a.get(Outcome.DISCLOSED.name(), total))
             .append("件、部分公开").append(a.get(Outcome.PARTIALLY_DISCLOSED.name(), total))
             .append("件、不予公开").append(sum(a, "WITHHELD_"))
             .append("件、无法提供").append(sum(a, "UNAVAILABLE_"))
             .append("件、不予处理").append(sum(a, "NOT_PROCESSED_"))
             .append("件、其他处理").append(sum(a, "OTHER_")).append("件");
        }
        s.append("；结转下年度继续办理").append(a.get(ApplicationRow.CARRIED_FORWARD, total)).append("件。");
        return s.toString();
    }

    static String reviewsAndLawsuits(int year, TableFour r) {
        String total = ReviewLawsuitCounting.TOTAL;
        List<String> groups = ReviewLawsuitCounting.GROUPS;
        int reviews = r.get(groups.get(0), total);
        int direct = r.get(groups.get(1), total);
        int afterReview = r.get(groups.get(2), total);
        if (reviews + direct + afterReview == 0) {
            return year + "年度本机关未发生因政府信息公开引起的行政复议、行政诉讼。";
        }
        return year + "年度因政府信息公开引起的行政复议" + reviews + "件" + results(r, groups.get(0))
               + "，行政诉讼" + (direct + afterReview) + "件，其中未经复议直接起诉" + direct + "件" + results(r, groups.get(1))
               + "、复议后起诉" + afterReview + "件" + results(r, groups.get(2)) + "。";
    }

    private static String results(TableFour r, String group) {
        if (r.get(group, ReviewLawsuitCounting.TOTAL) == 0) {
            return "";
        }
        return "（结果维持" + r.get(group, "UPHELD") + "件、结果纠正" + r.get(group, "CORRECTED") + "件、其他结果"
               + r.get(group, "OTHER") + "件、尚未审结" + r.get(group, ReviewLawsuitCounting.PENDING) + "件）";
    }

    private static int sum(TableThree a, String prefix) {
        int sum = 0;
        for (Outcome outcome : Outcome.values()) {
            if (outcome.name().startsWith(prefix)) {
                sum += a.get(outcome.name(), ApplicantColumn.TOTAL);
            }
        }
        return sum;
    }
}
