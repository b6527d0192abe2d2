package gongkai.query.report.rendering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both services on the embedded PostgreSQL: a clerk records a year of cases through HTTP, then every
 * rendering is fetched over HTTP ({@code ?format=}, with and without {@code asOf}) and read back: each
 * shows the very figures of the JSON the same endpoint answers, under the official labels.
 */
class RenderedReportEndToEndTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT = "/api/agencies/dongshan/reports/2023";

    record Fetched(int status, HttpHeaders headers, byte[] body) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        String disposition() {
            return headers.firstValue("Content-Disposition").orElse("");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    @Test
    void everyRenderingFetchedOverHttpShowsTheFiguresOfTheJsonUnderTheOfficialLabels() throws Exception {
        try (RunningCommandSide commandSide = RunningCommandSide.onNewDatabase();
             RunningQuerySide querySide = RunningQuerySide.on(commandSide.databaseUrl())) {
            Http admin = commandSide.admin();
            ok(admin.post("/api/admin/agencies", "{\"agencyId\":\"dongshan\",\"name\":\"东山镇人民政府\"}"), 201);
            ok(admin.post("/api/admin/users", "{\"username\":\"qian\",\"password\":\"qian-password\",\"roles\":[\"CLERK\"],"
                                              + "\"agencyId\":\"dongshan\"}"), 201);
            Http clerk = commandSide.as("qian", "qian-password");

            application(clerk, "2023-02-01", "NATURAL_PERSON", "2023-02-20", "DISCLOSED");
            application(clerk, "2023-03-05", "COMMERCIAL_ENTERPRISE", "2023-03-28", "WITHHELD_THIRD_PARTY_RIGHTS");
            application(clerk, "2023-04-10", "NATURAL_PERSON", "2023-05-06", "UNAVAILABLE_NOT_HELD");
            Thread.sleep(50);
            Instant between = Instant.now();
            Thread.sleep(50);
            application(clerk, "2023-06-01", "LEGAL_SERVICE_INSTITUTION", "2023-06-15", "NOT_PROCESSED_DUPLICATE");
            application(clerk, "2023-09-09", "NATURAL_PERSON", null, null); // withdrawn below
            application(clerk, "2023-12-28", "OTHER_ORGANIZATION", "2024-01-10", "DISCLOSED"); // carried forward
            // What tables 二 and 四 and the narrative are made of (the query side counts them once they are merged).
            ok(clerk.post("/api/agencies/dongshan/decision-tallies",
                          "{\"category\":\"LICENSING\",\"from\":\"2023-01-01\",\"to\":\"2023-12-31\",\"count\":274}"), 201);
            ok(clerk.post("/api/agencies/dongshan/documents",
                          "{\"kind\":\"NORMATIVE_DOCUMENT\",\"title\":\"东山镇村务公开办法\",\"issuedOn\":\"2023-03-01\"}"), 201);
            ok(clerk.post("/api/agencies/dongshan/fees", "{\"collectedOn\":\"2023-07-01\",\"amountYuan\":\"1234.50\"}"), 201);
            ok(clerk.post("/api/reviews", "{\"agencyId\":\"dongshan\",\"filedOn\":\"2023-05-01\"}"), 201);
            ok(clerk.post("/api/lawsuits", "{\"agencyId\":\"dongshan\",\"filedOn\":\"2023-06-01\",\"route\":\"DIRECT\"}"), 201);
            ok(clerk.put(REPORT + "/narrative", """
                    {"overview":"东山镇2023年全面推进政府信息公开工作。\\n<b>依申请公开</b>：收到申请6件。",
                     "problems":"存在的主要问题：公开形式还欠丰富。","other":"本年度无其他需要报告的事项。"}"""), 200);

            String base = querySide.baseUrl();
            Http reader = querySide.as("qian", "qian-password");
            awaitCaughtUp(reader);
            JsonNode report = reader.get(REPORT).json();
            assertThat(report.at("/applications/NEW/TOTAL").asInt()).isEqualTo(6);
            assertThat(report.at("/applications/CARRIED_FORWARD/TOTAL").asInt()).isEqualTo(1);
            String title = (report.hasNonNull("name") ? report.get("name").asText()
                            : report.hasNonNull("agencyName") ? report.get("agencyName").asText() : "dongshan")
                           + "2023年政府信息公开工作年度报告";

            Fetched html = fetch(base, REPORT + "?format=html", "qian");
            assertThat(html.status()).isEqualTo(200);
            assertThat(html.contentType()).isEqualTo("text/html;charset=UTF-8");
            assertThat(html.disposition()).isEqualTo("inline; filename=\"report-dongshan-2023.html\"");
            Document page = Jsoup.parse(html.text());
            assertThat(page.selectFirst("h1").text()).isEqualTo(title);
            assertThat(page.select("h2").eachText()).containsExactlyElementsOf(OfficialForm.SECTIONS);
            RenderedFigures.assertEqualToJson(report, FormGrid.of(page.getElementById("table-proactive")),
                                              FormGrid.of(page.getElementById("table-applications")),
                                              FormGrid.of(page.getElementById("table-reviews-and-lawsuits")), "html");
            assertThat(page.selectFirst("#reviews-and-lawsuits .counting-rule").text()).contains("尚未审结");
            if (report.at("/narrative/overview").isTextual()) {
                assertThat(page.select("#overview p").eachText()).contains("<b>依申请公开</b>：收到申请6件。");
                assertThat(page.select("#overview b")).isEmpty();
            }

            Fetched xlsx = fetch(base, REPORT + "?format=xlsx", "qian");
            assertThat(xlsx.status()).isEqualTo(200);
            assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(xlsx.disposition()).isEqualTo("attachment; filename=\"report-dongshan-2023.xlsx\"");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                RenderedFigures.assertEqualToJson(report, FormGrid.of(workbook.getSheet("二、主动公开政府信息情况"), XlsxReport.FIRST_TABLE_ROW),
                                                  FormGrid.of(workbook.getSheet("三、收到和处理政府信息公开申请情况"), XlsxReport.FIRST_TABLE_ROW),
                                                  FormGrid.of(workbook.getSheet("四、政府信息公开行政复议、行政诉讼情况"), XlsxReport.FIRST_TABLE_ROW),
                                                  "xlsx");
            }

            Fetched docx = fetch(base, REPORT + "?format=docx", "qian");
            assertThat(docx.status()).isEqualTo(200);
            assertThat(docx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(docx.disposition()).isEqualTo("attachment; filename=\"report-dongshan-2023.docx\"");
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
                List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
                assertThat(paragraphs.get(0)).isEqualTo(title);
                assertThat(paragraphs).containsSubsequence(OfficialForm.SECTIONS);
                RenderedFigures.assertEqualToJson(report, FormGrid.of(document.getTables().get(0)),
                                                  FormGrid.of(document.getTables().get(1)),
                                                  FormGrid.of(document.getTables().get(2)), "docx");
            }

            Fetched csv = fetch(base, REPORT + "?format=csv", "qian");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
            assertThat(csv.disposition()).isEqualTo("attachment; filename=\"report-dongshan-2023.csv\"");
            assertCsvIsTheJson(csv, report);

            // As of an instant: the same figures as the JSON as of then, and a name that says so.
            String asOf = "asOf=" + between.toString().replace(":", "%3A");
            JsonNode then = reader.get(REPORT + "?" + asOf).json();
            assertThat(then.at("/applications/NEW/TOTAL").asInt()).isEqualTo(3);
            Fetched csvThen = fetch(base, REPORT + "?format=csv&" + asOf, "qian");
            assertThat(csvThen.disposition()).startsWith("attachment; filename=\"report-dongshan-2023-asof-").endsWith(".csv\"");
            assertCsvIsTheJson(csvThen, then);
            Document pageThen = Jsoup.parse(fetch(base, REPORT + "?format=html&" + asOf, "qian").text());
            RenderedFigures.assertEqualToJson(then, FormGrid.of(pageThen.getElementById("table-proactive")),
                                              FormGrid.of(pageThen.getElementById("table-applications")),
                                              FormGrid.of(pageThen.getElementById("table-reviews-and-lawsuits")), "html as of");
            assertThat(pageThen.selectFirst(".as-of").text()).contains(between.toString());

            // Without format, the JSON as before; an unknown format is a problem naming the parameter.
            assertThat(fetch(base, REPORT, "qian").contentType()).startsWith("application/json");
            for (String wrong : List.of("pdf", "", "HTML5")) {
                Fetched refused = fetch(base, REPORT + "?format=" + wrong, "qian");
                assertThat(refused.status()).as(wrong).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("format");
                assertThat(refused.json().get("detail").asText()).contains("html, xlsx, docx, csv");
            }
            assertThat(fetch(base, REPORT + "?format=XLSX", "qian").status()).isEqualTo(200);
            assertThat(fetch(base, "/api/agencies/dongshan/reports/1999?format=html", "qian").status()).isEqualTo(400);

            // Another agency's clerk may not read it, in any format.
            commandSide.agencyWithClerk("xishan", "sun");
            Fetched foreign = fetch(base, REPORT + "?format=docx", "sun");
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(foreign.contentType()).startsWith("application/problem+json");
        }
    }

    private static void assertCsvIsTheJson(Fetched csv, JsonNode report) {
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> records = Csv.parse(csv.text().substring(1));
        assertThat(records.get(0)).containsExactly("table", "rowKey", "columnKey", "label", "value");
        assertThat(records).hasSize(1 + RenderedFigures.count());
        for (List<String> record : records.subList(1, records.size())) {
            assertThat(record.get(4)).as(record.toString())
                                     .isEqualTo(RenderedFigures.expected(report, record.get(0), record.get(1), record.get(2)));
        }
    }

    private static void application(Http clerk, String receivedOn, String type, String concludedOn, String outcome) {
        String id = UUID.randomUUID().toString();
        ok(clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"dongshan","receivedOn":"%s","channel":"ONLINE",
                 "applicantType":"%s","applicant":{"name":"申请人"},"request":"信息"}""".formatted(id, receivedOn, type)), 201);
        if (concludedOn != null) {
            ok(clerk.post("/api/applications/" + id + "/conclusion",
                          "{\"concludedOn\":\"%s\",\"outcome\":\"%s\"}".formatted(concludedOn, outcome)), 200);
        } else {
            ok(clerk.post("/api/applications/" + id + "/withdrawal", "{\"withdrawnOn\":\"2023-09-20\"}"), 200);
        }
    }

    private static Fetched fetch(String base, String path, String user) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
                                                               .header("Authorization", "Basic " + credentials).GET().build(),
                                                    HttpResponse.BodyHandlers.ofByteArray());
        return new Fetched(response.statusCode(), response.headers(), response.body());
    }

    private static void awaitCaughtUp(Http reader) {
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(30));
    }

    private static void ok(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
