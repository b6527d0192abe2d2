package gongkai.query.application;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A worklist or a search as an XLSX sheet: one row per application, the columns of the worklist; never the
 * applicant's personal data (a spreadsheet travels further than a page).
 */
final class WorklistWorkbook {

    /** Column heading → the application's field. */
    static final List<String[]> COLUMNS = List.of(
            new String[] {"申请编号", "applicationId"}, new String[] {"收到申请之日", "receivedOn"},
            new String[] {"提交渠道", "channel"}, new String[] {"申请人类型", "applicantType"},
            new String[] {"状态", "state"}, new String[] {"答复期限", "dueOn"},
            new String[] {"剩余工作日", "workingDaysLeft"}, new String[] {"答复日期", "concludedOn"},
            new String[] {"答复结果", "outcome"});

    private WorklistWorkbook() {
    }

    static byte[] of(List<Map<String, Object>> applications) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("申请");
            Row heading = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                heading.createCell(c).setCellValue(COLUMNS.get(c)[0]);
            }
            int r = 1;
            for (Map<String, Object> application : applications) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Object value = application.get(COLUMNS.get(c)[1]);
                    Cell cell = row.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, c == 0 ? 40 * 256 : 16 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
