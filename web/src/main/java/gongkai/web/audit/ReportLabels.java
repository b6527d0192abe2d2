package gongkai.web.audit;

import gongkai.events.application.ApplicantType;
import gongkai.events.application.Outcome;

import java.util.HashMap;
import java.util.Map;

/**
 * The labels of the annual report's rows and columns as the national form (国办公开办函〔2021〕30号)
 * words them, for the auditor's pages; a key without a label is shown as it is.
 */
public final class ReportLabels {

    private static final Map<String, String> ROWS = new HashMap<>();
    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        ROWS.put("RULES", "规章");
        ROWS.put("NORMATIVE_DOCUMENTS", "行政规范性文件");
        ROWS.put("LICENSING", "行政许可");
        ROWS.put("PENALTY", "行政处罚");
        ROWS.put("COERCION", "行政强制");
        ROWS.put("FEES", "行政事业性收费");
        ROWS.put("NEW", "一、本年新收政府信息公开申请数量");
        ROWS.put("CARRIED_OVER", "二、上年结转政府信息公开申请数量");
        for (Outcome outcome : Outcome.values()) {
            ROWS.put(outcome.name(), (outcome == Outcome.DISCLOSED ? "三、本年度办理结果 · " : "") + outcome.label());
        }
        ROWS.put("RESULT_TOTAL", "（七）总计");
        ROWS.put("CARRIED_FORWARD", "四、结转下年度继续办理");
        ROWS.put("REVIEW", "行政复议");
        ROWS.put("LAWSUIT_DIRECT", "行政诉讼 · 未经复议直接起诉");
        ROWS.put("LAWSUIT_AFTER_REVIEW", "行政诉讼 · 复议后起诉");
        COLUMNS.put("issued", "本年制发件数");
        COLUMNS.put("repealed", "本年废止件数");
        COLUMNS.put("inForce", "现行有效件数");
        COLUMNS.put("decisions", "本年处理决定数量");
        COLUMNS.put("amountTenThousandYuan", "本年收费金额（万元）");
        for (ApplicantType type : ApplicantType.values()) {
            COLUMNS.put(type.name(), type.label());
        }
        COLUMNS.put("TOTAL", "总计");
        COLUMNS.put("UPHELD", "结果维持");
        COLUMNS.put("CORRECTED", "结果纠正");
        COLUMNS.put("OTHER", "其他结果");
        COLUMNS.put("PENDING", "尚未审结");
    }

    private ReportLabels() {
    }

    public static String row(String key) {
        return ROWS.getOrDefault(key, key);
    }

    public static String column(String key) {
        return COLUMNS.getOrDefault(key, key);
    }
}
