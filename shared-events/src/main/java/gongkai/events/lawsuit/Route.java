package gongkai.events.lawsuit;

/** How a lawsuit reached the court; it decides the group of table 四 the case counts in. */
public enum Route {
    /** 未经复议直接起诉: group {@code LAWSUIT_DIRECT}. */
    DIRECT("LAWSUIT_DIRECT", "行政诉讼 · 未经复议直接起诉"),
    /** 复议后起诉: group {@code LAWSUIT_AFTER_REVIEW}; the lawsuit names the reconsideration case. */
    AFTER_REVIEW("LAWSUIT_AFTER_REVIEW", "行政诉讼 · 复议后起诉");

    private final String groupKey;
    private final String label;

    Route(String groupKey, String label) {
        this.groupKey = groupKey;
        this.label = label;
    }

    /** The group key of table 四 (docs/annual-report.md, "Table 四"). */
    public String groupKey() {
        return groupKey;
    }

    public String label() {
        return label;
    }
}
