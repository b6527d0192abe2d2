package gongkai.query.report;

import gongkai.query.report.rendering.FormTable;
import gongkai.query.report.rendering.ReportForm;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/reports/form} (docs/http-api.md, "The annual report"): the layout of tables 二, 三 and 四
 * as the national form has it (国办公开办函〔2021〕30号), the very layout of every rendering
 * ({@link ReportForm}), without figures. The pages draw the official tables from it and the report's
 * JSON, so the layout has one home.
 */
@RestController
public class ReportFormController {

    private static final Map<String, Object> FORM = Map.of("tables", tables());

    @GetMapping("/api/reports/form")
    public Map<String, Object> form() {
        return FORM;
    }

    private static List<Map<String, Object>> tables() {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (FormTable table : ReportForm.layout()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("key", table.key());
            shown.put("heading", table.heading());
            shown.put("headRows", table.headRows());
            shown.put("widths", table.widths());
            List<List<Map<String, Object>>> rows = new ArrayList<>();
            for (List<FormTable.Cell> row : table.rows()) {
                List<Map<String, Object>> cells = new ArrayList<>();
                for (FormTable.Cell cell : row) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("role", cell.role().name());
                    c.put("rowspan", cell.rowspan());
                    c.put("colspan", cell.colspan());
                    if (cell.figure() == null) {
                        c.put("text", cell.text());
                    } else {
                        c.put("table", cell.figure().table());
                        c.put("rowKey", cell.figure().rowKey());
                        c.put("columnKey", cell.figure().columnKey());
                        c.put("label", cell.figure().label());
                        c.put("rowLabel", cell.figure().rowLabel());
                        c.put("columnLabel", cell.figure().columnLabel());
                    }
                    cells.add(c);
                }
                rows.add(cells);
            }
            shown.put("rows", rows);
            tables.add(shown);
        }
        return List.copyOf(tables);
    }
}
