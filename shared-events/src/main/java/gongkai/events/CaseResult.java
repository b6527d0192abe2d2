package gongkai.events;

/**
 * The result of a reconsideration (行政复议) or of a lawsuit (行政诉讼): the result figures of table 四
 * (docs/annual-report.md, "Table 四"; docs/lifecycle.md, "Administrative reconsideration"). A case without a counting
 * result is 尚未审结 ({@code PENDING}), which is a state of the count, never a recorded result.
 */
public enum CaseResult {
    /** 维持: the agency's handling stands. */
    UPHELD("结果维持"),
    /** 纠正: revoked, changed, ordered to act, or declared unlawful. */
    CORRECTED("结果纠正"),
    /** 其他: terminated, withdrawn, dismissed, mediated. */
    OTHER("其他结果");

    private final String label;

    CaseResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
