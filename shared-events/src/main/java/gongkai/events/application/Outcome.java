package gongkai.events.application;

/**
 * The 22 official outcomes of an application: the leaf result rows of table 三
 * (国办公开办函〔2021〕30号), in the order of the national form.
 */
public enum Outcome {
    DISCLOSED("（一）予以公开"),
    PARTIALLY_DISCLOSED("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    WITHHELD_STATE_SECRET("（三）不予公开 · 1.属于国家秘密"),
    WITHHELD_PROHIBITED_BY_LAW("2.其他法律行政法规禁止公开"),
    WITHHELD_SECURITY_STABILITY("3.危及“三安全一稳定”"),
    WITHHELD_THIRD_PARTY_RIGHTS("4.保护第三方合法权益"),
    WITHHELD_INTERNAL_AFFAIRS("5.属于三类内部事务信息"),
    WITHHELD_PROCESS_INFORMATION("6.属于四类过程性信息"),
    WITHHELD_ENFORCEMENT_FILE("7.属于行政执法案卷"),
    WITHHELD_ADMINISTRATIVE_INQUIRY("8.属于行政查询事项"),
    UNAVAILABLE_NOT_HELD("（四）无法提供 · 1.本机关不掌握相关政府信息"),
    UNAVAILABLE_REQUIRES_CREATION("2.没有现成信息需要另行制作"),
    UNAVAILABLE_STILL_UNCLEAR("3.补正后申请内容仍不明确"),
    NOT_PROCESSED_PETITION("（五）不予处理 · 1.信访举报投诉类申请"),
    NOT_PROCESSED_DUPLICATE("2.重复申请"),
    NOT_PROCESSED_PUBLICATION("3.要求提供公开出版物"),
    NOT_PROCESSED_EXCESSIVE("4.无正当理由大量反复申请"),
    NOT_PROCESSED_CONFIRMATION("5.要求行政机关确认或重新出具已获取信息"),
    OTHER_SUPPLEMENT_OVERDUE("（六）其他处理 · 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    OTHER_FEE_UNPAID("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    OTHER_OTHER("3.其他");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether this outcome may be given as a reason for the withheld parts of a partly disclosed
     * answer: the 不予公开 and 无法提供 rows.
     */
    public boolean isWithheldReason() {
        return name().startsWith("WITHHELD_") || name().startsWith("UNAVAILABLE_");
    }
}
