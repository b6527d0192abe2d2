package gongkai.query.papers;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.query.testing.RunningQuerySide;
import gongkai.query.testing.RunningSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Going live from a spreadsheet, through HTTP on both services: 200 open applications with their lifecycle so far,
 * 10 pending reconsiderations, the opening balance of table 二 and last year's published CARRIED_FORWARD are
 * imported as one; the first year's report then passes every check; a file with three bad rows records nothing
 * and names all three; the same file imported again records nothing; every event says who imported it from
 * which file.
 */
class GoingLiveImportEndToEndTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    private static Http clerk;
    private static Http reader;

    @BeforeAll
    static void agency() {
        clerk = system.commandSide().agencyWithClerk("xiaoying", "li");
        reader = system.querySide().as("li", "li-password");
    }

    @Test
    void aSpreadsheetOfOpenCasesIsImportedAsAWholeOnceAndTheFirstYearsReportPassesEveryCheck() throws IOException {
        Http.BytesResponse template = clerk.getBytes("/api/agencies/xiaoying/going-live/template");
        assertThat(template.status()).isEqualTo(200);
        byte[] goingLive = filled(template.body(), false);

        Http.Response bad = clerk.sendFile("POST", "/api/agencies/xiaoying/going-live", "bad.xlsx", XLSX, filled(template.body(), true));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        JsonNode problems = bad.json().get("problems");
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("column").asText()).isEqualTo("收到申请日期");
        assertThat(problems.get(1).get("row").asInt()).isEqualTo(11);
        assertThat(problems.get(1).get("column").asText()).isEqualTo("申请方式");
        assertThat(problems.get(2).get("row").asInt()).isEqualTo(42);
        assertThat(problems.get(2).get("column").asText()).isEqualTo("申请人姓名");
        assertThat(problems.get(2).get("reason").asText()).isEqualTo("必填");
        assertThat(eventsOfAgency()).as("a file with a bad row records nothing").isZero();

        Http.Response imported = clerk.sendFile("POST", "/api/agencies/xiaoying/going-live", "going-live.xlsx", XLSX, goingLive);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().at("/counts/applications").asInt()).isEqualTo(200);
        assertThat(imported.json().at("/counts/reviews").asInt()).isEqualTo(10);
        String sha256 = imported.json().get("sha256").asText();
        assertThat(sha256).isEqualTo(CaseFiles.sha256(goingLive));
        long recorded = eventsOfAgency();
        assertThat(recorded).isGreaterThan(210);
        assertThat(jdbc().queryForObject("select count(*) from command_side.domain_event_entry where convert_from(meta_data, 'UTF8')::jsonb"
                                         + " ->> 'importedFrom' = ? and convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' = 'li'",
                                         Long.class, sha256))
                .as("every event is marked imported, by whom and from which file").isEqualTo(recorded);

        Http.Response again = clerk.sendFile("POST", "/api/agencies/xiaoying/going-live", "going-live.xlsx", XLSX, goingLive);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("recorded").asBoolean()).isFalse();
        assertThat(eventsOfAgency()).as("the same file again records nothing").isEqualTo(recorded);

        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(60));
        JsonNode report = reader.get("/api/agencies/xiaoying/reports/2024").json();
        assertThat(report.at("/applications/CARRIED_OVER/TOTAL").asInt()).isEqualTo(120);
        assertThat(report.at("/applications/CARRIED_OVER/COMMERCIAL_ENTERPRISE").asInt()).isEqualTo(20);
        assertThat(report.at("/applications/NEW/TOTAL").asInt()).isEqualTo(80);
        assertThat(report.at("/applications/CARRIED_FORWARD/TOTAL").asInt()).isEqualTo(200);
        assertThat(report.at("/reviewsAndLawsuits/REVIEW/PENDING").asInt()).isEqualTo(10);
        assertThat(report.get("checks")).hasSize(6);
        report.get("checks").forEach(check -> assertThat(check.get("passed").asBoolean()).as(check.toString()).isTrue());
        JsonNode previous = reader.get("/api/agencies/xiaoying/reports/2023").json();
        assertThat(previous.at("/applications/CARRIED_FORWARD/TOTAL").asInt()).as("equal to last year's published figure").isEqualTo(120);
    }

    @Test
    void openCasesThatDoNotAddUpToLastYearsPublishedCarriedForwardAreNamedAndNothingIsRecorded() throws IOException {
        system.commandSide().agencyWithClerk("dongfang", "zhao");
        Http zhao = system.commandSide().as("zhao", "zhao-password");
        byte[] template = zhao.getBytes("/api/agencies/dongfang/going-live/template").body();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            row(workbook.getSheet("申请"), 1, "D-1", "2023-12-20", "邮寄", "自然人", "某人", "某项信息");
            row(workbook.getSheet("上年数据"), 1, "2023", "自然人", "2");
            workbook.write(out);
            Http.Response refused = zhao.sendFile("POST", "/api/agencies/dongfang/going-live", "d.xlsx", XLSX, out.toByteArray());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().at("/problems/0/sheet").asText()).isEqualTo("上年数据");
            assertThat(refused.json().at("/problems/0/reason").asText()).contains("2 件", "1 件", "上年结转");
        }
        assertThat(system.querySide().as("li", "li-password").get("/api/agencies/dongfang/events").status()).isEqualTo(403);
    }

    private static byte[] filled(byte[] template, boolean threeBadRows) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet applications = workbook.getSheet("申请");
            for (int i = 0; i < 200; i++) {
                boolean lastYear = i < 120;
                LocalDate received = lastYear ? LocalDate.parse("2023-10-09").plusDays(i / 2) : LocalDate.parse("2024-01-08").plusDays(i - 120);
                String type = i % 6 == 0 ? "商业企业" : "自然人";
                List<String> cells = new ArrayList<>(List.of("XY-" + i, received.toString(), i % 3 == 0 ? "网上申请" : "邮寄", type,
                                                             "申请人" + i, "第" + i + "项信息"));
                if (i % 10 == 1) {
                    cells.addAll(List.of(received.plusDays(2).toString(), received.plusDays(16).toString(), received.plusDays(7).toString()));
                } else {
                    cells.addAll(List.of("", "", ""));
                }
                if (i % 10 == 2) {
                    cells.addAll(List.of(received.plusDays(3).toString(), "某建筑公司", received.plusDays(10).toString()));
                } else {
                    cells.addAll(List.of("", "", ""));
                }
                if (i % 10 == 3) {
                    cells.addAll(List.of(received.plusDays(14).toString(), "10", "需要调取档案"));
                }
                if (threeBadRows && i == 1) {
                    cells.set(1, "2024-02-30");
                } else if (threeBadRows && i == 9) {
                    cells.set(2, "飞鸽传书");
                } else if (threeBadRows && i == 40) {
                    cells.set(4, "");
                }
                row(applications, i + 1, cells.toArray(String[]::new));
            }
            Sheet reviews = workbook.getSheet("复议诉讼");
            for (int i = 0; i < 10; i++) {
                row(reviews, i + 1, "R-" + i, "复议", "2023-11-" + (10 + i), "县人民政府", "", "", "");
            }
            row(workbook.getSheet("期初余额"), 1, "2023-12-31", "5", "40");
            Sheet previous = workbook.getSheet("上年数据");
            row(previous, 1, "2023", "自然人", "100");
            row(previous, 2, "2023", "商业企业", "20");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                row.createCell(i).setCellValue(cells[i]);
            }
        }
    }

    private static long eventsOfAgency() {
        // the cases' events: the agency's own (its creation) are not the import's
        return jdbc().queryForObject("select count(*) from command_side.domain_event_entry where type <> 'AgencyAggregate'"
                                     + " and convert_from(meta_data, 'UTF8')::jsonb ->> 'agencyId' = 'xiaoying'", Long.class);
    }

    private static JdbcTemplate jdbc() {
        return system.querySide().context().getBean(JdbcTemplate.class);
    }
}
