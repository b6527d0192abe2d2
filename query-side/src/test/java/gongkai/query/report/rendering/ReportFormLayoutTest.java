package gongkai.query.report.rendering;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout the pages draw the official tables from ({@link ReportForm#layout()}) is the renderings' layout,
 * cell for cell with the same merges and keys, and carries no figure.
 */
class ReportFormLayoutTest {

    @Test
    void theLayoutIsTheRenderedLayoutCellForCellWithoutItsFigures() {
        List<FormTable> rendered = ReportForm.tables(ReportView.of(ReportRenderingTest.fullReport(), new ObjectMapper()));
        List<FormTable> layout = ReportForm.layout();
        assertThat(layout).hasSize(3);
        for (int t = 0; t < layout.size(); t++) {
            FormTable blank = layout.get(t);
            FormTable full = rendered.get(t);
            assertThat(blank.key()).isEqualTo(full.key());
            assertThat(blank.headRows()).isEqualTo(full.headRows());
            assertThat(blank.widths()).containsExactly(full.widths());
            List<FormTable.Placed> blankCells = blank.placed();
            List<FormTable.Placed> fullCells = full.placed();
            assertThat(blankCells).hasSameSizeAs(fullCells);
            for (int i = 0; i < blankCells.size(); i++) {
                FormTable.Placed b = blankCells.get(i);
                FormTable.Placed f = fullCells.get(i);
                assertThat(List.of(b.row(), b.column(), b.lastRow(), b.lastColumn()))
                        .isEqualTo(List.of(f.row(), f.column(), f.lastRow(), f.lastColumn()));
                assertThat(b.cell().role()).isEqualTo(f.cell().role());
                assertThat(b.cell().figure()).isEqualTo(f.cell().figure());
                if (b.cell().role() == FormTable.Role.VALUE) {
                    assertThat(b.cell().text()).as(b.cell().figure().label()).isEmpty();
                    assertThat(f.cell().text()).as("the full report has it").isNotEmpty();
                } else {
                    assertThat(b.cell().text()).isEqualTo(f.cell().text());
                }
            }
        }
    }
}
