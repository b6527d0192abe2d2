package gongkai.events.proactive;

/** The two kinds of document that section 二 counts one by one (第二十条第（一）项). */
public enum DocumentKind {
    RULE("RULES", "规章"),
    NORMATIVE_DOCUMENT("NORMATIVE_DOCUMENTS", "行政规范性文件");

    private final String rowKey;
    private final String label;

    DocumentKind(String rowKey, String label) {
        this.rowKey = rowKey;
        this.label = label;
    }

    /** The row key of section 二 ({@code proactive}) in docs/annual-report.md ("Table 二"). */
    public String rowKey() {
        return rowKey;
    }

    public String label() {
        return label;
    }
}
