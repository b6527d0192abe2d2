package gongkai.command.golive;

import gongkai.command.golive.GoingLiveWorkbook.Contents;
import gongkai.command.golive.GoingLiveWorkbook.RowProblem;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.Channel;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The going-live spreadsheet: read as the template lays it out, every problem named where it is. */
class GoingLiveWorkbookTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-03-01");

    @Test
    void aGoodRowIsReadWithItsStepsAndTheLabelsTheClerksUse() throws IOException {
        Contents contents = GoingLiveWorkbook.read(workbook(new String[] {"A-1", "2024-01-08", "邮寄", "科研机构", "王五", "预算",
                "2024-01-09", "2024-01-20", "", "", "", "", "2024-02-01", "15", "需要调取档案"}), TODAY);
        assertThat(contents.problems()).isEmpty();
        GoingLiveWorkbook.ApplicationRow row = contents.applications().get(0);
        assertThat(row.row()).isEqualTo(2);
        assertThat(row.channel()).isEqualTo(Channel.MAIL);
        assertThat(row.applicantType()).isEqualTo(ApplicantType.RESEARCH_INSTITUTION);
        assertThat(row.supplementReplyBy()).isEqualTo(LocalDate.parse("2024-01-20"));
        assertThat(row.extensionWorkingDays()).isEqualTo(15);
    }

    @Test
    void everyProblemOfEveryRowIsNamedWithItsRowAndColumn() throws IOException {
        Contents contents = GoingLiveWorkbook.read(workbook(
                new String[] {"A-1", "2024-01-08", "邮寄", "自然人", "王五", "预算", "", "", "", "", "", "", "2024-02-01", "25", "理由"},
                new String[] {"A-1", "2025-01-01", "邮寄", "外星人", "", "预算"}), TODAY);
        assertThat(contents.problems()).extracting(RowProblem::row, RowProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "延长工作日数"),
                org.assertj.core.groups.Tuple.tuple(3, "编号"),
                org.assertj.core.groups.Tuple.tuple(3, "收到申请日期"),
                org.assertj.core.groups.Tuple.tuple(3, "申请人类型"),
                org.assertj.core.groups.Tuple.tuple(3, "申请人姓名"));
    }

    @Test
    void aFileThatIsNoWorkbookIsOneProblemNotAnError() {
        assertThat(GoingLiveWorkbook.read("not a workbook".getBytes(StandardCharsets.UTF_8), TODAY).problems())
                .singleElement().extracting(RowProblem::reason).asString().contains(".xlsx");
    }

    @Test
    void openCasesMustAddUpToLastYearsPublishedCarriedForward() {
        List<GoingLiveWorkbook.ApplicationRow> rows = List.of(
                new GoingLiveWorkbook.ApplicationRow(2, "A", LocalDate.parse("2023-12-01"), Channel.MAIL, ApplicantType.NATURAL_PERSON,
                                                     "x", "y", null, null, null, null, null, null, null, null, null),
                new GoingLiveWorkbook.ApplicationRow(3, "B", LocalDate.parse("2024-01-05"), Channel.MAIL, ApplicantType.NATURAL_PERSON,
                                                     "x", "y", null, null, null, null, null, null, null, null, null));
        assertThat(CarryOverCheck.problems(rows, new GoingLiveWorkbook.PreviousYear(2023, Map.of(ApplicantType.NATURAL_PERSON, 1))))
                .isEmpty();
        assertThat(CarryOverCheck.problems(rows, new GoingLiveWorkbook.PreviousYear(2023, Map.of(ApplicantType.NATURAL_PERSON, 2))))
                .singleElement().extracting(RowProblem::column).isEqualTo("自然人");
    }

    @Test
    void anImportedCasesIdIsTheSameAtEveryImportAndDiffersByAgency() {
        assertThat(GoingLiveImports.id("xiaoying", "application", "A-1")).isEqualTo(GoingLiveImports.id("xiaoying", "application", "A-1"))
                .isNotEqualTo(GoingLiveImports.id("dongfang", "application", "A-1"));
    }

    private static byte[] workbook(String[]... rows) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(GoingLiveWorkbook.template()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int r = 0; r < rows.length; r++) {
                Row row = workbook.getSheet(GoingLiveWorkbook.APPLICATIONS).createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
