package gongkai.query.report.rendering;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tests expect, typed here from docs/annual-report.md and the national form, not taken from the
 * production code: each table's keys and the label path under which a reader finds each figure
 * (merged headers first, {@code ·} between levels).
 */
final class OfficialForm {

    static final List<String> SECTIONS = List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                                 "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                                 "六、其他需要报告的事项");

    /** Table 二: row key → its 条目 and 信息内容; figure key → its header. */
    static final Map<String, String> PROACTIVE_ROWS = new LinkedHashMap<>();
    static final Map<String, List<String>> PROACTIVE_FIGURES = new LinkedHashMap<>();
    static final Map<String, String> FIGURE_LABELS = Map.of(
            "issued", "本年制发件数", "repealed", "本年废止件数", "inForce", "现行有效件数",
            "decisions", "本年处理决定数量", "amountTenThousandYuan", "本年收费金额（单位：万元）");

    /** Table 三: row key → row path; column key → column path under 申请人情况. */
    static final Map<String, String> APPLICATION_ROWS = new LinkedHashMap<>();
    static final Map<String, String> APPLICATION_COLUMNS = new LinkedHashMap<>();

    /** Table 四: group key → group path; figure key → label. */
    static final Map<String, String> REVIEW_GROUPS = new LinkedHashMap<>();
    static final Map<String, String> REVIEW_FIGURES = new LinkedHashMap<>();

    static {
        PROACTIVE_ROWS.put("RULES", "第二十条第（一）项 · 规章");
        PROACTIVE_ROWS.put("NORMATIVE_DOCUMENTS", "第二十条第（一）项 · 行政规范性文件");
        PROACTIVE_ROWS.put("LICENSING", "第二十条第（五）项 · 行政许可");
        PROACTIVE_ROWS.put("PENALTY", "第二十条第（六）项 · 行政处罚");
        PROACTIVE_ROWS.put("COERCION", "第二十条第（六）项 · 行政强制");
        PROACTIVE_ROWS.put("FEES", "第二十条第（八）项 · 行政事业性收费");
        PROACTIVE_FIGURES.put("RULES", List.of("issued", "repealed", "inForce"));
        PROACTIVE_FIGURES.put("NORMATIVE_DOCUMENTS", List.of("issued", "repealed", "inForce"));
        PROACTIVE_FIGURES.put("LICENSING", List.of("decisions"));
        PROACTIVE_FIGURES.put("PENALTY", List.of("decisions"));
        PROACTIVE_FIGURES.put("COERCION", List.of("decisions"));
        PROACTIVE_FIGURES.put("FEES", List.of("amountTenThousandYuan"));

        String results = "三、本年度办理结果 · ";
        String withheld = results + "（三）不予公开 · ";
        String unavailable = results + "（四）无法提供 · ";
        String notProcessed = results + "（五）不予处理 · ";
        String other = results + "（六）其他处理 · ";
        APPLICATION_ROWS.put("NEW", "一、本年新收政府信息公开申请数量");
        APPLICATION_ROWS.put("CARRIED_OVER", "二、上年结转政府信息公开申请数量");
        APPLICATION_ROWS.put("DISCLOSED", results + "（一）予以公开");
        APPLICATION_ROWS.put("PARTIALLY_DISCLOSED", results + "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        APPLICATION_ROWS.put("WITHHELD_STATE_SECRET", withheld + "1.属于国家秘密");
        APPLICATION_ROWS.put("WITHHELD_PROHIBITED_BY_LAW", withheld + "2.其他法律行政法规禁止公开");
        APPLICATION_ROWS.put("WITHHELD_SECURITY_STABILITY", withheld + "3.危及“三安全一稳定”");
        APPLICATION_ROWS.put("WITHHELD_THIRD_PARTY_RIGHTS", withheld + "4.保护第三方合法权益");
        APPLICATION_ROWS.put("WITHHELD_INTERNAL_AFFAIRS", withheld + "5.属于三类内部事务信息");
        APPLICATION_ROWS.put("WITHHELD_PROCESS_INFORMATION", withheld + "6.属于四类过程性信息");
        APPLICATION_ROWS.put("WITHHELD_ENFORCEMENT_FILE", withheld + "7.属于行政执法案卷");
        APPLICATION_ROWS.put("WITHHELD_ADMINISTRATIVE_INQUIRY", withheld + "8.属于行政查询事项");
        APPLICATION_ROWS.put("UNAVAILABLE_NOT_HELD", unavailable + "1.本机关不掌握相关政府信息");
        APPLICATION_ROWS.put("UNAVAILABLE_REQUIRES_CREATION", unavailable + "2.没有现成信息需要另行制作");
        APPLICATION_ROWS.put("UNAVAILABLE_STILL_UNCLEAR", unavailable + "3.补正后申请内容仍不明确");
        APPLICATION_ROWS.put("NOT_PROCESSED_PETITION", notProcessed + "1.信访举报投诉类申请");
        APPLICATION_ROWS.put("NOT_PROCESSED_DUPLICATE", notProcessed + "2.重复申请");
        APPLICATION_ROWS.put("NOT_PROCESSED_PUBLICATION", notProcessed + "3.要求提供公开出版物");
        APPLICATION_ROWS.put("NOT_PROCESSED_EXCESSIVE", notProcessed + "4.无正当理由大量反复申请");
        APPLICATION_ROWS.put("NOT_PROCESSED_CONFIRMATION", notProcessed + "5.要求行政机关确认或重新出具已获取信息");
        APPLICATION_ROWS.put("OTHER_SUPPLEMENT_OVERDUE",
                             other + "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
        APPLICATION_ROWS.put("OTHER_FEE_UNPAID", other + "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
        APPLICATION_ROWS.put("OTHER_OTHER", other + "3.其他");
        APPLICATION_ROWS.put("RESULT_TOTAL", results + "（七）总计");
        APPLICATION_ROWS.put("CARRIED_FORWARD", "四、结转下年度继续办理");

        APPLICATION_COLUMNS.put("NATURAL_PERSON", "自然人");
        APPLICATION_COLUMNS.put("COMMERCIAL_ENTERPRISE", "法人或其他组织 · 商业企业");
        APPLICATION_COLUMNS.put("RESEARCH_INSTITUTION", "法人或其他组织 · 科研机构");
        APPLICATION_COLUMNS.put("SOCIAL_WELFARE_ORGANIZATION", "法人或其他组织 · 社会公益组织");
        APPLICATION_COLUMNS.put("LEGAL_SERVICE_INSTITUTION", "法人或其他组织 · 法律服务机构");
        APPLICATION_COLUMNS.put("OTHER_ORGANIZATION", "法人或其他组织 · 其他");
        APPLICATION_COLUMNS.put("TOTAL", "总计");

        REVIEW_GROUPS.put("REVIEW", "行政复议");
        REVIEW_GROUPS.put("LAWSUIT_DIRECT", "行政诉讼 · 未经复议直接起诉");
        REVIEW_GROUPS.put("LAWSUIT_AFTER_REVIEW", "行政诉讼 · 复议后起诉");
        REVIEW_FIGURES.put("UPHELD", "结果维持");
        REVIEW_FIGURES.put("CORRECTED", "结果纠正");
        REVIEW_FIGURES.put("OTHER", "其他结果");
        REVIEW_FIGURES.put("PENDING", "尚未审结");
        REVIEW_FIGURES.put("TOTAL", "总计");
    }

    private OfficialForm() {
    }

    static List<String> path(String label) {
        return Arrays.asList(label.split(" · "));
    }
}
