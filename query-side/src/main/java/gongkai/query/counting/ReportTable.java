package gongkai.query.counting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The three tables of the annual report, by their JSON key (docs/annual-report.md), and how a row key of a
 * drill-down ({@code …/cells/{rowKey}/{columnKey}}) is resolved: row keys are distinct across the
 * tables, so the row key alone names the table ({@link #ofRow}); the column key is then one of that
 * table's columns for that row ({@link #hasColumn}). {@code TOTAL} is a column of both 三 (the sum of
 * the applicant types) and 四 (the cases of a group): the row decides which.
 */
public enum ReportTable {
    /** Section 二 (主动公开政府信息情况). */
    PROACTIVE("proactive"),
    /** Section 三 (收到和处理政府信息公开申请情况). */
    APPLICATIONS("applications"),
    /** Section 四 (政府信息公开行政复议、行政诉讼情况). */
    REVIEWS_AND_LAWSUITS("reviewsAndLawsuits");

    private final String key;

    ReportTable(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public List<String> rowKeys() {
        return switch (this) {
            case PROACTIVE -> TableTwo.ROWS.stream().map(TableTwo.Row::key).toList();
            case APPLICATIONS -> ApplicationRow.ALL.stream().map(ApplicationRow::key).toList();
            case REVIEWS_AND_LAWSUITS -> ReviewLawsuitCounting.GROUPS;
        };
    }

    public List<String> columnKeys(String rowKey) {
        return switch (this) {
            case PROACTIVE -> TableTwo.row(rowKey).columns();
            case APPLICATIONS -> ApplicantColumn.ALL.stream().map(ApplicantColumn::key).toList();
            case REVIEWS_AND_LAWSUITS -> ReviewLawsuitCounting.FIGURES;
        };
    }

    public boolean hasColumn(String rowKey, String columnKey) {
        return columnKeys(rowKey).contains(columnKey);
    }

    /** The table whose row this is, if any. */
    public static Optional<ReportTable> ofRow(String rowKey) {
        return Arrays.stream(values()).filter(table -> table.rowKeys().contains(rowKey)).findFirst();
    }
}
