package gongkai.query.counting;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a drill-down's row key names its table: the row keys of the three tables are distinct. */
class ReportTableTest {

    @Test
    void rowKeysAreDistinctAcrossTheTables() {
        List<String> all = new ArrayList<>();
        for (ReportTable table : ReportTable.values()) {
            all.addAll(table.rowKeys());
        }
        assertThat(new HashSet<>(all)).hasSameSizeAs(all);
    }

    @Test
    void aRowKeyNamesItsTableAndTheRowNamesItsColumns() {
        assertThat(ReportTable.ofRow("NORMATIVE_DOCUMENTS")).contains(ReportTable.PROACTIVE);
        assertThat(ReportTable.ofRow("CARRIED_OVER")).contains(ReportTable.APPLICATIONS);
        assertThat(ReportTable.ofRow("LAWSUIT_DIRECT")).contains(ReportTable.REVIEWS_AND_LAWSUITS);
        assertThat(ReportTable.ofRow("NOT_A_ROW")).isEmpty();
        assertThat(ReportTable.PROACTIVE.hasColumn("RULES", "inForce")).isTrue();
        assertThat(ReportTable.PROACTIVE.hasColumn("LICENSING", "inForce")).isFalse();
        assertThat(ReportTable.PROACTIVE.hasColumn("FEES", "amountTenThousandYuan")).isTrue();
        assertThat(ReportTable.REVIEWS_AND_LAWSUITS.hasColumn("REVIEW", "TOTAL")).isTrue();
        assertThat(ReportTable.APPLICATIONS.hasColumn("NEW", "TOTAL")).isTrue();
        assertThat(ReportTable.APPLICATIONS.hasColumn("NEW", "PENDING")).isFalse();
    }
}
