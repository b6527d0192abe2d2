package gongkai.events.proactive;

/** The administrative decisions whose number section 二 reports (第二十条第（五）、（六）项). */
public enum DecisionCategory {
    LICENSING("行政许可"),
    PENALTY("行政处罚"),
    COERCION("行政强制");

    private final String label;

    DecisionCategory(String label) {
        this.label = label;
    }

    /** The row key of section 二 is the constant's name. */
    public String rowKey() {
        return name();
    }

    public String label() {
        return label;
    }
}
