package gongkai.command.papers;

/**
 * The letters a disclosure application owes the applicant (国务院令第711号): each step that must be told to
 * the applicant in writing, and the answer.
 */
public enum LetterKind {
    /** 申请登记回执: the receipt, where the agency gives one (第三十一条 fixes the date of receipt). */
    RECEIPT("政府信息公开申请登记回执"),
    /** 补正告知书 (第三十条). */
    SUPPLEMENT("补正告知书"),
    /** 征求第三方意见函 (第三十二条). */
    CONSULTATION("征求第三方意见函"),
    /** 延长答复期限告知书 (第三十三条第二款). */
    EXTENSION("延长答复期限告知书"),
    /** 收费通知书 (第四十二条, 国办函〔2020〕109号). */
    FEE("信息处理费缴费通知书"),
    /** 答复书 (第三十六条 and the article of its outcome). */
    ANSWER("政府信息公开申请答复书");

    private final String title;

    LetterKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
